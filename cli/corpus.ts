// Corpus lines (../shared/corpus/README.md): parse and check one JSON object per line, naming the
// line and the field on error.
import { BUILTIN_PROFILE_IDS } from '../rules/api';
import { isCategoryId, type CategoryId, type Facility, type ImageFacts, type PostContext, type PostInput } from '../rules/engine/types';

export interface CorpusImage extends ImageFacts {
  /** File to read the facts from, relative to the corpus file (design §8). */
  path?: string;
}

export interface CorpusLine {
  id: string;
  profile: string;
  account: PostInput['account'];
  text: string;
  images?: CorpusImage[];
  context?: PostContext;
  facilities?: Facility[];
  expect?: CategoryId[];
  note?: string;
}

export class LineError extends Error {
  constructor(
    readonly line: number,
    readonly field: string | null,
    message: string,
  ) {
    super(`line ${line}${field ? `, field "${field}"` : ''}: ${message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse and check one corpus line; throws LineError naming the line and field. */
export function parseCorpusLine(raw: string, lineNo: number, knownProfiles: readonly string[] = BUILTIN_PROFILE_IDS): CorpusLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new LineError(lineNo, null, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(value)) throw new LineError(lineNo, null, 'expected a JSON object');
  const fail = (field: string, message: string): never => {
    throw new LineError(lineNo, field, message);
  };
  const { id, profile, account, text, images, context, facilities, expect } = value;
  if (typeof id !== 'string' || id === '') fail('id', 'must be a non-empty string');
  if (typeof profile !== 'string') fail('profile', 'must be a string');
  if (!knownProfiles.includes(profile as string)) fail('profile', `unknown profile "${String(profile)}" (known: ${knownProfiles.join(', ')})`);
  if (account !== 'personal' && account !== 'official') fail('account', 'must be "personal" or "official"');
  if (typeof text !== 'string') fail('text', 'must be a string');
  if (images !== undefined) {
    if (!Array.isArray(images)) fail('images', 'must be an array');
    (images as unknown[]).forEach((img, i) => {
      if (!isObject(img)) fail(`images[${i}]`, 'must be an object');
      const im = img as Record<string, unknown>;
      if (im.gps !== undefined && (!isObject(im.gps) || typeof im.gps.lat !== 'number' || typeof im.gps.lon !== 'number'))
        fail(`images[${i}].gps`, 'must be {"lat": number, "lon": number}');
      if (im.keywords !== undefined && (!Array.isArray(im.keywords) || im.keywords.some((k) => typeof k !== 'string')))
        fail(`images[${i}].keywords`, 'must be an array of strings');
      for (const f of ['filename', 'description', 'takenAt', 'make', 'model', 'path'] as const) {
        if (im[f] !== undefined && typeof im[f] !== 'string') fail(`images[${i}].${f}`, 'must be a string');
      }
      if (im.takenAt !== undefined && Number.isNaN(Date.parse(im.takenAt as string))) fail(`images[${i}].takenAt`, 'must be an ISO-8601 date-time');
    });
  }
  if (context !== undefined) {
    if (!isObject(context)) fail('context', 'must be an object');
    const c = context as Record<string, unknown>;
    if (c.postedAt !== undefined && (typeof c.postedAt !== 'string' || Number.isNaN(Date.parse(c.postedAt)))) fail('context.postedAt', 'must be an ISO-8601 date-time');
    for (const f of ['onDuty', 'managedDevice'] as const) if (c[f] !== undefined && typeof c[f] !== 'boolean') fail(`context.${f}`, 'must be true or false');
    if (c.platform !== undefined && typeof c.platform !== 'string') fail('context.platform', 'must be a string');
    if (c.approvedPlatforms !== undefined && (!Array.isArray(c.approvedPlatforms) || c.approvedPlatforms.some((p) => typeof p !== 'string')))
      fail('context.approvedPlatforms', 'must be an array of strings');
  }
  if (facilities !== undefined) {
    if (!Array.isArray(facilities)) fail('facilities', 'must be an array');
    (facilities as unknown[]).forEach((f, i) => {
      if (!isObject(f) || typeof f.name !== 'string') fail(`facilities[${i}]`, 'must be an object with a "name"');
      const fa = f as Record<string, unknown>;
      for (const k of ['lat', 'lon', 'radiusM'] as const) if (fa[k] !== undefined && typeof fa[k] !== 'number') fail(`facilities[${i}].${k}`, 'must be a number');
    });
  }
  if (expect !== undefined) {
    if (!Array.isArray(expect)) fail('expect', 'must be an array of category ids');
    (expect as unknown[]).forEach((c, i) => {
      if (!isCategoryId(c)) fail(`expect[${i}]`, `unknown category "${String(c)}"`);
    });
  }
  return value as unknown as CorpusLine;
}

/** Split a JSONL document into non-blank lines with their 1-based numbers. */
export function corpusLines(source: string): { lineNo: number; raw: string }[] {
  return source
    .split(/\r?\n/)
    .map((raw, i) => ({ lineNo: i + 1, raw }))
    .filter((l) => l.raw.trim() !== '');
}

export function toPostInput(line: CorpusLine, images: ImageFacts[] | undefined = line.images): PostInput {
  return {
    text: line.text,
    account: line.account,
    ...(images ? { images } : {}),
    ...(line.context ? { context: line.context } : {}),
    ...(line.facilities ? { facilities: line.facilities } : {}),
  };
}
