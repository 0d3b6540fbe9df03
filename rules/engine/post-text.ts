// The only module that touches `compromise`. A post is split into chunks (paragraphs, and long
// paragraphs into sentence-sized pieces); each chunk is parsed once and cached by its text, so an
// edit re-parses only the chunk it touched and a full lint of the same text gives the same result.
import nlp from 'compromise';

type View = ReturnType<typeof nlp>;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token extends Span {
  /** Lower-case, punctuation-free form (compromise's `normal`). */
  normal: string;
  tags: ReadonlySet<string>;
  /** Index into `PostText.sentences`. */
  sentence: number;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last, in `PostText.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  /** Contains a negation ("not", "never", "n't", "no"). */
  negated: boolean;
  /** Ends with a question mark or opens like a question. */
  question: boolean;
  /** Conditional or imagined: "if…", "what if", "imagine", "would have". */
  hypothetical: boolean;
  /** Relays news or someone else's words: "according to", "the paper says", a link. */
  reported: boolean;
}

export interface Match extends Span {
  /** Named capture groups of a compromise pattern (`[<name>…]`), as spans. */
  groups: Record<string, Span>;
  sentence: number;
}

/** A sentence with offsets relative to its chunk. */
type ChunkSentence = Omit<Sentence, 'text'>;
/** A regex hit with offsets relative to its chunk. */
type ChunkHit = { start: number; end: number; groups: (string | undefined)[] };
type ChunkMatch = { start: number; end: number; groups: Record<string, { start: number; end: number }> };

/**
 * One parsed piece of text, shared by every post that contains it. Besides the parse, it keeps the
 * results of every regex and pattern asked of it, so re-linting after an edit only redoes the work
 * for the chunk that changed.
 */
interface ParsedChunk {
  text: string;
  folded: string;
  tokens: Omit<Token, 'sentence'>[];
  sentences: ChunkSentence[];
  doc: View;
  finds: Map<string, ChunkHit[]>;
  matches: Map<string, ChunkMatch[]>;
  people?: { start: number; end: number }[];
}

// Ranks and titles that precede names in agency posts; teaching them to the tagger lets
// "Sgt. Lorna Whitfield" and "CO Pruitt" come out as people.
nlp.plugin({
  words: {
    sgt: 'Honorific',
    'sgt.': 'Honorific',
    lt: 'Honorific',
    'lt.': 'Honorific',
    cpl: 'Honorific',
    'cpl.': 'Honorific',
    capt: 'Honorific',
    'capt.': 'Honorific',
    det: 'Honorific',
    'det.': 'Honorific',
    ofc: 'Honorific',
    'ofc.': 'Honorific',
    officer: 'Honorific',
    sergeant: 'Honorific',
    lieutenant: 'Honorific',
    deputy: 'Honorific',
    warden: 'Honorific',
    inmate: 'Noun',
  },
});

const CHUNK_CACHE_LIMIT = 2000;
const chunkCache = new Map<string, ParsedChunk>();

function parseChunk(text: string): ParsedChunk {
  const cached = chunkCache.get(text);
  if (cached) {
    // Refresh recency so a long post being edited keeps its chunks.
    chunkCache.delete(text);
    chunkCache.set(text, cached);
    return cached;
  }
  const doc = nlp(text);
  const tokens: ParsedChunk['tokens'] = [];
  const sentences: ChunkSentence[] = [];
  for (const sentence of doc.json({ offset: true, terms: { offset: true, normal: true } }) as SentenceJson[]) {
    const tokenStart = tokens.length;
    let negated = false;
    for (const term of sentence.terms) {
      const start = term.offset.start;
      const end = start + term.offset.length;
      const tags = new Set(term.tags);
      if (tags.has('Negative')) negated = true;
      tokens.push({ start, end, text: text.slice(start, end), normal: term.normal ?? term.text.toLowerCase(), tags });
    }
    if (tokens.length === tokenStart) continue;
    const start = tokens[tokenStart]!.start;
    const end = Math.min(text.length, tokens[tokens.length - 1]!.end + (sentence.terms.at(-1)?.post?.trimEnd().length ?? 0));
    const sText = text.slice(start, end);
    sentences.push({
      start,
      end,
      tokenStart,
      tokenEnd: tokens.length,
      negated,
      question: /\?\s*["')\]]*\s*$/.test(sText) || QUESTION_OPENING.test(sText.trim()),
      hypothetical: HYPOTHETICAL.test(sText),
      reported: REPORTED.some((re) => re.test(sText)),
    });
  }
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) {
    const oldest = chunkCache.keys().next().value;
    if (oldest !== undefined) chunkCache.delete(oldest);
  }
  const parsed: ParsedChunk = { text, folded: foldText(text), tokens, sentences, doc, finds: new Map(), matches: new Map() };
  chunkCache.set(text, parsed);
  return parsed;
}

interface SentenceJson {
  text: string;
  terms: { text: string; normal?: string; tags: string[]; offset: { start: number; length: number }; post?: string }[];
}

/** Long paragraphs are cut at sentence ends so that an edit re-parses only a small piece. */
const CHUNK_TARGET = 400;
/** Smallest piece a long paragraph is cut into: about a sentence, so an edit re-parses little. */
const MIN_PIECE = 60;
/** Largest chunk: bounds the input of every regex and parse. */
const MAX_PIECE = 1000;
// A sentence end: ., ! or ? (plus closing quotes), whitespace, then something that can start a sentence.
// The look-behind keeps "Sgt. Lorna" and "St. Louis" together (common abbreviations end in a short word).
const SENTENCE_BREAK = /(?<![A-Z][a-z]{0,3}\.)(?<=[.!?…]["')\]]?)\s+(?=["'(\[]?[A-Z0-9#@])/g;

export function splitChunks(text: string): Span[] {
  const chunks: Span[] = [];
  const push = (start: number, end: number) => {
    for (const piece of capPiece(text, start, end)) chunks.push(piece);
  };
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const pStart = p.index;
    const pText = p[0];
    if (pText.trim() === '') continue;
    if (pText.length <= CHUNK_TARGET) {
      push(pStart, pStart + pText.length);
      continue;
    }
    let from = 0;
    SENTENCE_BREAK.lastIndex = 0;
    for (let b = SENTENCE_BREAK.exec(pText); b; b = SENTENCE_BREAK.exec(pText)) {
      if (b.index - from >= MIN_PIECE) {
        push(pStart + from, pStart + b.index);
        from = b.index + b[0].length;
      }
    }
    if (from < pText.length) push(pStart + from, pStart + pText.length);
  }
  return chunks;
}

/**
 * Bound every chunk to MAX_PIECE characters (cut at the last space, else hard), so no regex or
 * parse ever runs over more than that: a run-on "sentence" of 1 MB stays linear.
 */
function capPiece(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  while (end - start > MAX_PIECE) {
    const window = text.slice(start, start + MAX_PIECE);
    const space = window.lastIndexOf(' ');
    const cut = space > MAX_PIECE / 2 ? start + space : start + MAX_PIECE;
    out.push({ start, end: cut, text: text.slice(start, cut) });
    start = text[cut] === ' ' ? cut + 1 : cut;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
  return out;
}

const HYPOTHETICAL = /^\W*(?:if|what if|imagine|suppose|supposing|pretend|hypothetically|in a world where)\b|\b(?:would have|would've|could have|could've|if only)\b/i;
const QUESTION_OPENING = /^\W*(?:who|what|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|anyone|any)\b[^.!]*$/i;
// Signals that a sentence relays news or someone else's words. Kept as separate simple expressions
// (one alternation each) so none of them can backtrack badly.
const REPORTED: RegExp[] = [
  /\b(?:according to|reports? says?|per (?:the )?(?:news|paper|article|court records)|via @?\w+|shared (?:a |this )?(?:post|link|article))\b/i,
  /\b(?:news|paper|article|reporter|report|press release|headline|station|outlet)s?\b[^.!?]{0,40}?\b(?:says?|said|reports?|reported|writes?|wrote|claims?)\b/i,
  /\b(?:says?|said|reports?|reported) (?:the )?(?:news|paper|article|ktvh|kfor|abc|nbc|cbs|fox|ap|reuters|press)\b/i,
  /https?:\/\/|\bwww\./i,
];

interface PlacedChunk {
  start: number;
  parsed: ParsedChunk;
  /** Index of the chunk's first token and sentence in the post-wide arrays. */
  tokenOffset: number;
  sentenceOffset: number;
}

/**
 * A parsed post. Rules read it; nothing mutates it. Regexes (`find`) and compromise patterns
 * (`match`) run per chunk — a line, or a sentence-sized piece of a long paragraph — so a match
 * never spans a line break, and results are cached with the chunk.
 */
export class PostText {
  readonly text: string;
  private readonly chunks: PlacedChunk[] = [];
  private foldedText?: string;
  private tokenList?: Token[];
  private sentenceList?: Sentence[];

  constructor(text: string) {
    this.text = text;
    let tokenOffset = 0;
    let sentenceOffset = 0;
    for (const chunk of splitChunks(text)) {
      const parsed = parseChunk(chunk.text);
      this.chunks.push({ start: chunk.start, parsed, tokenOffset, sentenceOffset });
      tokenOffset += parsed.tokens.length;
      sentenceOffset += parsed.sentences.length;
    }
  }

  /** `text` with look-alike characters folded (curly quotes, fancy dashes, NBSP); same length, same offsets. */
  get folded(): string {
    return (this.foldedText ??= foldText(this.text));
  }

  get tokens(): readonly Token[] {
    if (!this.tokenList) {
      const list: Token[] = [];
      for (const c of this.chunks) {
        let sentence = c.sentenceOffset;
        for (const s of c.parsed.sentences) {
          for (let i = s.tokenStart; i < s.tokenEnd; i++) {
            const t = c.parsed.tokens[i]!;
            list.push({ ...t, start: t.start + c.start, end: t.end + c.start, sentence });
          }
          sentence++;
        }
      }
      this.tokenList = list;
    }
    return this.tokenList;
  }

  get sentences(): readonly Sentence[] {
    if (!this.sentenceList) {
      const list: Sentence[] = [];
      for (const c of this.chunks) {
        for (const s of c.parsed.sentences) {
          const start = s.start + c.start;
          const end = s.end + c.start;
          list.push({ ...s, start, end, text: this.text.slice(start, end), tokenStart: s.tokenStart + c.tokenOffset, tokenEnd: s.tokenEnd + c.tokenOffset });
        }
      }
      this.sentenceList = list;
    }
    return this.sentenceList;
  }

  /** Matches of a compromise pattern (e.g. `#Person+ (is|was) guilty`), with named groups, in text order. */
  match(pattern: string): Match[] {
    const out: Match[] = [];
    for (const c of this.chunks) {
      let hits = c.parsed.matches.get(pattern);
      if (!hits) {
        hits = matchInChunk(c.parsed, pattern);
        c.parsed.matches.set(pattern, hits);
      }
      for (const h of hits) {
        const groups: Record<string, Span> = {};
        for (const [name, g] of Object.entries(h.groups)) groups[name] = this.slice(g.start + c.start, g.end + c.start);
        const span = this.slice(h.start + c.start, h.end + c.start);
        out.push({ ...span, groups, sentence: this.sentenceIndexAt(span.start) });
      }
    }
    return out;
  }

  /** Spans the tagger recognises as people's names (compromise `#Person`). */
  people(): Span[] {
    const out: Span[] = [];
    for (const c of this.chunks) {
      c.parsed.people ??= viewSpans(c.parsed.text, c.parsed.doc.people() as unknown as View);
      for (const p of c.parsed.people) out.push(this.slice(p.start + c.start, p.end + c.start));
    }
    return out;
  }

  /** Every match of a regular expression over the folded text (the `g` flag is added when missing). */
  find(re: RegExp): (Span & { groups: (string | undefined)[] })[] {
    const key = `${re.flags}/${re.source}`;
    const out: (Span & { groups: (string | undefined)[] })[] = [];
    for (const c of this.chunks) {
      let hits = c.parsed.finds.get(key);
      if (!hits) {
        hits = findInText(c.parsed.folded, re);
        c.parsed.finds.set(key, hits);
      }
      for (const h of hits) out.push({ ...this.slice(h.start + c.start, h.end + c.start), groups: h.groups });
    }
    return out;
  }

  /** The sentence holding a character offset (the nearest one before it when between sentences). */
  sentenceAt(offset: number): Sentence | undefined {
    const i = this.sentenceIndexAt(offset);
    return i >= 0 ? this.sentences[i] : undefined;
  }

  sentenceIndexAt(offset: number): number {
    const sentences = this.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Tokens overlapping [start, end). */
  tokensIn(start: number, end: number): Token[] {
    return this.tokens.filter((t) => t.end > start && t.start < end);
  }

  slice(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }
}

function findInText(text: string, re: RegExp): ChunkHit[] {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const hits: ChunkHit[] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    if (m[0] === '') {
      global.lastIndex++;
      continue;
    }
    hits.push({ start: m.index, end: m.index + m[0].length, groups: m.slice(1) });
  }
  return hits;
}

function matchInChunk(chunk: ParsedChunk, pattern: string): ChunkMatch[] {
  const view = chunk.doc.match(pattern);
  if (!view.found) return [];
  const matches: ChunkMatch[] = viewSpans(chunk.text, view as unknown as View).map((s) => ({ ...s, groups: {} }));
  // compromise keeps groups on the whole result; give each group span to the match holding it.
  for (const [name, groupView] of Object.entries(view.groups() as Record<string, View>)) {
    for (const g of viewSpans(chunk.text, groupView as unknown as View)) {
      const owner = matches.find((m) => m.start <= g.start && g.end <= m.end);
      if (owner && !owner.groups[name]) owner.groups[name] = g;
    }
  }
  return matches;
}

/** One trimmed span per match of a view, in chunk-relative offsets. */
function viewSpans(text: string, view: View): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  view.forEach((one) => {
    const json = (one as View).json({ offset: true }) as { offset: { start: number; length: number } }[];
    if (json.length === 0) return;
    const first = json[0]!.offset;
    const last = json[json.length - 1]!.offset;
    const { start, end } = trimSpan(text, first.start, last.start + last.length);
    if (end > start) spans.push({ start, end });
  });
  return spans;
}

/** Trim whitespace and edge punctuation that compromise keeps on terms ("guilty." → "guilty"). */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s"'(\[{“‘*_]/.test(text[start]!)) start++;
  while (end > start && /[\s"'.,;:!?)\]}”’*_]/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
}

/** Fold look-alike characters one-for-one so regexes can be written in plain ASCII without moving offsets. */
export function foldText(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\uFF02]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/\uFF03/g, '#');
}

/** Parse a post (uses the chunk cache). */
export function parsePost(text: string): PostText {
  return new PostText(text);
}

export function clearParseCache(): void {
  chunkCache.clear();
}
