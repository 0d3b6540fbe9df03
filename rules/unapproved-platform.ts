import { defineRule } from './engine/define-rule';

/** Other names a platform is known by; approving one approves the others. */
const PLATFORM_ALIASES: Record<string, string[]> = {
  x: ['twitter', 'x.com', 'twitter.com'],
  facebook: ['fb', 'facebook.com', 'meta'],
  instagram: ['ig', 'instagram.com'],
  linkedin: ['linkedin.com'],
  youtube: ['youtube.com', 'yt'],
  tiktok: ['tiktok.com'],
};

function canonicalPlatform(name: string): string {
  const n = name.trim().toLowerCase();
  for (const [canonical, aliases] of Object.entries(PLATFORM_ALIASES)) {
    if (n === canonical || aliases.includes(n)) return canonical;
  }
  return n;
}

// An official post on a platform the agency has not approved. Needs a configured list (from the post
// context or the profile); with none configured it never fires. An empty list approves nothing.
export default defineRule({
  id: 'unapproved-platform',
  meta: {
    summary: 'Official-account use of a social-media platform the agency has not approved',
    inputs: ['context'],
    messages: {
      notApproved: '{{platform}} is not on the approved list ({{approved}}).',
      noneApproved: 'No platform is approved for official use, and this is {{platform}}.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    examples: {
      flagged: [
        { text: 'Follow us for road-closure updates!', account: 'official', context: { platform: 'TikTok', approvedPlatforms: ['Facebook', 'X'] } },
        { text: 'Our new page is live.', account: 'official', context: { platform: 'Bluesky', approvedPlatforms: [] }, note: 'an empty list approves nothing' },
      ],
      fine: [
        { text: 'Road closure on Last Chance Gulch today.', account: 'official', context: { platform: 'X', approvedPlatforms: ['Twitter', 'Facebook'] }, note: '"Twitter" approves X' },
        { text: 'We are on TikTok now!', account: 'official', context: { platform: 'Facebook', approvedPlatforms: ['facebook'] }, note: 'a platform named in the text does not count' },
        { text: 'Follow us!', account: 'official', context: { platform: 'TikTok' }, note: 'no approved list configured' },
      ],
    },
  },
  create(context) {
    return {
      context(ctx) {
        const approved = ctx.approvedPlatforms ?? context.profile.approvedPlatforms;
        if (!approved || !ctx.platform) return;
        const platform = canonicalPlatform(ctx.platform);
        if (approved.some((p) => canonicalPlatform(p) === platform)) return;
        if (approved.length === 0) context.report({ messageId: 'noneApproved', data: { platform: ctx.platform } });
        else context.report({ messageId: 'notApproved', data: { platform: ctx.platform, approved: approved.join(', ') } });
      },
    };
  },
});
