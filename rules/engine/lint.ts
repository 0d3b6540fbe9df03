// Lint one post against one resolved profile: work out which categories the profile backs for the
// account type, run those rules over a single parse of the text, and cite the clauses.
import { formatMessage, type EvidenceText, type Report, type AnyRule, type RuleContext, type RuleProfile } from './define-rule';
import { matchReference } from '../detectors/image-hash';
import { resolveTakenAt } from './capture-time';
import { PostText } from './post-text';
import type { Action, CategoryId, Clause, Finding, LintResult, PostInput, Profile, Severity } from './types';

export type RuleRegistry = Readonly<Partial<Record<CategoryId, AnyRule>>>;

export interface LintOptions {
  /** Reports scoring below this are dropped (default 0.5). */
  minScore?: number;
  /** At most this many findings per category (default 10). */
  maxPerCategory?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, warn: 1, info: 2 };

/** Clauses of the profile that apply to an account type, grouped by category, in document order. */
export function clausesByCategory(profile: Profile, account: PostInput['account']): Map<CategoryId, Clause[]> {
  const map = new Map<CategoryId, Clause[]>();
  for (const clause of profile.clauses) {
    if (clause.appliesTo !== 'both' && clause.appliesTo !== account) continue;
    for (const category of clause.categories) {
      const list = map.get(category) ?? [];
      list.push(clause);
      map.set(category, list);
    }
  }
  return map;
}

export function actionFor(profile: Profile, category: CategoryId): Action {
  return profile.actions[category] ?? 'warn';
}

/** Categories that can fire for this profile and account type (backed by a clause, not switched off). */
export function activeCategories(profile: Profile, account: PostInput['account']): Set<CategoryId> {
  const out = new Set<CategoryId>();
  for (const category of clausesByCategory(profile, account).keys()) {
    if (actionFor(profile, category) !== 'off') out.add(category);
  }
  return out;
}

/** The clause cited first: highest severity, then document order. */
export function primaryClause(clauses: readonly Clause[]): Clause {
  return [...clauses].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0]!;
}

export function ruleProfile(profile: Profile, active: ReadonlySet<CategoryId>): RuleProfile {
  return {
    id: profile.id,
    agency: profile.agency,
    agencyKind: profile.agencyKind,
    terms: profile.terms,
    facilities: profile.facilities,
    dutyHours: profile.dutyHours,
    referenceImages: profile.referenceImages,
    approvedPlatforms: profile.approvedPlatforms,
    activeCategories: active,
  };
}

/** Options a rule runs with: its defaults, overridden by the profile's reading of the clause. */
export function ruleOptionsFor(rule: AnyRule, profile: Profile): object {
  return { ...rule.meta.defaultOptions, ...(profile.ruleOptions[rule.id] ?? {}) };
}

export interface RawReport extends Report<string> {
  category: CategoryId;
  why: string;
}

/** Run one rule over a post; returns its reports with their messages filled in. */
export function runRule(
  rule: AnyRule,
  input: PostInput,
  setup: { text: PostText; options: object; profile: RuleProfile; evidence: () => EvidenceText[] },
): RawReport[] {
  const reports: RawReport[] = [];
  const images = input.images ?? [];
  const postContext = input.context ?? {};
  const context: RuleContext<string, object> = {
    input,
    account: input.account,
    text: setup.text,
    images,
    postContext,
    facilities: [...setup.profile.facilities, ...(input.facilities ?? [])],
    options: setup.options,
    profile: setup.profile,
    evidence: setup.evidence,
    isActive: (category) => setup.profile.activeCategories.has(category),
    report(report) {
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${report.messageId}"`);
      let why = formatMessage(template, report.data);
      if (report.image !== undefined) why = `Photo ${report.image + 1}: ${why}`;
      reports.push({ ...report, category: rule.id, why });
    },
  };
  const visitors = rule.create(context);
  if (visitors.text) visitors.text(setup.text);
  if (visitors.image) images.forEach((facts, i) => visitors.image!(facts, i));
  if (visitors.context) visitors.context(postContext);
  if (visitors.done) visitors.done();
  return reports;
}

/** The text an image carries: caption/description, keywords and file name. */
export function imageEvidenceText(image: NonNullable<PostInput['images']>[number]): string {
  return [image.description, image.keywords?.length ? image.keywords.join(', ') : undefined, image.filename]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('. ');
}

/**
 * Attached photos that are copies of one of the agency's reference images (badge, patch, logo,
 * facility photo): each raises the category its reference names. A reference names its category,
 * so no rule is involved; the category is still gated by the profile like any other.
 */
export function referenceImageReports(input: PostInput, profile: Profile): RawReport[] {
  if (profile.referenceImages.length === 0) return [];
  const reports: RawReport[] = [];
  (input.images ?? []).forEach((image, i) => {
    const match = matchReference(image, profile.referenceImages);
    if (!match) return;
    reports.push({
      messageId: 'referenceImage',
      category: match.category,
      image: i,
      why: `Photo ${i + 1} looks like the agency's reference image '${match.reference.label}' (distance ${match.distance}/64)`,
    });
  });
  return reports;
}

export function lint(input: PostInput, profile: Profile, rules: RuleRegistry, options: LintOptions = {}): LintResult {
  // A capture time without an offset is read in the profile's time zone (capture-time.ts).
  const timeZone = profile.dutyHours?.timeZone;
  if (input.images?.length && timeZone) input = { ...input, images: input.images.map((image) => resolveTakenAt(image, timeZone)) };
  const minScore = options.minScore ?? 0.5;
  const maxPerCategory = options.maxPerCategory ?? 10;
  const byCategory = clausesByCategory(profile, input.account);
  const active = activeCategories(profile, input.account);
  const text = new PostText(input.text);
  let evidenceCache: EvidenceText[] | undefined;
  const evidence = () =>
    (evidenceCache ??= [
      { parsed: text },
      ...(input.images ?? []).map((image, i) => ({ parsed: new PostText(imageEvidenceText(image)), image: i })),
    ]);
  const rp = ruleProfile(profile, active);
  const referenceReports = referenceImageReports(input, profile);

  const findings: Finding[] = [];
  for (const category of active) {
    const rule = rules[category];
    const reports = rule ? runRule(rule, input, { text, options: ruleOptionsFor(rule, profile), profile: rp, evidence }) : [];
    reports.push(...referenceReports.filter((r) => r.category === category));
    if (reports.length === 0) continue;
    const clauses = byCategory.get(category)!;
    const primary = primaryClause(clauses);
    const kept = new Map<string, Finding>();
    for (const r of reports) {
      const score = r.score ?? 1;
      if (score < minScore) continue;
      const onText = r.span !== undefined && r.image === undefined;
      const start = onText ? r.span!.start : 0;
      const end = onText ? r.span!.end : 0;
      const key = `${start}:${end}:${r.image ?? ''}`;
      const previous = kept.get(key);
      if (previous && previous.score >= score) continue;
      kept.set(key, {
        category,
        clause: primary.id,
        clauses: clauses.map((c) => c.id),
        section: primary.section,
        title: primary.title,
        quote: primary.quote,
        severity: primary.severity,
        action: actionFor(profile, category),
        message: `May risk ${primary.section} — ${primary.title}`,
        why: r.why,
        start,
        end,
        excerpt: input.text.slice(start, end),
        ...(r.image !== undefined ? { image: r.image } : {}),
        score,
      });
    }
    findings.push(...[...kept.values()].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, maxPerCategory));
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start || a.category.localeCompare(b.category));
  const notes = (input.images ?? []).flatMap((image, i) => (image.notes ?? []).map((n) => `Photo ${i + 1}: ${n}`));
  return {
    profileId: profile.id,
    account: input.account,
    findings,
    categories: [...new Set(findings.map((f) => f.category))].sort(),
    notes,
  };
}
