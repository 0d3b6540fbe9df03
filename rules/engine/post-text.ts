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

interface ParsedChunk {
  /** compromise's people, as offsets into the chunk; computed on first use (several rules ask). */
  people?: { start: number; end: number }[];
  tokens: Omit<Token, 'sentence'>[];
  sentences: { start: number; end: number; tokenStart: number; tokenEnd: number; negated: boolean; question: boolean }[];
  doc: View;
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
  const sentences: ParsedChunk['sentences'] = [];
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
    const first = tokens[tokenStart]!;
    const last = tokens[tokens.length - 1]!;
    const end = Math.min(text.length, last.end + (sentence.terms.at(-1)?.post?.trimEnd().length ?? 0));
    sentences.push({
      start: first.start,
      end,
      tokenStart,
      tokenEnd: tokens.length,
      negated,
      question: /\?\s*["')\]]*\s*$/.test(text.slice(first.start, end)),
    });
  }
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) {
    const oldest = chunkCache.keys().next().value;
    if (oldest !== undefined) chunkCache.delete(oldest);
  }
  const parsed = { tokens, sentences, doc };
  chunkCache.set(text, parsed);
  return parsed;
}

interface SentenceJson {
  text: string;
  terms: { text: string; normal?: string; tags: string[]; offset: { start: number; length: number }; post?: string }[];
}

/** Long paragraphs are cut at sentence ends so that an edit re-parses only a small piece. */
const CHUNK_TARGET = 400;
// A sentence end: ., ! or ? (plus closing quotes), whitespace, then something that can start a sentence.
// The look-behind keeps "Sgt. Lorna" and "St. Louis" together (common abbreviations end in a short word).
const SENTENCE_BREAK = /(?<![A-Z][a-z]{0,3}\.)(?<=[.!?…]["')\]]?)\s+(?=["'(\[]?[A-Z0-9#@])/g;

export function splitChunks(text: string): Span[] {
  const chunks: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const pStart = p.index;
    const pText = p[0];
    if (pText.trim() === '') continue;
    if (pText.length <= CHUNK_TARGET) {
      chunks.push({ start: pStart, end: pStart + pText.length, text: pText });
      continue;
    }
    let from = 0;
    SENTENCE_BREAK.lastIndex = 0;
    for (let b = SENTENCE_BREAK.exec(pText); b; b = SENTENCE_BREAK.exec(pText)) {
      if (b.index - from >= CHUNK_TARGET / 4) {
        chunks.push({ start: pStart + from, end: pStart + b.index, text: pText.slice(from, b.index) });
        from = b.index + b[0].length;
      }
    }
    if (from < pText.length) chunks.push({ start: pStart + from, end: pStart + pText.length, text: pText.slice(from) });
  }
  return chunks;
}

const HYPOTHETICAL = /^\W*(?:if|what if|imagine|suppose|supposing|pretend|hypothetically|in a world where)\b|\b(?:would have|would've|could have|could've|if only)\b/i;
const QUESTION_OPENING = /^\W*(?:who|what|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|anyone|any)\b[^.!]*$/i;
const REPORTED = /\b(?:according to|(?:the )?(?:news|paper|article|reporter|report|press release|headline|station|outlet)s?\b[^.]{0,40}\b(?:says?|said|reports?|reported|writes?|wrote|claims?)|(?:says?|said|reports?|reported) (?:the )?(?:news|paper|article|ktvh|kfor|abc|nbc|cbs|fox|ap|reuters|press)|reports? say|per (?:the )?(?:news|paper|article|court records)|https?:\/\/|www\.|\bvia @?\w+|\bshared (?:a |this )?(?:post|link|article))/i;

/** A parsed post. Rules read it; nothing mutates it. */
export class PostText {
  readonly text: string;
  /** `text` with look-alike characters folded (curly quotes, fancy dashes, NBSP); same length, same offsets. */
  readonly folded: string;
  readonly tokens: Token[] = [];
  readonly sentences: Sentence[] = [];
  private readonly chunks: { start: number; parsed: ParsedChunk; sentenceOffset: number }[] = [];

  constructor(text: string) {
    this.text = text;
    this.folded = foldText(text);
    for (const chunk of splitChunks(text)) {
      const parsed = parseChunk(chunk.text);
      const sentenceOffset = this.sentences.length;
      for (const s of parsed.sentences) {
        const sentenceIndex = this.sentences.length;
        const tokenStart = this.tokens.length;
        for (let i = s.tokenStart; i < s.tokenEnd; i++) {
          const t = parsed.tokens[i]!;
          this.tokens.push({ ...t, start: t.start + chunk.start, end: t.end + chunk.start, sentence: sentenceIndex });
        }
        const start = s.start + chunk.start;
        const end = s.end + chunk.start;
        const sText = text.slice(start, end);
        this.sentences.push({
          start,
          end,
          text: sText,
          tokenStart,
          tokenEnd: this.tokens.length,
          negated: s.negated,
          question: s.question || QUESTION_OPENING.test(sText.trim()),
          hypothetical: HYPOTHETICAL.test(sText),
          reported: REPORTED.test(sText),
        });
      }
      this.chunks.push({ start: chunk.start, parsed, sentenceOffset });
    }
  }

  /** Matches of a compromise pattern (e.g. `#Person+ (is|was) guilty`), with named groups, in text order. */
  match(pattern: string): Match[] {
    const out: Match[] = [];
    for (const chunk of this.chunks) {
      const view = chunk.parsed.doc.match(pattern);
      if (!view.found) continue;
      const matches: Match[] = [];
      view.forEach((one) => {
        const span = this.viewSpan(one as View, chunk.start);
        if (span) matches.push({ ...span, groups: {}, sentence: this.sentenceIndexAt(span.start) });
      });
      // compromise keeps groups on the whole result; give each group span to the match holding it.
      const named = view.groups() as Record<string, View>;
      for (const [name, groupView] of Object.entries(named)) {
        groupView.forEach((g) => {
          const gs = this.viewSpan(g as View, chunk.start);
          const owner = gs && matches.find((m) => m.start <= gs.start && gs.end <= m.end);
          if (gs && owner && !owner.groups[name]) owner.groups[name] = gs;
        });
      }
      out.push(...matches);
    }
    return out;
  }

  /** Spans the tagger recognises as people's names (compromise `#Person`). */
  people(): Span[] {
    const out: Span[] = [];
    for (const chunk of this.chunks) {
      if (!chunk.parsed.people) {
        const spans: { start: number; end: number }[] = [];
        chunk.parsed.doc.people().forEach((one) => {
          const span = this.viewSpan(one as View, chunk.start);
          if (span) spans.push({ start: span.start - chunk.start, end: span.end - chunk.start });
        });
        chunk.parsed.people = spans;
      }
      for (const p of chunk.parsed.people) out.push(this.slice(p.start + chunk.start, p.end + chunk.start));
    }
    return out;
  }

  /** Every match of a regular expression over the folded text (the `g` flag is added when missing). */
  find(re: RegExp): (Span & { groups: (string | undefined)[] })[] {
    const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
    const global = new RegExp(re.source, flags);
    const out: (Span & { groups: (string | undefined)[] })[] = [];
    for (let m = global.exec(this.folded); m; m = global.exec(this.folded)) {
      if (m[0] === '') {
        global.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, text: this.text.slice(m.index, m.index + m[0].length), groups: m.slice(1) });
    }
    return out;
  }

  /** The sentence holding a character offset (the nearest one before it when between sentences). */
  sentenceAt(offset: number): Sentence | undefined {
    const i = this.sentenceIndexAt(offset);
    return i >= 0 ? this.sentences[i] : undefined;
  }

  sentenceIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid]!.start <= offset) {
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

  private viewSpan(view: View, base: number): Span | null {
    const json = view.json({ offset: true }) as { offset: { start: number; length: number } }[];
    if (json.length === 0) return null;
    const first = json[0]!.offset;
    const last = json[json.length - 1]!.offset;
    return trimSpan(this.text, base + first.start, base + last.start + last.length);
  }
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
