// Shared types of the policy engine. Pure data: no DOM, no browser APIs.

/** The 30 risk categories of `../shared/policy/coverage.md`; one rule file per id. */
export const CATEGORY_IDS = [
  'civil-rights',
  'coworker-information',
  'crime-scene-evidence',
  'criminal-history',
  'defamation',
  'employment-disclosure',
  'facility-layout',
  'guilt-or-innocence',
  'harassment-discrimination',
  'health-information',
  'illegal-conduct',
  'insignia-uniform',
  'investigation-information',
  'offender-image',
  'offender-information',
  'on-duty-use',
  'operational-concerns',
  'pending-prosecution',
  'political-activity',
  'protected-personal-info',
  'security-information',
  'security-risk-group',
  'sexual-reference',
  'speaking-for-agency',
  'threats-violence',
  'unapproved-platform',
  'undercover-identity',
  'use-of-force',
  'victim-identity',
  'work-media',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export type AccountType = 'personal' | 'official';
export type AppliesTo = AccountType | 'both';
export type Severity = 'high' | 'warn' | 'info';
/** What happens when a category fires: show it, ask for an acknowledgement before posting, or nothing. */
export type Action = 'warn' | 'confirm' | 'off';
export type AgencyKind = 'corrections' | 'police' | 'state-government';

// ---------------------------------------------------------------------------------------------
// Profiles (data; see assets/profiles/*.json and docs/profiles.md)

export interface Clause {
  /** Stable id `<profile>/<section key>`, e.g. `ok-doc/IV.C.4.a`. */
  id: string;
  /** Citation as printed in the document, e.g. `OP-021002 § IV.C.4.a`. */
  section: string;
  title: string;
  /** Verbatim policy text. */
  quote: string;
  appliesTo: AppliesTo;
  categories: CategoryId[];
  severity: Severity;
  exceptions: string[];
}

export interface Facility {
  id?: string;
  name: string;
  aliases?: string[];
  /** Circle geofence centre. */
  lat?: number;
  lon?: number;
  radiusM?: number;
  /** Optional GeoJSON Polygon or MultiPolygon (lon/lat order), checked in addition to the circle. */
  polygon?: GeoJsonPolygon | GeoJsonMultiPolygon;
}
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface DutyWindow {
  days: Weekday[];
  /** `HH:MM`, 24-hour. A window whose end is before its start runs past midnight. */
  start: string;
  end: string;
}
export interface DutyHours {
  /** IANA zone, e.g. `America/Chicago`. */
  timeZone: string;
  windows: DutyWindow[];
}

export interface ReferenceImage {
  label: string;
  category: CategoryId;
  /** 64-bit hashes as 16 hex digits. */
  dhash?: string;
  phash?: string;
}

export interface Disclaimer {
  text: string;
  /** True when the agency's document has no disclaimer text and the wording follows the ODOC sample. */
  derived: boolean;
  /** Why a derived disclaimer reads as it does. */
  basis?: string;
  /** Where a verbatim disclaimer comes from. */
  source?: string;
}

/** Title block of the policy document; null where the seed text lost it. */
export interface ProfileDocument {
  title: string | null;
  number: string | null;
  effectiveDate: string | null;
  [extra: string]: string | null;
}

/** A passage of the policy that limits what may be flagged (protected speech, permitted logo use…). */
export interface Caveat {
  section: string;
  quote: string;
  effect: string;
}

/** A fully resolved profile (after `extends`), as the engine uses it. */
export interface Profile {
  id: string;
  extends: string | null;
  name: string;
  agency: string;
  agencyKind: AgencyKind;
  document: ProfileDocument;
  disclaimer: Disclaimer;
  /** Other profiles whose clauses also apply to official posts (mt-doc stacks mt-state-it). */
  stackOfficial: string[];
  caveats: Caveat[];
  clauses: Clause[];
  facilities: Facility[];
  dutyHours: DutyHours | null;
  /** Extra vocabulary per lexicon name (e.g. `agency`, `security-information`), added to the built-in lists. */
  terms: Record<string, string[]>;
  /** Per-category action; categories not listed default to `warn`. */
  actions: Partial<Record<CategoryId, Action>>;
  /** Per-category rule options: the profile-specific readings of a clause (e.g. mt-doc § III). */
  ruleOptions: Partial<Record<CategoryId, Record<string, unknown>>>;
  referenceImages: ReferenceImage[];
  /** The agency's approved platforms for official accounts, when configured. */
  approvedPlatforms?: string[];
}

// ---------------------------------------------------------------------------------------------
// Input

/** Facts about one attached image; extracted on the page (or by the CLI), never the bytes. */
export interface ImageFacts {
  filename?: string;
  type?: string;
  byteSize?: number;
  width?: number;
  height?: number;
  /** ISO-8601 with the offset that applied where the photo was taken. */
  takenAt?: string;
  /** Where the offset of `takenAt` came from. */
  takenAtOffsetSource?: 'exif' | 'gps' | 'profile' | 'given';
  gps?: { lat: number; lon: number; accuracyM?: number };
  make?: string;
  model?: string;
  /** Caption, ImageDescription, alt text or what the picture shows. */
  description?: string;
  /** IPTC keywords, XMP dc:subject, auto-tags. */
  keywords?: string[];
  dhash?: string;
  phash?: string;
  /** What could not be read (corrupt, truncated, too large…); shown beside the findings. */
  notes?: string[];
}

export interface PostContext {
  postedAt?: string;
  onDuty?: boolean;
  managedDevice?: boolean;
  platform?: string;
  approvedPlatforms?: string[];
  site?: string;
  surface?: 'post' | 'reply' | 'comment' | 'message' | 'caption';
}

export interface PostInput {
  text: string;
  account: AccountType;
  images?: ImageFacts[];
  context?: PostContext;
  /** Facilities supplied with the post (corpus lines); added to the profile's. */
  facilities?: Facility[];
}

// ---------------------------------------------------------------------------------------------
// Output

export interface Finding {
  category: CategoryId;
  /** The primary clause id (highest severity among those backing the category). */
  clause: string;
  /** Every clause of the active profile(s) that backs the category for this account type. */
  clauses: string[];
  section: string;
  title: string;
  quote: string;
  severity: Severity;
  action: Action;
  /** Short message in "may risk" wording. */
  message: string;
  /** One line: which signal fired. */
  why: string;
  /** Character offsets into the text as typed; 0/0 with an empty excerpt for image- or context-only findings. */
  start: number;
  end: number;
  excerpt: string;
  /** Index of the image that fired, for image findings. */
  image?: number;
  score: number;
}

export interface LintResult {
  profileId: string;
  account: AccountType;
  findings: Finding[];
  /** Sorted unique categories of `findings`. */
  categories: CategoryId[];
  /** Notes about input that could not be fully read (e.g. a corrupt image). */
  notes: string[];
}
