// The engine's public surface, used by the background worker, the CLI and the trainer.
import { BUILTIN_PROFILE_IDS, builtinProfileSource } from './engine/builtin-profiles';
import { lint, type LintOptions } from './engine/lint';
import { resolveProfile, validateProfile, validateRuleOptions, type Problem, type ProfileSource } from './engine/profile';
import type { LintResult, PostInput, Profile } from './engine/types';
import { RULES } from './index';

export { BUILTIN_PROFILE_IDS, RULES };
export type { Problem, ProfileSource };

/** A validated profile ready to lint with, plus every item that was dropped on the way. */
export interface LoadedProfile {
  profile: Profile;
  problems: Problem[];
}

/**
 * Validate and resolve a profile source (a built-in id, or an object that may `extends` a built-in).
 * Bad items are dropped and listed in `problems`; throws only when nothing usable is left
 * (not an object, no id, unknown `extends`).
 */
export function loadProfile(source: string | unknown, lookup: (id: string) => ProfileSource | undefined = builtinProfileSource): LoadedProfile {
  if (typeof source === 'string') {
    const builtin = lookup(source);
    if (!builtin) throw new Error(`unknown profile "${source}" (built-in profiles: ${BUILTIN_PROFILE_IDS.join(', ')})`);
    return { profile: resolveProfile(builtin, lookup), problems: [] };
  }
  const { profile, problems } = validateProfile(source);
  if (!profile) throw new Error(`not a usable profile: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  problems.push(...validateRuleOptions(profile, RULES));
  return { profile: resolveProfile(profile, (id) => (id === profile.id ? profile : lookup(id))), problems };
}

const builtinCache = new Map<string, Profile>();

/** A built-in profile, resolved once. */
export function builtinProfile(id: string): Profile {
  let p = builtinCache.get(id);
  if (!p) {
    p = loadProfile(id).profile;
    builtinCache.set(id, p);
  }
  return p;
}

export function lintPost(input: PostInput, profile: Profile, options?: LintOptions): LintResult {
  return lint(input, profile, RULES, options);
}
