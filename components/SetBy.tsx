// "Set by <organization>": shown beside every control the agency's policy locks (options, popup).
export function SetBy({ organizationName }: { organizationName?: string }) {
  return <span class="set-by">Set by {organizationName ?? 'your agency'}</span>;
}
