// A PolicyState as the worker would send it, built with the real validator and merge (no worker).
import { RULES } from '../../rules/api';
import {
  mergeEffectiveProfile,
  policyControls,
  summarizeEffectiveProfile,
  validateManagedPolicy,
  validateSettings,
} from '../../rules/engine/managed-policy';
import type { PolicyState } from '../../utils/policy-messages';

export function policyState(raw: Record<string, unknown> | null, settingsRaw: Record<string, unknown> = {}, source: PolicyState['policy']['source'] = 'managed-storage'): PolicyState {
  const report = validateManagedPolicy(raw ?? {}, { rules: RULES });
  const { settings, problems } = validateSettings(settingsRaw);
  const controls = policyControls(report.policy);
  const effective = mergeEffectiveProfile(report.policy, settings);
  return {
    policy: { source, readAt: '2026-03-01T14:05:00.000Z', received: report.received, accepted: report.accepted, dropped: report.dropped, notes: report.notes },
    settings,
    settingsProblems: problems,
    controls,
    effective: effective && summarizeEffectiveProfile(effective, controls.categoryActions.floor),
    extension: { id: 'jbhneohjejaejlljlbckgmdbmpopnhnf', version: '0.1.0', installType: 'admin' },
  };
}

export const OSP = { name: 'Oklahoma State Penitentiary', aliases: ['OSP'], lat: 34.9395, lon: -95.7697, radiusM: 700 };
