import { describe, expect, it } from 'vitest';
import { foldText, PostText, splitChunks } from '../../rules/engine/post-text';

describe('PostText', () => {
  it('gives tokens and sentences offsets into the text as typed', () => {
    const text = 'Inmate Rollins came back.\n\nHe is not guilty! Sgt. Lorna Whitfield starts chemo Monday?';
    const post = new PostText(text);
    for (const t of post.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(post.sentences.map((s) => s.text)).toEqual(['Inmate Rollins came back.', 'He is not guilty!', 'Sgt. Lorna Whitfield starts chemo Monday?']);
    expect(post.sentences.map((s) => s.negated)).toEqual([false, true, false]);
    expect(post.sentences.map((s) => s.question)).toEqual([false, false, true]);
  });

  it('marks hypothetical and reported sentences', () => {
    const post = new PostText('If he did it, lock him up. According to KTVH, the suspect fled. He did it.');
    expect(post.sentences.map((s) => [s.hypothetical, s.reported])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('matches compromise patterns with named groups at the right offsets', () => {
    const text = 'Honestly? Sgt. Lorna Whitfield is guilty.';
    const m = new PostText(text).match('[<who>#Person+] is guilty');
    expect(m).toHaveLength(1);
    expect(m[0]!.groups.who!.text).toBe('Sgt. Lorna Whitfield');
    expect(m[0]!.text).toBe('Sgt. Lorna Whitfield is guilty');
    expect(text.slice(m[0]!.start, m[0]!.end)).toBe(m[0]!.text);
  });

  it('finds regexes on folded text (curly quotes, fancy dashes) without moving offsets', () => {
    const text = 'It’s 078‑05‑1120 – don’t';
    expect(foldText(text)).toHaveLength(text.length);
    const hits = new PostText(text).find(/\d{3}-\d{2}-\d{4}/);
    expect(hits.map((h) => h.text)).toEqual(['078‑05‑1120']);
  });

  it('cuts long paragraphs into sentence-sized chunks that cover every sentence', () => {
    const sentence = 'The kitchen has been down since Tuesday and it is sack lunches for nine hundred. ';
    const text = sentence.repeat(40).trim();
    const chunks = splitChunks(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(new PostText(text).sentences).toHaveLength(40);
  });

  it('parses the same text to the same result whether or not the chunk cache is warm', () => {
    const text = 'Officer Benny Sorrell checked himself into Cedar Crest. Somebody check on his wife.';
    const a = new PostText(text);
    const b = new PostText(text);
    expect(b.tokens).toEqual(a.tokens);
    expect(b.sentences).toEqual(a.sentences);
  });
});
