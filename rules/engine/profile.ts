// Profiles are data: validate them item by item (eval-free, MV3 forbids `new Function`), resolve
// `extends`, and stack the profiles whose official clauses also apply (mt-doc + mt-state-it).
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import schema from '../../assets/profiles/profile.schema.json';
import type { AnyRule } from './define-rule';
import type {
  AgencyKind,
  Caveat,
  CategoryId,
  Clause,
  Disclaimer,
  DutyHours,
  Facility,
  Profile,
  ProfileDocument,
  ReferenceImage,
} from './types';

/** One dropped item or field: where it was and why. */
export interface Problem {
  /** JSON Pointer into the input, e.g. `/facilities/2/lat`. */
  path: string;
  message: string;
}

/** A profile as written in a file: every field but `id` optional, `disclaimer` may be a plain string. */
export interface ProfileSource {
  id: string;
  extends?: string | null;
  name?: string;
  agency?: string;
  agencyKind?: AgencyKind;
  document?: ProfileDocument;
  disclaimer?: string | Disclaimer;
  stackOfficial?: string[];
  caveats?: Caveat[];
  clauses?: Clause[];
  facilities?: Facility[];
  dutyHours?: DutyHours | null;
  terms?: Record<string, string[]>;
  actions?: Profile['actions'];
  ruleOptions?: Profile['ruleOptions'];
  referenceImages?: ReferenceImage[];
  approvedPlatforms?: string[];
}

type JsonSchema = Record<string, unknown>;
const SCHEMA = schema as unknown as { properties: Record<string, JsonSchema>; $defs: Record<string, JsonSchema> };
const validators = new Map<string, Validator>();

/** A cached validator for a subschema of profile.schema.json (its `$defs` are in scope). */
export function validatorFor(key: string, sub: JsonSchema): Validator {
  let v = validators.get(key);
  if (!v) {
    v = new Validator({ ...sub, $defs: SCHEMA.$defs } as never, '2020-12', false);
    validators.set(key, v);
  }
  return v;
}

/** The most specific messages of a failed validation, as `path: message` problems. */
export function problemsOf(errors: OutputUnit[], base: string): Problem[] {
  const specific = errors.filter(
    (e) => !/subschema had errors|does not match schema|Items did not match|did not match any|Property .* does not match/i.test(e.error),
  );
  const chosen = specific.length > 0 ? specific : errors.slice(-1);
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of chosen) {
    const path = base + e.instanceLocation.replace(/^#/, '');
    const message = humanise(e.error);
    const key = path + '\u0000' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: path || '/', message });
  }
  return out;
}

function humanise(error: string): string {
  return error
    .replace(/^Instance type "(\w+)" is invalid\. Expected "(\w+)"\.$/, 'is a $1, expected a $2')
    .replace(/^Instance type "(\w+)" is invalid\. Expected (.+)\.$/, 'is a $1, expected $2')
    .replace(/^Instance does not have required property "([^"]+)"\.$/, 'is missing "$1"')
    .replace(/^Instance has "([^"]+)" but does not have "([^"]+)"\.$/, 'has "$1" but not "$2"')
    .replace(/^Instance does not match any of \[(.+)\]\.$/, 'must be one of $1')
    .replace(/^Property "([^"]+)" does not match additional properties schema\.$/, 'unknown field "$1"')
    .replace(/^Instance /, 'value ');
}

const ARRAY_ITEM_KEYS = new Set(['caveats', 'clauses', 'facilities', 'referenceImages', 'stackOfficial', 'approvedPlatforms']);

/**
 * Validate a profile source. Bad array items and bad fields are dropped (each with a problem);
 * the rest is kept. Returns `profile: null` only when the input is not an object or has no valid id.
 */
export function validateProfile(raw: unknown, basePath = ''): { profile: ProfileSource | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { profile: null, problems: [{ path: basePath || '/', message: 'a profile must be a JSON object' }] };
  }
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const sub = SCHEMA.properties[key];
    const path = `${basePath}/${escapePointer(key)}`;
    if (!sub) {
      problems.push({ path, message: `unknown field "${key}"` });
      continue;
    }
    if (key === '$schema') continue;
    if (ARRAY_ITEM_KEYS.has(key) && Array.isArray(value)) {
      const itemSchema = (sub as { items: JsonSchema }).items;
      const v = validatorFor(`${key}[]`, itemSchema);
      const kept: unknown[] = [];
      value.forEach((item, i) => {
        const r = v.validate(item);
        if (r.valid) kept.push(item);
        else problems.push(...problemsOf(r.errors, `${path}/${i}`).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
      });
      out[key] = kept;
      continue;
    }
    if ((key === 'terms' || key === 'actions' || key === 'ruleOptions') && isPlainObject(value)) {
      out[key] = validateMap(key, value, path, sub, problems);
      continue;
    }
    if (key === 'dutyHours' && isPlainObject(value) && Array.isArray(value.windows)) {
      const windowValidator = validatorFor('dutyWindow', { $ref: '#/$defs/dutyWindow' });
      const windows = value.windows.filter((w, i) => {
        const r = windowValidator.validate(w);
        if (!r.valid) problems.push(...problemsOf(r.errors, `${path}/windows/${i}`).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
        return r.valid;
      });
      const candidate = { ...value, windows };
      const r = validatorFor(key, sub).validate(candidate);
      if (r.valid) out[key] = candidate;
      else problems.push(...problemsOf(r.errors, path).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
      continue;
    }
    const r = validatorFor(key, sub).validate(value);
    if (r.valid) out[key] = value;
    else problems.push(...problemsOf(r.errors, path).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
  }
  if (typeof out.id !== 'string') {
    if (!problems.some((p) => p.path === `${basePath}/id`)) problems.push({ path: `${basePath}/id`, message: 'is missing "id"' });
    return { profile: null, problems };
  }
  return { profile: out as unknown as ProfileSource, problems };
}

function validateMap(key: string, value: Record<string, unknown>, path: string, sub: JsonSchema, problems: Problem[]) {
  const kept: Record<string, unknown> = {};
  const keyValidator = validatorFor(`${key}{key}`, (sub.propertyNames as JsonSchema | undefined) ?? {});
  const valueValidator = validatorFor(`${key}{value}`, (sub.additionalProperties as JsonSchema | undefined) ?? {});
  for (const [k, v] of Object.entries(value)) {
    const itemPath = `${path}/${escapePointer(k)}`;
    if (!keyValidator.validate(k).valid) {
      problems.push({ path: itemPath, message: `dropped: "${k}" is not a category id` });
      continue;
    }
    if (key === 'terms' && Array.isArray(v)) {
      const termValidator = validatorFor('terms[]', ((sub.additionalProperties as JsonSchema).items as JsonSchema) ?? {});
      kept[k] = v.filter((t, i) => {
        const r = termValidator.validate(t);
        if (!r.valid) problems.push(...problemsOf(r.errors, `${itemPath}/${i}`).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
        return r.valid;
      });
      continue;
    }
    const r = valueValidator.validate(v);
    if (r.valid) kept[k] = v;
    else problems.push(...problemsOf(r.errors, itemPath).map((p) => ({ ...p, message: `dropped: ${p.message}` })));
  }
  return kept;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Check each category's rule options against the rule's own option schema; drop bad ones. */
export function validateRuleOptions(
  profile: ProfileSource,
  rules: Partial<Record<CategoryId, AnyRule>>,
  basePath = '',
): Problem[] {
  const problems: Problem[] = [];
  const options = profile.ruleOptions ?? {};
  for (const [category, value] of Object.entries(options) as [CategoryId, Record<string, unknown>][]) {
    const rule = rules[category];
    if (!rule) continue;
    const v = validatorFor(`rule:${category}`, rule.meta.schema);
    const r = v.validate(value);
    if (!r.valid) {
      problems.push(
        ...problemsOf(r.errors, `${basePath}/ruleOptions/${category}`).map((p) => ({ ...p, message: `dropped: ${p.message}` })),
      );
      delete options[category];
    }
  }
  return problems;
}

export type ProfileLookup = (id: string) => ProfileSource | undefined;

const DEFAULTS: Omit<Profile, 'id' | 'extends' | 'name' | 'agency'> = {
  agencyKind: 'corrections',
  document: { title: null, number: null, effectiveDate: null },
  disclaimer: { text: 'The views reflected on this page represent my personal opinions and in no way represent the views of my employer.', derived: true },
  stackOfficial: [],
  caveats: [],
  clauses: [],
  facilities: [],
  dutyHours: null,
  terms: {},
  actions: {},
  ruleOptions: {},
  referenceImages: [],
};

/**
 * Resolve `extends` (field by field; lists replace; `terms` add to the parent's; `actions` and
 * `ruleOptions` merge per category) and append the official clauses of `stackOfficial` profiles.
 */
export function resolveProfile(source: ProfileSource, lookup: ProfileLookup): Profile {
  const chain: ProfileSource[] = [];
  const seen = new Set<string>();
  for (let p: ProfileSource | undefined = source; p; p = p.extends ? lookup(p.extends) : undefined) {
    if (seen.has(p.id)) throw new Error(`profile "${p.id}" extends itself (through ${[...seen].join(' → ')})`);
    seen.add(p.id);
    chain.unshift(p);
    if (p.extends && !lookup(p.extends)) throw new Error(`profile "${p.id}" extends unknown profile "${p.extends}"`);
  }
  let merged: Profile = { ...DEFAULTS, id: source.id, extends: source.extends ?? null, name: source.id, agency: source.id };
  for (const p of chain) merged = mergeProfile(merged, p);
  merged.id = source.id;
  merged.extends = source.extends ?? null;

  const stacked: Clause[] = [];
  for (const id of merged.stackOfficial) {
    const other = lookup(id);
    if (!other) throw new Error(`profile "${merged.id}" stacks unknown profile "${id}"`);
    for (const clause of resolveProfile(other, lookup).clauses) {
      if (clause.appliesTo !== 'personal') stacked.push({ ...clause, appliesTo: 'official' });
    }
  }
  if (stacked.length > 0) merged = { ...merged, clauses: [...merged.clauses, ...stacked] };
  return merged;
}

function mergeProfile(base: Profile, p: ProfileSource): Profile {
  const out: Profile = { ...base };
  if (p.name !== undefined) out.name = p.name;
  if (p.agency !== undefined) out.agency = p.agency;
  if (p.agencyKind !== undefined) out.agencyKind = p.agencyKind;
  if (p.document !== undefined) out.document = p.document;
  if (p.disclaimer !== undefined) {
    out.disclaimer = typeof p.disclaimer === 'string' ? { text: p.disclaimer, derived: false, source: `profile ${p.id}` } : { ...p.disclaimer, derived: p.disclaimer.derived ?? false };
  }
  if (p.stackOfficial !== undefined) out.stackOfficial = p.stackOfficial;
  if (p.caveats !== undefined) out.caveats = p.caveats;
  if (p.clauses !== undefined) out.clauses = p.clauses.map((c) => ({ ...c, exceptions: c.exceptions ?? [] }));
  if (p.facilities !== undefined) out.facilities = p.facilities;
  if (p.dutyHours !== undefined) out.dutyHours = p.dutyHours;
  if (p.terms !== undefined) {
    const terms: Record<string, string[]> = { ...base.terms };
    for (const [k, list] of Object.entries(p.terms)) terms[k] = [...new Set([...(terms[k] ?? []), ...list])];
    out.terms = terms;
  }
  if (p.actions !== undefined) out.actions = { ...base.actions, ...p.actions };
  if (p.ruleOptions !== undefined) {
    const ruleOptions: Profile['ruleOptions'] = { ...base.ruleOptions };
    for (const [k, v] of Object.entries(p.ruleOptions) as [CategoryId, Record<string, unknown>][]) {
      ruleOptions[k] = { ...(ruleOptions[k] ?? {}), ...v };
    }
    out.ruleOptions = ruleOptions;
  }
  if (p.referenceImages !== undefined) out.referenceImages = p.referenceImages;
  if (p.approvedPlatforms !== undefined) out.approvedPlatforms = p.approvedPlatforms;
  return out;
}
