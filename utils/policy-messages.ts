// Messages about the enterprise policy and the user's settings. Only the worker reads managed
// storage; the options, diagnostics and popup pages ask it, and it tells tabs and pages of changes.
// Every message is checked on arrival (the worker also checks the sender is this extension).
import type { EffectiveSummary, PolicyControls, Settings } from '../rules/engine/managed-policy';
import type { Problem } from '../rules/engine/profile';

/** Ask the worker for the policy, settings and effective profile, as the pages show them. */
export interface PolicyStateRequest {
  type: 'policy-state';
}

/** Change settings; `null` removes one. The worker refuses what the policy locks. */
export interface UpdateSettingsRequest {
  type: 'update-settings';
  patch: Record<string, unknown>;
}

export interface PolicyState {
  policy: {
    /** `pending` until the first read finished; `cache` while only the start-up bridge is known. */
    source: 'managed-storage' | 'none' | 'cache' | 'pending';
    readAt?: string;
    /** Why reading failed (Firefox without a policy says "Managed storage manifest not found"). */
    error?: string;
    received: string[];
    accepted: string[];
    dropped: Problem[];
    notes: Problem[];
  };
  settings: Settings;
  /** Stored settings that could not be used (corrupt storage). */
  settingsProblems: Problem[];
  controls: PolicyControls;
  /** Null until a profile is chosen (by the user or the policy). */
  effective: EffectiveSummary | null;
  extension: { id: string; version: string; installType?: string };
}

export type UpdateSettingsResponse = { ok: true; state: PolicyState } | { ok: false; problems: Problem[]; state: PolicyState };

/** What a tab needs to know about the profile (broadcast by the worker when it changes). */
export interface ProfileStatus {
  configured: boolean;
  paused: boolean;
  profileName?: string;
  organizationName?: string;
}

/** Worker → content scripts and pages: the effective profile changed (re-lint, re-render). */
export interface EffectiveProfileChanged {
  type: 'effective-profile-changed';
  status: ProfileStatus;
}

/** Worker → extension pages: something on the diagnostics page changed (e.g. a fresh policy read). */
export interface PolicyStateChanged {
  type: 'policy-state-changed';
}

export function isPolicyStateRequest(value: unknown): value is PolicyStateRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'policy-state';
}

export function isUpdateSettingsRequest(value: unknown): value is UpdateSettingsRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.type === 'update-settings' && typeof m.patch === 'object' && m.patch !== null && !Array.isArray(m.patch);
}

export function isEffectiveProfileChanged(value: unknown): value is EffectiveProfileChanged {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'effective-profile-changed';
}

export function isPolicyStateChanged(value: unknown): value is PolicyStateChanged {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'policy-state-changed';
}
