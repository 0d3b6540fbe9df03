// Background worker: messaging and per-tab state only; the policy logic lives in rules/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { builtinProfile, lintPost } from '../rules/api';
import { isLintRequest, type LintResponse } from '../utils/messaging';

const DEFAULT_PROFILE = 'ok-doc';

export default defineBackground(() => {
  // sendResponse + `return true` works in Chrome and Firefox, with or without the polyfill.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own content scripts and pages can reach this listener (no externally_connectable).
    if (sender.id !== browser.runtime.id) return false;
    if (!isLintRequest(message)) return false;
    const profile = builtinProfile(DEFAULT_PROFILE);
    const result = lintPost(
      { text: message.text, account: 'personal', images: message.images, context: { site: message.site, surface: message.kind } },
      profile,
    );
    const response: LintResponse = { result, disclaimer: profile.disclaimer.text, profileName: profile.name };
    sendResponse(response);
    return true;
  });
});
