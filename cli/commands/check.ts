// `second-look check`: lint corpus lines (--jsonl) or one post (readable report).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinProfile, lintPost, loadProfile } from '../../rules/api';
import type { LintResult, PostInput, Profile } from '../../rules/engine/types';
import { corpusLines, LineError, parseCorpusLine, toPostInput } from '../corpus';
import { imageFactsFromFile, resolveCorpusImages } from '../image-file';
import { readInput, UsageError, type Io } from '../io';
import { formatReport } from '../report';

export const CHECK_HELP = `Usage:
  second-look check --jsonl FILE|-
  second-look check --profile ID|PATH [--account personal|official] [--platform NAME] [--image PATH]... [--json] "post text"

Lint posts against an agency's social-media policy profile.

  --jsonl FILE|-     Corpus lines in (see ../shared/corpus/README.md), one JSON line out per input, same
                     order: {"id","categories","findings":[{"category","clause","severity","message",
                     "start","end","excerpt"}]}. A bad line is reported on stderr with its line number
                     and field; the other lines are still processed and the exit status is 1. An image
                     entry may give "path" (relative to the corpus file): the file is read and its
                     facts extracted; facts written in the line win.
  --profile ID|PATH  Built-in profile id (mt-doc, ok-doc, mt-state-it, ct-doc, helena-pd) or a profile
                     JSON file (it may "extends" a built-in profile).
  --account TYPE     personal (default) or official.
  --platform NAME    Platform the post is for (Facebook, X, …).
  --on-duty          Mark the post as made on duty.
  --image PATH       Attach a photo (repeatable): its metadata (GPS, capture time, camera, caption,
                     keywords) and perceptual hashes (JPEG, PNG, GIF) are read here, as the extension
                     reads them on the page. A file that cannot be read fully gets a note.
  --json             Print the lint result as JSON instead of a report.

Exit status: 0 when nothing is at risk, 2 when the post may risk a clause, 1 on bad input.`;

export function profileFrom(arg: string): Profile {
  if (/[/\\]|\.json$/i.test(arg)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(arg, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read profile ${arg}: ${(e as Error).message}`);
    }
    const { profile, problems } = loadProfile(raw);
    for (const p of problems) process.stderr.write(`${arg}: ${p.path}: ${p.message}\n`);
    return profile;
  }
  try {
    return builtinProfile(arg);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function jsonlOutput(id: string, result: LintResult): string {
  return JSON.stringify({
    id,
    categories: result.categories,
    findings: result.findings.map((f) => ({
      category: f.category,
      clause: f.clause,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
      why: f.why,
      ...(f.image !== undefined ? { image: f.image } : {}),
    })),
    ...(result.notes.length ? { notes: result.notes } : {}),
  });
}

export async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'string' },
      profile: { type: 'string' },
      account: { type: 'string', default: 'personal' },
      platform: { type: 'string' },
      'on-duty': { type: 'boolean', default: false },
      image: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  if (values.jsonl !== undefined) return checkJsonl(values.jsonl, io);

  if (!values.profile) throw new UsageError('check needs --profile ID|PATH (or --jsonl FILE)');
  if (values.account !== 'personal' && values.account !== 'official') throw new UsageError('--account must be personal or official');
  if (positionals.length === 0) throw new UsageError('check needs the post text as an argument');
  const profile = profileFrom(values.profile);
  const images = await Promise.all(
    (values.image ?? []).map((path) =>
      imageFactsFromFile(path).catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read image ${path}: ${e.code ?? e.message}`);
      }),
    ),
  );
  const input: PostInput = {
    text: positionals.join(' '),
    account: values.account,
    ...(images.length ? { images } : {}),
    context: { ...(values.platform ? { platform: values.platform } : {}), ...(values['on-duty'] ? { onDuty: true } : {}) },
  };
  const result = lintPost(input, profile);
  io.out(values.json ? JSON.stringify(result, null, 2) : formatReport(input, profile, result));
  return result.findings.length > 0 ? 2 : 0;
}

async function checkJsonl(path: string, io: Io): Promise<number> {
  let source: string;
  try {
    source = readInput(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let failed = 0;
  for (const { lineNo, raw } of corpusLines(source)) {
    try {
      const line = parseCorpusLine(raw, lineNo);
      const images = await resolveCorpusImages(line, lineNo, path === '-' ? process.cwd() : dirname(path));
      const result = lintPost(toPostInput(line, images), builtinProfile(line.profile));
      io.out(jsonlOutput(line.id, result));
    } catch (e) {
      failed++;
      io.err(e instanceof LineError ? e.message : `line ${lineNo}: ${(e as Error).message}`);
    }
  }
  if (failed > 0) io.err(`${failed} line(s) could not be checked`);
  return failed > 0 ? 1 : 0;
}
