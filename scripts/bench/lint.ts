// Engine figures: lint latency for 280, 2,000 and 20,000-character posts (parse cache cleared, so
// each lint parses its text), and a one-character edit inside a 20,000-character post (cache warm,
// as while typing).
import { builtinProfile, lintPost } from '../../rules/api';
import { clearParseCache } from '../../rules/engine/post-text';
import { postOfLength } from './corpus-text';
import { round, summary } from './stats';

function timeLint(texts: string[], clearCache: boolean): number[] {
  const profile = builtinProfile('helena-pd');
  const out: number[] = [];
  for (const text of texts) {
    if (clearCache) clearParseCache();
    const t0 = performance.now();
    lintPost({ text, account: 'personal' }, profile);
    out.push(performance.now() - t0);
  }
  return out;
}

export async function measure() {
  // Warm the JIT and lexicons on unrelated text first.
  timeLint(Array.from({ length: 30 }, (_, i) => postOfLength(500, 200 + i)), true);
  const l280 = summary(timeLint(Array.from({ length: 200 }, (_, i) => postOfLength(280, i)), true));
  const l2000 = summary(timeLint(Array.from({ length: 60 }, (_, i) => postOfLength(2000, i * 5)), true));
  const l20000 = summary(timeLint(Array.from({ length: 12 }, (_, i) => postOfLength(20000, i * 31)), true));

  // One-character edits at random places of one long post, linted after each edit.
  let text = postOfLength(20000, 7);
  clearParseCache();
  timeLint([text], false);
  const edits: string[] = [];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 200; i++) {
    const at = Math.floor(random() * text.length);
    text = random() < 0.5 ? text.slice(0, at) + 'e' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    edits.push(text);
  }
  const edit = summary(timeLint(edits, false));

  return {
    lint280_p95_ms: l280.p95,
    lint2000_p95_ms: l2000.p95,
    lint20000_full_p95_ms: l20000.p95,
    edit20000_p95_ms: edit.p95,
    lint280_p50_ms: l280.p50,
    lint2000_p50_ms: l2000.p50,
    lint20000_full_p50_ms: l20000.p50,
    edit20000_p50_ms: edit.p50,
    lint_rules: round(Object.keys((await import('../../rules/index')).RULES).length, 0),
  };
}
