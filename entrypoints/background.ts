// Background worker: messaging and per-tab state only; the policy logic lives in rules/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { lintPost } from '../rules/api';
import { policyService } from '../utils/effective-profile';
import { isLintRequest, type LintResponse } from '../utils/messaging';

export default defineBackground(() => {
  // Started in the first turn so the managed-storage and settings listeners are registered at once.
  const policy = policyService();

  // sendResponse + `return true` works in Chrome and Firefox, with or without the polyfill.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own content scripts and pages can reach this listener (no externally_connectable).
    if (sender.id !== browser.runtime.id) return false;
    const policyReply = policy.handleMessage(message);
    if (policyReply) {
      void policyReply.then(sendResponse);
      return true;
    }
    if (!isLintRequest(message)) return false;
    void policy.getEffectiveProfile().then((effective) => {
      if (!effective || effective.paused) {
        // No profile chosen yet, or paused: no warnings (the page invites the user to choose one).
        const result = { profileId: effective?.profile.id ?? '', account: 'personal' as const, findings: [], categories: [], notes: [] };
        sendResponse({ result, disclaimer: effective?.profile.disclaimer.text ?? '', profileName: effective?.profile.name ?? '' } satisfies LintResponse);
        return;
      }
      const { profile } = effective;
      // The compose stream's tab state decides personal/official from effective.officialHandles.
      const result = lintPost(
        {
          text: message.text,
          account: 'personal',
          images: message.images,
          context: { site: message.site, surface: message.kind, postedAt: new Date().toISOString() },
        },
        profile,
      );
      sendResponse({ result, disclaimer: profile.disclaimer.text, profileName: profile.name } satisfies LintResponse);
    });
    return true;
  });
});
