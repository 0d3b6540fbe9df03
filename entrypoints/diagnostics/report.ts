// The diagnostics report as plain text, for an admin to paste into a ticket. It holds policy and
// configuration facts only: never post text, findings or anything typed in a compose box.
import { ACTION_LABELS, categoryLabel, describeDutyHours } from '../../components/policy-labels';
import type { PolicyState } from '../../utils/policy-messages';

export const SOURCE_LABELS: Record<PolicyState['policy']['source'], string> = {
  'managed-storage': 'managed storage (enterprise policy), fresh read',
  none: 'no managed policy (the browser reported none)',
  cache: 'last known policy (start-up copy; a fresh read is under way)',
  pending: 'not read yet',
};

const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));

export function formatDiagnosticsReport(state: PolicyState, generatedAt: Date): string {
  const { policy, effective, extension } = state;
  const lines = [
    'Second Look diagnostics',
    `Generated: ${generatedAt.toISOString()}`,
    `Extension: version ${extension.version}, ID ${extension.id}${extension.installType ? `, install type ${extension.installType}` : ''}`,
    '',
    `Policy source: ${SOURCE_LABELS[policy.source]}`,
    `Read at: ${policy.readAt ?? 'not yet'}`,
    ...(policy.error ? [`Browser said: ${policy.error}`] : []),
    `Keys received (${policy.received.length}): ${list(policy.received)}`,
    `Keys accepted (${policy.accepted.length}): ${list(policy.accepted)}`,
    `Dropped (${policy.dropped.length}):${policy.dropped.length === 0 ? ' none' : ''}`,
    ...policy.dropped.map((d) => `  ${d.path}: ${d.message}`),
    ...(policy.notes.length > 0 ? [`Notes (${policy.notes.length}):`, ...policy.notes.map((n) => `  ${n.path}: ${n.message}`)] : []),
    '',
  ];
  if (!effective) {
    lines.push('Effective profile: none chosen (no warnings until the user or the policy chooses one)');
  } else {
    lines.push(
      `Effective profile: ${effective.profileName} (${effective.profileId}), chosen by ${effective.source === 'managed' ? 'the policy' : 'the user'}`,
      `Organization: ${effective.organizationName ?? 'not set'}`,
      `Paused: ${effective.paused ? 'yes' : 'no'}`,
      `Locked by the policy: ${list(effective.locked)}`,
      `Categories (${effective.categories.length}) — personal clauses | official clauses | action:`,
      ...effective.categories.map(
        (c) =>
          `  ${categoryLabel(c.category)}: ${c.personal.join('; ') || '—'} | ${c.official.join('; ') || '—'} | ${ACTION_LABELS[c.action]}${c.floor ? ` (agency minimum: ${ACTION_LABELS[c.floor]})` : ''}`,
      ),
      `Facilities (${effective.facilities.length}): ${list(effective.facilities.map((f) => `${f.name}${f.geofence ? ' (geofence)' : ''}`))}`,
      `Duty hours: ${describeDutyHours(effective.dutyHours)}`,
      `Reference images: ${effective.referenceImages}`,
      `Official accounts: ${effective.officialHandles.length}`,
    );
  }
  lines.push(
    `Settings problems: ${state.settingsProblems.length === 0 ? 'none' : state.settingsProblems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    '',
    'This report holds no post content.',
  );
  return lines.join('\n');
}
