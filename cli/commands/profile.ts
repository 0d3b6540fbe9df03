// `second-look profile validate PATH` and `second-look profile show ID|PATH`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUILTIN_PROFILE_IDS, loadProfile } from '../../rules/api';
import { clausesByCategory } from '../../rules/engine/lint';
import { profileFrom } from './check';
import { UsageError, type Io } from '../io';

export const PROFILE_HELP = `Usage:
  second-look profile validate PATH    Check a profile JSON file; list every dropped item with its path.
  second-look profile show ID|PATH     Print a profile: document, disclaimer, clauses by category.
  second-look profile list             List the built-in profiles.

validate exits 0 when the file is fully valid, 1 when items were dropped or it cannot be used.`;

export async function profileCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [sub, target] = positionals;
  if (values.help || !sub) {
    io.out(PROFILE_HELP);
    return values.help ? 0 : 1;
  }
  if (sub === 'list') {
    for (const id of BUILTIN_PROFILE_IDS) io.out(`${id}\t${profileFrom(id).name}`);
    return 0;
  }
  if (!target) throw new UsageError(`profile ${sub} needs a ${sub === 'show' ? 'profile id or ' : ''}file`);
  if (sub === 'validate') {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(target, 'utf8'));
    } catch (e) {
      io.err(`${target}: cannot read as JSON: ${(e as Error).message}`);
      return 1;
    }
    try {
      const { profile, problems } = loadProfile(raw);
      for (const p of problems) io.err(`${target}: ${p.path}: ${p.message}`);
      io.out(`${target}: profile "${profile.id}"${profile.extends ? ` (extends ${profile.extends})` : ''}: ${profile.clauses.length} clauses, ${profile.facilities.length} facilities; ${problems.length === 0 ? 'valid' : `${problems.length} problem(s), the rest loads`}`);
      return problems.length === 0 ? 0 : 1;
    } catch (e) {
      io.err(`${target}: ${(e as Error).message}`);
      return 1;
    }
  }
  if (sub === 'show') {
    const profile = profileFrom(target);
    if (values.json) {
      io.out(JSON.stringify(profile, null, 2));
      return 0;
    }
    const d = profile.document;
    io.out(`${profile.name} [${profile.id}]`);
    io.out(`${profile.agency} · ${[d.number, d.title, d.effectiveDate && `effective ${d.effectiveDate}`].filter(Boolean).join(' · ') || 'document details not in the source text'}`);
    io.out(`Disclaimer${profile.disclaimer.derived ? ' (derived from the ODOC sample)' : ''}: "${profile.disclaimer.text}"`);
    for (const account of ['personal', 'official'] as const) {
      const byCategory = clausesByCategory(profile, account);
      io.out(`\n${account} posts — ${byCategory.size} categories:`);
      for (const [category, clauses] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
        io.out(`  ${category.padEnd(27)} ${clauses.map((c) => c.section).join('; ')}${profile.actions[category] ? `  [${profile.actions[category]}]` : ''}`);
      }
    }
    return 0;
  }
  throw new UsageError(`unknown profile subcommand "${sub}"`);
}
