// `second-look policy build`: validate an agency's policy file and write the deployment kit.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../../rules/api';
import { validateManagedPolicy } from '../../rules/engine/managed-policy';
import { UsageError, type Io } from '../io';
import { buildKit, isChromeId, isGeckoId, kitIndex, type KitIds } from '../policy-kit';

/** Firefox add-on ID; the same constant as GECKO_ID in wxt.config.ts (a test keeps them equal). */
export const GECKO_ID = 'second-look@second-look.app';
/** The Chrome ID that the repository's packaging key gives (keys/dev-id.txt). */
export const PACKAGED_CHROME_ID = readFileSync(new URL('../../keys/dev-id.txt', import.meta.url), 'utf8').trim();

export const POLICY_HELP = `Usage:
  second-look policy build --in policy.json --out DIR [--chrome-id ID] [--edge-id ID] [--gecko-id ID]

Checks an agency's Second Look policy (the keys of public/managed_schema.json; example:
docs/examples/policy.json) with the same validator the extension uses, then writes one ready file per
platform into DIR: Linux JSON for Chrome, Chromium and Edge; Windows .reg for Chrome and Edge; ADMX/ADML
templates; macOS .mobileconfig profiles; Firefox policies.json; Google Admin console JSON. DIR/README.md
lists them. "profile" may be an object or JSON text; Chrome and Edge files carry it as JSON text.

  --in FILE        The policy JSON file.
  --out DIR        Folder for the kit (created if missing; files of an earlier kit are overwritten).
  --chrome-id ID   Extension ID in the Chrome Web Store (32 letters a-p). Default: the ID of the
                   repository's packaging key, ${PACKAGED_CHROME_ID}.
  --edge-id ID     Extension ID in Microsoft Edge Add-ons (differs from the Chrome ID). Default: the
                   Chrome ID (Edge installing the Chrome Web Store copy).
  --gecko-id ID    Firefox add-on ID. Default: ${GECKO_ID}.

Every problem is printed with its key path (e.g. /facilities/1: facility dropped: lat is a string…).
Exit status: 0 when the kit was written; 1 when the policy has a problem (nothing is written) or on a
usage error. See docs/deploy.md.`;

export async function policyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      'chrome-id': { type: 'string' },
      'edge-id': { type: 'string' },
      'gecko-id': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [sub] = positionals;
  if (values.help || !sub) {
    io.out(POLICY_HELP);
    return values.help ? 0 : 1;
  }
  if (sub !== 'build') throw new UsageError(`unknown policy subcommand "${sub}"`);
  if (!values.in) throw new UsageError('policy build needs --in FILE');
  if (!values.out) throw new UsageError('policy build needs --out DIR');

  const ids: KitIds = {
    chrome: values['chrome-id'] ?? PACKAGED_CHROME_ID,
    edge: values['edge-id'] ?? values['chrome-id'] ?? PACKAGED_CHROME_ID,
    gecko: values['gecko-id'] ?? GECKO_ID,
  };
  if (!isChromeId(ids.chrome)) throw new UsageError(`--chrome-id "${ids.chrome}" is not an extension ID (32 letters a-p)`);
  if (!isChromeId(ids.edge)) throw new UsageError(`--edge-id "${ids.edge}" is not an extension ID (32 letters a-p)`);
  if (!isGeckoId(ids.gecko)) throw new UsageError(`--gecko-id "${ids.gecko}" is not a Firefox add-on ID (name@domain or {GUID})`);

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.in, 'utf8'));
  } catch (e) {
    io.err(`${values.in}: cannot read as JSON: ${(e as Error).message}`);
    return 1;
  }
  const report = validateManagedPolicy(raw, { rules: RULES });
  for (const p of report.dropped) io.err(`${values.in}: ${p.path}: ${p.message}`);
  for (const n of report.notes) io.err(`${values.in}: ${n.path}: note: ${n.message}`);
  if (report.dropped.length > 0) {
    io.err(`${values.in}: ${report.dropped.length} problem(s); nothing written. Fix them and run again.`);
    return 1;
  }
  if (report.accepted.length === 0) {
    io.err(`${values.in}: the policy sets no key; nothing written.`);
    return 1;
  }
  // Where the validator read a value in another form (0/1, numbers as text), the kit writes the clean one.
  const policy = { ...(raw as Record<string, unknown>) };
  for (const note of report.notes) {
    const key = note.path.split('/')[1] as keyof typeof report.policy;
    policy[key] = key === 'profile' ? policy[key] : report.policy[key];
  }

  if (!values['chrome-id']) io.err(`note: no --chrome-id given: using ${ids.chrome}, the ID of the repository's packaging key. Pass your Chrome Web Store listing's ID.`);
  if (!values['edge-id']) io.err(`note: no --edge-id given: using ${ids.edge}. Edge Add-ons gives the extension another ID; pass it if you install from there.`);

  const files = buildKit(policy, ids);
  for (const f of [...files, { path: 'README.md', content: kitIndex(files, ids, values.in), about: '' }]) {
    const target = join(values.out, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  io.out(`Policy is valid (${report.accepted.length} keys: ${report.accepted.join(', ')}). Wrote ${files.length + 1} files to ${values.out}:`);
  for (const f of files) io.out(`  ${f.path.padEnd(42)} ${f.about}`);
  io.out(`  ${'README.md'.padEnd(42)} index of this kit`);
  return 0;
}
