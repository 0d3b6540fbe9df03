// Human-readable report of one lint, grouped by clause, with the verbatim quote.
import type { LintResult, PostInput, Profile } from '../rules/engine/types';

const SEVERITY_LABEL = { high: 'HIGH', warn: 'WARN', info: 'INFO' } as const;

export function formatReport(input: PostInput, profile: Profile, result: LintResult): string {
  const lines: string[] = [];
  lines.push(`Profile: ${profile.name} (${profile.id}), ${input.account} account`);
  if (result.findings.length === 0) {
    lines.push('', 'Nothing in this post appears to risk a clause of this policy.');
    if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((n) => `  ${n}`));
    return lines.join('\n');
  }
  const byClause = new Map<string, typeof result.findings>();
  for (const f of result.findings) byClause.set(f.clause, [...(byClause.get(f.clause) ?? []), f]);
  lines.push('', `This post may risk ${byClause.size} clause${byClause.size === 1 ? '' : 's'}:`);
  for (const findings of byClause.values()) {
    const first = findings[0]!;
    const categories = [...new Set(findings.map((f) => f.category))].join(', ');
    lines.push('', `[${SEVERITY_LABEL[first.severity]}] ${first.message}  (${categories}${first.action === 'confirm' ? '; asks before posting' : ''})`);
    lines.push(`  "${first.quote}"`);
    for (const f of findings) {
      const where = f.excerpt ? ` — "${f.excerpt}" (${f.start}–${f.end})` : '';
      lines.push(`  why: ${f.why}${where}`);
    }
  }
  if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((n) => `  ${n}`));
  if (result.categories.includes('employment-disclosure')) {
    lines.push('', `Suggested disclaimer: "${profile.disclaimer.text}"`);
  }
  return lines.join('\n');
}
