// No regular expression in the engine can backtrack catastrophically. Every regex literal in
// rules/**/*.ts, every pattern passed to PostText.find while linting the corpus and the rule
// examples, and every compiled lexicon is checked with recheck (a ReDoS checker). Chunks are capped
// at 1,000 characters, so at most quadratic behaviour is accepted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILE_IDS, builtinProfile, lintPost, RULES } from '../../rules/api';
import { compiledLexicons } from '../../rules/detectors/terms';
import { PostText } from '../../rules/engine/post-text';
import { readShared } from '../support/shared';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sourceFiles(path) : f.endsWith('.ts') ? [path] : [];
  });
}

function literalRegexes(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const slash = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${file.replace(/^.*?rules\//, 'rules/')}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Regexes the rules pass to PostText.find while linting the corpus and their own examples. */
function runtimeRegexes(): { source: string; flags: string; where: string }[] {
  const seen = new Map<string, { source: string; flags: string; where: string }>();
  const original = PostText.prototype.find;
  PostText.prototype.find = function (re: RegExp) {
    seen.set(`${re.flags}/${re.source}`, { source: re.source, flags: re.flags, where: 'passed to PostText.find' });
    return original.call(this, re);
  };
  try {
    const corpus = readShared('corpus/dev.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    for (const line of corpus) lintPost({ text: line.text, account: line.account, images: line.images, context: line.context, facilities: line.facilities }, builtinProfile(line.profile));
    for (const rule of Object.values(RULES)) {
      for (const example of [...rule!.meta.examples.flagged, ...rule!.meta.examples.fine]) {
        const text = typeof example === 'string' ? example : example.text;
        for (const id of BUILTIN_PROFILE_IDS) for (const account of ['personal', 'official'] as const) lintPost({ text, account }, builtinProfile(id));
      }
    }
  } finally {
    PostText.prototype.find = original;
  }
  return [...seen.values()];
}

// A compiled lexicon is an alternation of escaped literal words joined by [\s\-]+, each ending in an
// optional plural or a word-tail class: safe by construction (each alternative is tried once per
// position), and too large for recheck within its time limit. Check that shape instead.
const LEXICON = /^\(\?<!\[\\p\{L\}\\p\{N\}\]\)\(\?:(.*)\)\(\?!\[\\p\{L\}\\p\{N\}\]\)$/;
const LEXICON_ALTERNATIVE = /^(?:[^\\()[\]|*+?{}]|\\[^pdswbDSWB]|\[\\s\\-\]\+)+(?:\(\?:e\?s\)\?|\[\\p\{L\}\\p\{N\}\]\*)$/;

describe('regular expressions in rules/', () => {
  const all = new Map<string, { source: string; flags: string; where: string }>();
  const recorded = runtimeRegexes();
  for (const r of [...sourceFiles('rules').flatMap(literalRegexes), ...recorded]) all.set(`${r.flags}/${r.source}`, r);
  const lexicons = compiledLexicons();
  for (const re of lexicons) all.delete(`${re.flags}/${re.source}`);

  it('include compiled lexicons that are plain alternations of literal phrases', () => {
    expect(lexicons.length).toBeGreaterThan(0);
    const odd = lexicons.filter((re) => {
      const body = LEXICON.exec(re.source)?.[1];
      return body === undefined || body.split('|').some((alt) => !LEXICON_ALTERNATIVE.test(alt));
    });
    expect(odd.map((re) => re.source.slice(0, 120))).toEqual([]);
  });

  it('were found (the scan works)', () => {
    expect(all.size).toBeGreaterThan(10);
  });

  it('have no exponential or worse-than-quadratic backtracking', () => {
    const problems: string[] = [];
    for (const r of all.values()) {
      const result = checkSync(r.source, r.flags.replace(/[gy]/g, ''), { timeout: 10_000, randomSeed: 42 });
      if (result.status === 'vulnerable') {
        const c = result.complexity;
        const degree = c.type === 'polynomial' ? c.degree : Infinity;
        if (degree > 2) problems.push(`${r.where}: /${r.source.slice(0, 120)}/${r.flags} is ${c.type}${c.type === 'polynomial' ? ` (degree ${c.degree})` : ''}`);
      } else if (result.status === 'unknown') {
        problems.push(`${r.where}: /${r.source.slice(0, 120)}/${r.flags} could not be checked (${result.error?.kind ?? 'unknown'})`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
