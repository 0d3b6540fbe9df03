// Enterprise policy: validate what an agency pushed through managed storage (item by item, so one
// bad facility never costs the others), validate the user's own settings, and merge the two with the
// selected profile: managed > user choice (where unlocked) > selected profile > defaults.
// Pure: the worker (utils/effective-profile.ts) and the CLI (`second-look policy build`) share it.
import { BUILTIN_PROFILE_IDS, builtinProfileSource } from './builtin-profiles';
import { actionFor, clausesByCategory, type RuleRegistry } from './lint';
import {
  problemsOf,
  resolveProfile,
  validateProfile,
  validateRuleOptions,
  validatorFor,
  type Problem,
  type ProfileLookup,
  type ProfileSource,
} from './profile';
import {
  isCategoryId,
  type Action,
  type CategoryId,
  type DutyHours,
  type Facility,
  type Profile,
  type ReferenceImage,
} from './types';

/** The top-level policy keys, in the order they are validated (`profile` first: others refer to it). */
export const MANAGED_KEYS = [
  'schemaVersion',
  'organizationName',
  'profile',
  'profileId',
  'allowProfileSwitch',
  'allowedProfileIds',
  'allowUserDisable',
  'categoryActions',
  'facilities',
  'dutyHours',
  'sensitiveTerms',
  'referenceImageHashes',
  'disclaimerText',
  'supportUrl',
  'supportContact',
  'officialHandles',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export const SCHEMA_VERSION = 1;
const MAX_ITEMS = 1000;
const MAX_PROFILE_TEXT = 2_000_000;

/** A policy after validation: only the values that passed, in engine shapes. */
export interface ManagedPolicy {
  schemaVersion?: number;
  organizationName?: string;
  profileId?: string;
  /** A custom profile (validated; its bad items already dropped). */
  profile?: ProfileSource;
  allowProfileSwitch?: boolean;
  allowedProfileIds?: string[];
  allowUserDisable?: boolean;
  categoryActions?: Partial<Record<CategoryId, Action>>;
  facilities?: Facility[];
  dutyHours?: DutyHours;
  sensitiveTerms?: Record<string, string[]>;
  referenceImageHashes?: ReferenceImage[];
  disclaimerText?: string;
  supportUrl?: string;
  supportContact?: string;
  officialHandles?: string[];
}

export interface PolicyReport {
  /** Top-level keys that arrived, as given. */
  received: string[];
  /** Keys that were kept (some of their items may have been dropped). */
  accepted: ManagedKey[];
  /** Every dropped key or item: JSON Pointer of what was dropped, and why. */
  dropped: Problem[];
  /** Values read in another form than the preferred one (e.g. JSON text, "1" for true). */
  notes: Problem[];
  policy: ManagedPolicy;
}

export interface ManagedPolicyDeps {
  /** Rule registry, to check a custom profile's `ruleOptions` against each rule's option schema. */
  rules: RuleRegistry;
  lookup?: ProfileLookup;
}

// ---------------------------------------------------------------------------------------------
// Validation helpers shared by the policy and the settings

interface Sink {
  dropped: Problem[];
  notes: Problem[];
}

type JsonSchema = Record<string, unknown>;
const FACILITY: JsonSchema = { $ref: '#/$defs/facility' };
const DUTY_WINDOW: JsonSchema = { $ref: '#/$defs/dutyWindow' };
const REFERENCE_IMAGE: JsonSchema = { $ref: '#/$defs/referenceImage' };
const ACTIONS: readonly Action[] = ['off', 'warn', 'confirm'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Reason for dropping the item at `itemPath`, naming the field inside it that failed. */
function reasonsFor(errors: Parameters<typeof problemsOf>[0], itemPath: string): string {
  return problemsOf(errors, itemPath)
    .map((p) => (p.path === itemPath ? p.message : `${p.path.slice(itemPath.length + 1)} ${p.message}`))
    .join('; ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Windows registry and Firefox's policy engine deliver some values as text: a list or object as JSON
 * text, a boolean as 0/1, a number as "38.9". Read those, and note that we did.
 */
function fromJsonText(value: unknown, want: 'list' | 'object', path: string, sink: Sink): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (want === 'list' ? Array.isArray(parsed) : isPlainObject(parsed)) {
      sink.notes.push({ path, message: `read ${want === 'list' ? 'a list' : 'an object'} from JSON text` });
      return parsed;
    }
  } catch {
    // Not JSON: reported below as the wrong type.
  }
  return value;
}

function readBoolean(value: unknown, path: string, sink: Sink): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const read = text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
  if (read === undefined) {
    sink.dropped.push({ path, message: `is ${describe(value)}, expected true or false` });
    return undefined;
  }
  sink.notes.push({ path, message: `read ${JSON.stringify(value)} as ${read}` });
  return read;
}

function readNumberText(value: unknown, path: string, sink: Sink): unknown {
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    sink.notes.push({ path, message: `read the text ${JSON.stringify(value)} as a number` });
    return Number(value);
  }
  return value;
}

function readString(value: unknown, path: string, sink: Sink, opts: { max: number; what?: string }): string | undefined {
  if (typeof value !== 'string') {
    sink.dropped.push({ path, message: `is ${describe(value)}, expected ${opts.what ?? 'text'}` });
    return undefined;
  }
  const text = value.trim();
  if (text === '' || text.length > opts.max) {
    sink.dropped.push({ path, message: text === '' ? 'is empty' : `is longer than ${opts.max} characters` });
    return undefined;
  }
  return text;
}

/**
 * Keep the valid items of a list, drop each bad one with its reason. A list whose every item was bad
 * is dropped as a whole (returns undefined), so an agency's typo never empties a list silently.
 */
function readList<T>(value: unknown, path: string, sink: Sink, readItem: (item: unknown, itemPath: string) => T | undefined): T[] | undefined {
  const list = fromJsonText(value, 'list', path, sink);
  if (!Array.isArray(list)) {
    sink.dropped.push({ path, message: `is ${describe(list)}, expected a list` });
    return undefined;
  }
  if (list.length > MAX_ITEMS) sink.dropped.push({ path: pointer(path, MAX_ITEMS), message: `items after the first ${MAX_ITEMS} dropped` });
  const kept: T[] = [];
  list.slice(0, MAX_ITEMS).forEach((item, i) => {
    const read = readItem(item, pointer(path, i));
    if (read !== undefined) kept.push(read);
  });
  if (list.length > 0 && kept.length === 0) {
    sink.dropped.push({ path, message: 'no valid item left: the whole list is ignored' });
    return undefined;
  }
  return kept;
}

function schemaItem<T>(key: string, schema: JsonSchema, label: string) {
  return (item: unknown, itemPath: string, sink: Sink): T | undefined => {
    const r = validatorFor(key, schema).validate(item);
    if (r.valid) return item as T;
    sink.dropped.push({ path: itemPath, message: `${label} dropped: ${reasonsFor(r.errors, itemPath)}` });
    return undefined;
  };
}

const facilityItem = schemaItem<Facility>('facility', FACILITY, 'facility');
const dutyWindowItem = schemaItem<DutyHours['windows'][number]>('dutyWindow', DUTY_WINDOW, 'duty window');
const referenceImageItem = schemaItem<ReferenceImage>('referenceImage', REFERENCE_IMAGE, 'reference image');

function readFacility(item: unknown, itemPath: string, sink: Sink): Facility | undefined {
  if (isPlainObject(item)) {
    const copy: Record<string, unknown> = { ...item };
    for (const field of ['lat', 'lon', 'radiusM']) {
      if (field in copy) copy[field] = readNumberText(copy[field], pointer(itemPath, field), sink);
    }
    if (typeof copy.name === 'string') copy.name = copy.name.trim();
    return facilityItem(copy, itemPath, sink);
  }
  return facilityItem(item, itemPath, sink);
}

export function readFacilities(value: unknown, path: string, sink: Sink): Facility[] | undefined {
  return readList(value, path, sink, (item, p) => readFacility(item, p, sink));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function readDutyHours(value: unknown, path: string, sink: Sink): DutyHours | undefined {
  const obj = fromJsonText(value, 'object', path, sink);
  if (!isPlainObject(obj)) {
    sink.dropped.push({ path, message: `is ${describe(obj)}, expected an object with timeZone and windows` });
    return undefined;
  }
  for (const key of Object.keys(obj)) {
    if (key !== 'timeZone' && key !== 'windows') sink.dropped.push({ path: pointer(path, key), message: `unknown field "${key}"` });
  }
  const timeZone = readString(obj.timeZone, pointer(path, 'timeZone'), sink, { max: 64, what: 'an IANA time zone such as America/Chicago' });
  if (timeZone === undefined) {
    sink.dropped.push({ path, message: 'duty hours ignored: they need a time zone' });
    return undefined;
  }
  if (!isTimeZone(timeZone)) {
    sink.dropped.push({ path: pointer(path, 'timeZone'), message: `"${timeZone}" is not a known time zone (use an IANA name such as America/Chicago)` });
    sink.dropped.push({ path, message: 'duty hours ignored: they need a time zone' });
    return undefined;
  }
  const windows = readList(obj.windows ?? [], pointer(path, 'windows'), sink, (item, p) => dutyWindowItem(item, p, sink));
  if (windows === undefined) return undefined;
  return { timeZone, windows };
}

export function readCategoryActions(value: unknown, path: string, sink: Sink): Partial<Record<CategoryId, Action>> | undefined {
  const obj = fromJsonText(value, 'object', path, sink);
  if (!isPlainObject(obj)) {
    sink.dropped.push({ path, message: `is ${describe(obj)}, expected an object of category → action` });
    return undefined;
  }
  const out: Partial<Record<CategoryId, Action>> = {};
  for (const [category, action] of Object.entries(obj)) {
    const itemPath = pointer(path, category);
    if (!isCategoryId(category)) {
      sink.dropped.push({ path: itemPath, message: `"${category}" is not a category id` });
      continue;
    }
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
      sink.dropped.push({ path: itemPath, message: `${JSON.stringify(action)} is not an action (use "warn", "confirm" or "off")` });
      continue;
    }
    out[category] = action as Action;
  }
  return out;
}

/**
 * Account handles compare without a leading @, case and extra spaces. `site:handle` (e.g.
 * `x:@OKDOC`) limits a handle to one site; the compose path matches it against the page's handle.
 */
export function normalizeHandle(handle: string): string {
  const bare = (h: string) => h.trim().replace(/^@+/, '').replace(/\s+/g, ' ').toLowerCase();
  const site = /^\s*(facebook|x|linkedin|instagram)\s*:(.*)$/i.exec(handle);
  return site ? `${site[1]!.toLowerCase()}:${bare(site[2]!)}` : bare(handle);
}

export function readHandles(value: unknown, path: string, sink: Sink): string[] | undefined {
  const list = readList(value, path, sink, (item, p) => {
    const text = readString(item, p, sink, { max: 100, what: 'an account handle' });
    return text === undefined ? undefined : normalizeHandle(text) || undefined;
  });
  return list && [...new Set(list)];
}

function readTerms(value: unknown, path: string, sink: Sink): Record<string, string[]> | undefined {
  const obj = fromJsonText(value, 'object', path, sink);
  if (!isPlainObject(obj)) {
    sink.dropped.push({ path, message: `is ${describe(obj)}, expected an object of lexicon → list of terms` });
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [lexicon, terms] of Object.entries(obj)) {
    const lexiconPath = pointer(path, lexicon);
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(lexicon)) {
      sink.dropped.push({ path: lexiconPath, message: `"${lexicon}" is not a lexicon name (lower-case letters, digits, hyphens)` });
      continue;
    }
    const list = readList(terms, lexiconPath, sink, (item, p) => {
      const text = readString(item, p, sink, { max: 80, what: 'a term' });
      if (text !== undefined && text.length < 2) {
        sink.dropped.push({ path: p, message: 'is shorter than 2 characters' });
        return undefined;
      }
      return text;
    });
    if (list) out[lexicon] = list;
  }
  return out;
}

function readSupportUrl(value: unknown, path: string, sink: Sink): string | undefined {
  const text = readString(value, path, sink, { max: 2000, what: 'a link' });
  if (text === undefined) return undefined;
  // rules/ has no URL global (no DOM lib); a full link with a host, or a mailto: address, is enough here.
  if (/^https?:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$/i.test(text) || /^mailto:[^\s@]+@[^\s@]+$/i.test(text)) return text;
  sink.dropped.push({ path, message: `"${text}" is not a full link (start it with https:// or mailto:)` });
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The policy

function readCustomProfile(value: unknown, path: string, sink: Sink, deps: Required<ManagedPolicyDeps>): ProfileSource | undefined {
  let raw = value;
  if (typeof value === 'string') {
    if (value.length > MAX_PROFILE_TEXT) {
      sink.dropped.push({ path, message: `the profile text is larger than ${MAX_PROFILE_TEXT} characters` });
      return undefined;
    }
    try {
      raw = JSON.parse(value);
    } catch (e) {
      sink.dropped.push({ path, message: `is not valid JSON text: ${(e as Error).message}` });
      return undefined;
    }
  }
  if (!isPlainObject(raw)) {
    sink.dropped.push({ path, message: `is ${describe(raw)}, expected a profile (an object, or JSON text of one)` });
    return undefined;
  }
  const { profile, problems } = validateProfile(raw, path);
  sink.dropped.push(...mergeByPath(problems));
  if (!profile) {
    sink.dropped.push({ path, message: 'custom profile ignored: it has no valid id' });
    return undefined;
  }
  if (BUILTIN_PROFILE_IDS.includes(profile.id)) {
    sink.dropped.push({ path: `${path}/id`, message: `"${profile.id}" is a built-in profile id; give the custom profile its own id and "extends": "${profile.id}"` });
    return undefined;
  }
  // A list whose every item was bad would replace the parent's list with nothing: inherit it instead.
  for (const field of PROFILE_LISTS) {
    const given = raw[field];
    if (Array.isArray(given) && given.length > 0 && profile[field]?.length === 0) {
      delete profile[field];
      sink.dropped.push({ path: `${path}/${field}`, message: `no valid item left: the list is ignored${profile.extends ? ` and "${profile.extends}"'s is used` : ''}` });
    }
  }
  sink.dropped.push(...validateRuleOptions(profile, deps.rules, path));
  try {
    resolveProfile(profile, (id) => (id === profile.id ? profile : deps.lookup(id)));
  } catch (e) {
    sink.dropped.push({ path, message: `custom profile ignored: ${(e as Error).message}` });
    return undefined;
  }
  return profile;
}

/** Levenshtein distance, for "did you mean" on misspelt keys. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** One problem per path: the profile validator reports each missing field of an item separately. */
function mergeByPath(problems: Problem[]): Problem[] {
  const byPath = new Map<string, string[]>();
  for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.message.replace(/^dropped: /, '')]);
  return [...byPath].map(([path, messages]) => ({ path, message: `dropped: ${messages.join('; ')}` }));
}

const PROFILE_LISTS = ['caveats', 'clauses', 'facilities', 'referenceImages', 'stackOfficial', 'approvedPlatforms'] as const;

function knownProfileId(id: string, custom: ProfileSource | undefined, lookup: ProfileLookup): boolean {
  return id === custom?.id || lookup(id) !== undefined;
}

function unknownProfileMessage(id: string, custom: ProfileSource | undefined, received: readonly string[]): string {
  const known = [...BUILTIN_PROFILE_IDS, ...(custom ? [custom.id] : [])].join(', ');
  const hint = !custom && !received.includes('profile') ? ' No custom "profile" arrived (on Chrome and Edge it must be JSON text: the browser drops an object).' : '';
  return `"${id}" is not a known profile (known: ${known}).${hint}`;
}

/**
 * Validate a managed policy as it arrived from `storage.managed` (or an admin's file). Every key and
 * every list item is checked on its own; only the bad ones are dropped, each with its JSON Pointer and
 * the reason. Never throws.
 */
export function validateManagedPolicy(raw: unknown, deps: ManagedPolicyDeps): PolicyReport {
  const full: Required<ManagedPolicyDeps> = { lookup: builtinProfileSource, ...deps };
  const sink: Sink = { dropped: [], notes: [] };
  const policy: ManagedPolicy = {};
  if (!isPlainObject(raw)) {
    if (raw !== undefined && raw !== null) sink.dropped.push({ path: '/', message: `the policy is ${describe(raw)}, expected an object of keys` });
    return { received: [], accepted: [], dropped: sink.dropped, notes: sink.notes, policy };
  }
  const received = Object.keys(raw);
  for (const key of received) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      const near = MANAGED_KEYS.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      sink.dropped.push({ path: pointer('', key), message: `unknown key${near ? ` (did you mean "${near}"?)` : ''}` });
    }
  }
  for (const key of MANAGED_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    const path = pointer('', key);
    switch (key) {
      case 'schemaVersion': {
        const v = readNumberText(value, path, sink);
        if (v === SCHEMA_VERSION) policy.schemaVersion = v;
        else sink.dropped.push({ path, message: `${JSON.stringify(v)} is not a policy format this version reads (set it to ${SCHEMA_VERSION})` });
        break;
      }
      case 'organizationName':
        policy.organizationName = readString(value, path, sink, { max: 100, what: 'the agency name' });
        break;
      case 'profile':
        policy.profile = readCustomProfile(value, path, sink, full);
        break;
      case 'profileId': {
        const id = readString(value, path, sink, { max: 64, what: 'a profile id' });
        if (id === undefined) break;
        if (knownProfileId(id, policy.profile, full.lookup)) policy.profileId = id;
        else sink.dropped.push({ path, message: unknownProfileMessage(id, policy.profile, received) });
        break;
      }
      case 'allowedProfileIds':
        policy.allowedProfileIds = readList(value, path, sink, (item, p) => {
          const id = readString(item, p, sink, { max: 64, what: 'a profile id' });
          if (id === undefined) return undefined;
          if (knownProfileId(id, policy.profile, full.lookup)) return id;
          sink.dropped.push({ path: p, message: unknownProfileMessage(id, policy.profile, received) });
          return undefined;
        });
        break;
      case 'allowProfileSwitch':
      case 'allowUserDisable':
        policy[key] = readBoolean(value, path, sink);
        break;
      case 'categoryActions':
        policy.categoryActions = readCategoryActions(value, path, sink);
        break;
      case 'facilities':
        policy.facilities = readFacilities(value, path, sink);
        break;
      case 'dutyHours':
        policy.dutyHours = readDutyHours(value, path, sink);
        break;
      case 'sensitiveTerms':
        policy.sensitiveTerms = readTerms(value, path, sink);
        break;
      case 'referenceImageHashes':
        policy.referenceImageHashes = readList(value, path, sink, (item, p) => referenceImageItem(item, p, sink));
        break;
      case 'disclaimerText':
        policy.disclaimerText = readString(value, path, sink, { max: 500, what: 'the disclaimer text' });
        break;
      case 'supportUrl':
        policy.supportUrl = readSupportUrl(value, path, sink);
        break;
      case 'supportContact':
        policy.supportContact = readString(value, path, sink, { max: 200, what: 'a contact' });
        break;
      case 'officialHandles':
        policy.officialHandles = readHandles(value, path, sink);
        break;
    }
    if (policy[key] === undefined) delete policy[key];
  }
  const accepted = MANAGED_KEYS.filter((k) => policy[k] !== undefined);
  return { received, accepted, dropped: sink.dropped, notes: sink.notes, policy };
}

// ---------------------------------------------------------------------------------------------
// The user's settings (storage.local key `settings`)

export interface Settings {
  /** The profile the user chose (ignored when the policy locks the choice). */
  profileId?: string;
  /** Handles (normalised) of accounts the user posts to as the agency. */
  officialHandles?: string[];
  /** Replaces the profile's duty hours; `windows: []` means none. */
  dutyHours?: DutyHours;
  /** Replaces the profile's facilities. */
  facilities?: Facility[];
  /** Per category: the user's action (never looser than a managed one). */
  categoryActions?: Partial<Record<CategoryId, Action>>;
  paused?: boolean;
}

export const SETTINGS_KEYS = ['profileId', 'officialHandles', 'dutyHours', 'facilities', 'categoryActions', 'paused'] as const;

/** Validate stored or submitted settings; bad fields and items are dropped, each with a problem. */
export function validateSettings(raw: unknown): { settings: Settings; problems: Problem[] } {
  const sink: Sink = { dropped: [], notes: [] };
  const settings: Settings = {};
  if (!isPlainObject(raw)) {
    if (raw !== undefined && raw !== null) sink.dropped.push({ path: '/', message: `settings are ${describe(raw)}, expected an object` });
    return { settings, problems: sink.dropped };
  }
  for (const [key, value] of Object.entries(raw)) {
    const path = pointer('', key);
    if (value === undefined) continue;
    switch (key) {
      case 'profileId':
        settings.profileId = readString(value, path, sink, { max: 64, what: 'a profile id' });
        break;
      case 'officialHandles':
        settings.officialHandles = readHandles(value, path, sink);
        break;
      case 'dutyHours':
        settings.dutyHours = readDutyHours(value, path, sink);
        break;
      case 'facilities':
        settings.facilities = readFacilities(value, path, sink);
        break;
      case 'categoryActions':
        settings.categoryActions = readCategoryActions(value, path, sink);
        break;
      case 'paused':
        if (typeof value === 'boolean') settings.paused = value;
        else sink.dropped.push({ path, message: `is ${describe(value)}, expected true or false` });
        break;
      default:
        sink.dropped.push({ path, message: `unknown setting "${key}"` });
    }
  }
  for (const key of SETTINGS_KEYS) if (settings[key] === undefined) delete settings[key];
  return { settings, problems: sink.dropped };
}

// ---------------------------------------------------------------------------------------------
// Merge

const ACTION_RANK: Record<Action, number> = { off: 0, warn: 1, confirm: 2 };

/** The stricter of two actions (`confirm` > `warn` > `off`). */
export function stricterAction(a: Action, b: Action): Action {
  return ACTION_RANK[a] >= ACTION_RANK[b] ? a : b;
}

/** Actions a user may pick for a category whose managed minimum is `floor`. */
export function allowedActions(floor: Action | undefined): Action[] {
  return ACTIONS.filter((a) => floor === undefined || ACTION_RANK[a] >= ACTION_RANK[floor]);
}

export interface ProfileOption {
  id: string;
  name: string;
  agency: string;
  custom: boolean;
}

/** What the user may change, given a policy; the options page and popup render from this. */
export interface PolicyControls {
  organizationName?: string;
  profile: {
    locked: boolean;
    options: ProfileOption[];
    /** The profile the policy selects, when it selects one. */
    managedChoice?: string;
  };
  officialHandles: { locked: boolean };
  dutyHours: { locked: boolean };
  facilities: { locked: boolean };
  /** Managed minimum per category; categories not named here are the user's to set. */
  categoryActions: { floor: Partial<Record<CategoryId, Action>> };
  pause: { locked: boolean };
}

export function policyControls(policy: ManagedPolicy | null, lookup: ProfileLookup = builtinProfileSource): PolicyControls {
  const p = policy ?? {};
  const custom = p.profile;
  const managedChoice = p.profileId ?? custom?.id;
  const ids = p.allowedProfileIds ?? [...BUILTIN_PROFILE_IDS, ...(custom ? [custom.id] : [])];
  if (managedChoice !== undefined && !ids.includes(managedChoice)) ids.unshift(managedChoice);
  const options = ids.flatMap((id): ProfileOption[] => {
    const source = id === custom?.id ? custom : lookup(id);
    if (!source) return [];
    const resolved = profileFor(id, custom, lookup);
    return resolved ? [{ id, name: resolved.name, agency: resolved.agency, custom: id === custom?.id }] : [];
  });
  return {
    organizationName: p.organizationName,
    profile: { locked: managedChoice !== undefined && p.allowProfileSwitch !== true, options, managedChoice },
    officialHandles: { locked: p.officialHandles !== undefined },
    dutyHours: { locked: p.dutyHours !== undefined },
    facilities: { locked: p.facilities !== undefined },
    categoryActions: { floor: { ...(p.categoryActions ?? {}) } },
    pause: { locked: p.allowUserDisable === false },
  };
}

function profileFor(id: string, custom: ProfileSource | undefined, lookup: ProfileLookup): Profile | null {
  const withCustom: ProfileLookup = (other) => (other === custom?.id ? custom : lookup(other));
  const source = withCustom(id);
  if (!source) return null;
  try {
    return resolveProfile(source, withCustom);
  } catch {
    return null;
  }
}

export interface EffectiveProfile {
  profile: Profile;
  /** Who chose the profile: the agency's policy or the user. */
  source: 'managed' | 'user' | 'default';
  organizationName?: string;
  /**
   * Controls the policy locks: `profileId`, `officialHandles`, `dutyHours`, `facilities`, `paused`,
   * `categoryActions.<category>`, and the managed-only `disclaimerText`, `sensitiveTerms`,
   * `referenceImageHashes`, `supportUrl`, `supportContact` when present.
   */
  locked: string[];
  /** Normalised handles of accounts treated as official (see `normalizeHandle`). */
  officialHandles: string[];
  paused: boolean;
  /** True when any managed policy applies. */
  managed: boolean;
  supportUrl?: string;
  supportContact?: string;
}

/**
 * Merge per key: managed > user choice (where unlocked) > selected profile > defaults. Returns null
 * when no profile is selected (nothing chosen and no policy): the UI then invites the user to choose.
 */
export function mergeEffectiveProfile(
  policy: ManagedPolicy | null,
  settings: Settings,
  lookup: ProfileLookup = builtinProfileSource,
): EffectiveProfile | null {
  const p = policy ?? {};
  const controls = policyControls(policy, lookup);
  const selectable = controls.profile.options.map((o) => o.id);
  let id: string | undefined;
  let source: EffectiveProfile['source'];
  if (controls.profile.locked) {
    id = controls.profile.managedChoice;
    source = 'managed';
  } else if (settings.profileId !== undefined && selectable.includes(settings.profileId)) {
    id = settings.profileId;
    source = 'user';
  } else {
    id = controls.profile.managedChoice;
    source = 'managed';
  }
  if (id === undefined) return null;
  const base = profileFor(id, p.profile, lookup);
  if (!base) return null;

  const profile: Profile = { ...base };
  const locked: string[] = [];
  if (controls.profile.locked) locked.push('profileId');

  if (p.facilities !== undefined) {
    profile.facilities = p.facilities;
    locked.push('facilities');
  } else if (settings.facilities !== undefined) profile.facilities = settings.facilities;

  if (p.dutyHours !== undefined) {
    profile.dutyHours = p.dutyHours;
    locked.push('dutyHours');
  } else if (settings.dutyHours !== undefined) profile.dutyHours = settings.dutyHours;

  const actions: Profile['actions'] = { ...base.actions, ...(settings.categoryActions ?? {}) };
  for (const [category, floor] of Object.entries(p.categoryActions ?? {}) as [CategoryId, Action][]) {
    actions[category] = stricterAction(floor, settings.categoryActions?.[category] ?? floor);
    locked.push(`categoryActions.${category}`);
  }
  profile.actions = actions;

  if (p.sensitiveTerms !== undefined) {
    const terms: Record<string, string[]> = { ...base.terms };
    for (const [lexicon, list] of Object.entries(p.sensitiveTerms)) terms[lexicon] = [...new Set([...(terms[lexicon] ?? []), ...list])];
    profile.terms = terms;
    locked.push('sensitiveTerms');
  }
  if (p.referenceImageHashes !== undefined) {
    profile.referenceImages = p.referenceImageHashes;
    locked.push('referenceImageHashes');
  }
  if (p.disclaimerText !== undefined) {
    profile.disclaimer = { text: p.disclaimerText, derived: false, source: p.organizationName ?? 'managed policy' };
    locked.push('disclaimerText');
  }
  if (p.supportUrl !== undefined) locked.push('supportUrl');
  if (p.supportContact !== undefined) locked.push('supportContact');

  let officialHandles = settings.officialHandles ?? [];
  if (p.officialHandles !== undefined) {
    officialHandles = p.officialHandles;
    locked.push('officialHandles');
  }
  const paused = controls.pause.locked ? false : settings.paused === true;
  if (controls.pause.locked) locked.push('paused');

  return {
    profile,
    source,
    organizationName: p.organizationName,
    locked,
    officialHandles,
    paused,
    managed: policy !== null && Object.keys(policy).length > 0,
    supportUrl: p.supportUrl,
    supportContact: p.supportContact,
  };
}

// ---------------------------------------------------------------------------------------------
// Changing settings, and what the pages show

/**
 * Apply a change the user asked for (`null` removes a setting). Refuses, with reasons, anything the
 * policy locks or a category action looser than the managed minimum; otherwise returns the new settings.
 */
export function applySettingsPatch(
  settings: Settings,
  patch: Record<string, unknown>,
  controls: PolicyControls,
): { settings: Settings; problems: [] } | { settings: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const by = controls.organizationName ? `set by ${controls.organizationName}` : 'set by your agency';
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) {
    const path = pointer('', key);
    if (key === 'profileId') {
      if (controls.profile.locked) problems.push({ path, message: `the profile is ${by}` });
      else if (value !== null && !controls.profile.options.some((o) => o.id === value)) problems.push({ path, message: `"${String(value)}" is not a profile you may choose` });
    } else if (key === 'officialHandles' || key === 'dutyHours' || key === 'facilities') {
      if (controls[key].locked) problems.push({ path, message: `${key === 'officialHandles' ? 'official accounts are' : key === 'dutyHours' ? 'duty hours are' : 'facilities are'} ${by}` });
    } else if (key === 'paused') {
      if (controls.pause.locked && value === true) problems.push({ path, message: `pausing is turned off (${by})` });
    } else if (key === 'categoryActions') {
      if (value !== null && typeof value === 'object') {
        for (const [category, action] of Object.entries(value)) {
          const floor = controls.categoryActions.floor[category as CategoryId];
          if (floor && typeof action === 'string' && (ACTIONS as readonly string[]).includes(action) && ACTION_RANK[action as Action] < ACTION_RANK[floor]) {
            problems.push({ path: pointer(path, category), message: `may not be looser than "${floor}" (${by})` });
          }
        }
      }
    } else {
      problems.push({ path, message: `unknown setting "${key}"` });
    }
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const validated = validateSettings(next);
  problems.push(...validated.problems);
  return problems.length > 0 ? { settings: null, problems } : { settings: validated.settings, problems: [] };
}

export interface CategorySummary {
  category: CategoryId;
  /** Citations of the clauses backing the category, per account type. */
  personal: string[];
  official: string[];
  action: Action;
  /** Managed minimum, when the policy names the category. */
  floor?: Action;
}

/** What the effective profile does, without any post content: for diagnostics, options and popup. */
export interface EffectiveSummary {
  profileId: string;
  profileName: string;
  agency: string;
  source: EffectiveProfile['source'];
  organizationName?: string;
  managed: boolean;
  paused: boolean;
  locked: string[];
  disclaimer: string;
  categories: CategorySummary[];
  facilities: { name: string; geofence: boolean }[];
  dutyHours: DutyHours | null;
  referenceImages: number;
  officialHandles: string[];
  supportUrl?: string;
  supportContact?: string;
}

export function summarizeEffectiveProfile(effective: EffectiveProfile, floor: PolicyControls['categoryActions']['floor'] = {}): EffectiveSummary {
  const { profile } = effective;
  const personal = clausesByCategory(profile, 'personal');
  const official = clausesByCategory(profile, 'official');
  const categories = [...new Set([...personal.keys(), ...official.keys()])].sort().map(
    (category): CategorySummary => ({
      category,
      personal: (personal.get(category) ?? []).map((c) => c.section),
      official: (official.get(category) ?? []).map((c) => c.section),
      action: actionFor(profile, category),
      ...(floor[category] ? { floor: floor[category] } : {}),
    }),
  );
  return {
    profileId: profile.id,
    profileName: profile.name,
    agency: profile.agency,
    source: effective.source,
    organizationName: effective.organizationName,
    managed: effective.managed,
    paused: effective.paused,
    locked: effective.locked,
    disclaimer: profile.disclaimer.text,
    categories,
    facilities: profile.facilities.map((f) => ({ name: f.name, geofence: (f.lat !== undefined && f.lon !== undefined) || f.polygon !== undefined })),
    dutyHours: profile.dutyHours,
    referenceImages: profile.referenceImages.length,
    officialHandles: effective.officialHandles,
    supportUrl: effective.supportUrl,
    supportContact: effective.supportContact,
  };
}
