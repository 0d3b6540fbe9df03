// ESLint-shaped rule modules: declarative `meta` plus `create(context)` returning visitors.
// A rule reports signals (what it saw, where); the engine adds the profile's clause citation,
// severity and action. Rule files never contain agency wording.
import type { PostText, Span } from './post-text';
import type {
  AccountType,
  AgencyKind,
  CategoryId,
  DutyHours,
  Facility,
  ImageFacts,
  PostContext,
  PostInput,
  ReferenceImage,
} from './types';

export type RuleInput = 'text' | 'image' | 'context';

/** A worked example: a bare string is a personal post under the rule's default options. */
export type RuleExample =
  | string
  | {
      text: string;
      account?: AccountType;
      images?: ImageFacts[];
      context?: PostContext;
      facilities?: Facility[];
      options?: Record<string, unknown>;
      /** Profile facts the example needs (agency kind, names, terms, other active categories). */
      profile?: Partial<RuleProfile>;
      /** Why this example is here (shown by the trainer and in test names). */
      note?: string;
    };

export interface RuleMeta<MessageIds extends string, Options extends object> {
  /** One line: what the category protects. */
  summary: string;
  inputs: readonly RuleInput[];
  /** messageId → template; `{{name}}` is filled from `data`. Says what was seen, never "violates". */
  messages: Record<MessageIds, string>;
  /** JSON Schema (draft 2020-12 subset) of the options object; profiles are validated against it. */
  schema: Record<string, unknown>;
  defaultOptions: Options;
  examples: { flagged: RuleExample[]; fine: RuleExample[] };
}

/** What a rule knows about the active profile (read-only data, no clauses). */
export interface RuleProfile {
  id: string;
  agency: string;
  agencyKind: AgencyKind;
  /** Built-in lexicon additions from the profile, by lexicon name. */
  terms: Record<string, string[]>;
  facilities: Facility[];
  dutyHours: DutyHours | null;
  referenceImages: ReferenceImage[];
  approvedPlatforms?: string[];
  /** Categories the profile backs for this post's account type (after actions `off`). */
  activeCategories: ReadonlySet<CategoryId>;
}

export interface Report<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** Where in the post text; omit for image- or context-only signals. */
  span?: Span;
  /** Which attached image (0-based) the signal came from. */
  image?: number;
  /** 0–1: strength of the signal. Reports below the engine's threshold are dropped. */
  score?: number;
}

/** One body of text a rule can scan: the post itself, or an image's caption/keywords/file name. */
export interface EvidenceText {
  parsed: PostText;
  /** Undefined for the post text; the image index for image captions. */
  image?: number;
}

export interface RuleContext<MessageIds extends string, Options extends object> {
  readonly input: PostInput;
  readonly account: AccountType;
  readonly text: PostText;
  readonly images: readonly ImageFacts[];
  readonly postContext: PostContext;
  /** Facilities of the profile plus any supplied with the post. */
  readonly facilities: readonly Facility[];
  readonly options: Options;
  readonly profile: RuleProfile;
  /** The post text followed by each image's descriptive text (caption, keywords, file name). */
  evidence(): EvidenceText[];
  /** Whether the profile backs another category for this account (for "one warning per concern"). */
  isActive(category: CategoryId): boolean;
  report(report: Report<MessageIds>): void;
}

export interface RuleVisitors {
  text?(text: PostText): void;
  image?(facts: ImageFacts, index: number): void;
  context?(context: PostContext): void;
  /** Called last, after every other visitor: decide on combinations of signals. */
  done?(): void;
}

export interface Rule<MessageIds extends string = string, Options extends object = object> {
  id: CategoryId;
  meta: RuleMeta<MessageIds, Options>;
  create(context: RuleContext<MessageIds, Options>): RuleVisitors;
}

/** Any rule, whatever its message ids and options (for registries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;

/** Identity function that fixes the rule's types (like typescript-eslint's `createRule`). */
export function defineRule<MessageIds extends string, Options extends object>(
  rule: Rule<MessageIds, Options>,
): Rule<MessageIds, Options> {
  return rule;
}

/** Fill `{{name}}` placeholders. Unknown names stay visible so a test can catch them. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}
