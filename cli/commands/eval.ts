// `second-look eval FILE`: score the engine against a labelled corpus.
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinProfile, lintPost } from '../../rules/api';
import { corpusLines, LineError, parseCorpusLine, toPostInput } from '../corpus';
import { evaluate, formatEval, type Judged } from '../evaluate';
import { resolveCorpusImages } from '../image-file';
import { readInput, UsageError, type Io } from '../io';

export const EVAL_HELP = `Usage: second-look eval FILE|- [--json] [--errors]

Run every corpus line (see ../shared/corpus/README.md) through the engine and compare the categories
with its "expect" list. Prints precision, recall and F1 per category, micro and macro averages, and
the benign false-positive rate (share of lines expecting nothing that got a warning).

  --json     Machine-readable output (one JSON object).
  --errors   Also list every line whose categories differ from "expect".

Exit status: 0, or 1 when a line could not be read (it is reported on stderr and left out).`;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(EVAL_HELP);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('eval needs a corpus file');
  let source: string;
  try {
    source = readInput(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const judged: Judged[] = [];
  let failed = 0;
  for (const { lineNo, raw } of corpusLines(source)) {
    try {
      const line = parseCorpusLine(raw, lineNo);
      if (!line.expect) throw new LineError(lineNo, 'expect', 'eval needs an "expect" list on every line');
      const images = await resolveCorpusImages(line, lineNo, file === '-' ? process.cwd() : dirname(file));
      const result = lintPost(toPostInput(line, images), builtinProfile(line.profile));
      judged.push({ id: line.id, expected: line.expect, predicted: result.categories });
    } catch (e) {
      failed++;
      io.err(e instanceof LineError ? e.message : `line ${lineNo}: ${(e as Error).message}`);
    }
  }
  const report = evaluate(judged);
  if (values.json) io.out(JSON.stringify(values.errors ? report : { ...report, errors: undefined }));
  else {
    io.out(formatEval(report));
    if (values.errors) {
      io.out('');
      for (const e of report.errors) {
        io.out(`${e.id}: ${e.missing.length ? `missing ${e.missing.join(', ')}` : ''}${e.missing.length && e.extra.length ? '; ' : ''}${e.extra.length ? `extra ${e.extra.join(', ')}` : ''}`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
