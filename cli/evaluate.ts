// Precision, recall and F1 per category over a labelled corpus; micro and macro averages; and the
// benign false-positive rate (share of lines expecting nothing that got any finding).
import { CATEGORY_IDS, type CategoryId } from '../rules/engine/types';

export interface Judged {
  id: string;
  expected: CategoryId[];
  predicted: CategoryId[];
}

export interface CategoryScore {
  category: CategoryId;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface EvalReport {
  lines: number;
  perCategory: CategoryScore[];
  micro: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  macro: { precision: number; recall: number; f1: number; categories: number };
  benign: { lines: number; withFindings: number; falsePositiveRate: number };
  exactMatch: number;
  errors: { id: string; missing: CategoryId[]; extra: CategoryId[] }[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const f1Of = (p: number | null, r: number | null): number | null =>
  p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r);

export function evaluate(judged: Judged[]): EvalReport {
  const perCategory: CategoryScore[] = [];
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const category of CATEGORY_IDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const j of judged) {
      const e = j.expected.includes(category);
      const p = j.predicted.includes(category);
      if (e && p) tp++;
      else if (p) fp++;
      else if (e) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    perCategory.push({ category, support: tp + fn, tp, fp, fn, precision, recall, f1: f1Of(precision, recall) });
  }
  const microP = ratio(tpAll, tpAll + fpAll) ?? 0;
  const microR = ratio(tpAll, tpAll + fnAll) ?? 0;
  // Macro over categories with examples or predictions; a category with examples and no prediction counts as 0.
  const scored = perCategory.filter((c) => c.support > 0 || c.fp > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const benignLines = judged.filter((j) => j.expected.length === 0);
  const benignHit = benignLines.filter((j) => j.predicted.length > 0).length;
  const errors = judged
    .map((j) => ({
      id: j.id,
      missing: j.expected.filter((c) => !j.predicted.includes(c)),
      extra: j.predicted.filter((c) => !j.expected.includes(c)),
    }))
    .filter((e) => e.missing.length || e.extra.length);
  return {
    lines: judged.length,
    perCategory,
    micro: { precision: microP, recall: microR, f1: f1Of(microP, microR) ?? 0, tp: tpAll, fp: fpAll, fn: fnAll },
    macro: {
      precision: mean(scored.map((c) => c.precision ?? 0)),
      recall: mean(scored.map((c) => c.recall ?? 0)),
      f1: mean(scored.map((c) => c.f1 ?? 0)),
      categories: scored.length,
    },
    benign: { lines: benignLines.length, withFindings: benignHit, falsePositiveRate: benignLines.length ? benignHit / benignLines.length : 0 },
    exactMatch: judged.length ? (judged.length - errors.length) / judged.length : 0,
    errors,
  };
}

const pct = (x: number | null) => (x === null ? '   —' : `${(x * 100).toFixed(1).padStart(5)}%`);

export function formatEval(r: EvalReport): string {
  const lines = [`category                     support   tp   fp   fn  precision  recall      F1`];
  for (const c of r.perCategory) {
    if (c.support === 0 && c.fp === 0) continue;
    lines.push(
      `${c.category.padEnd(28)} ${String(c.support).padStart(7)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}     ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}`,
    );
  }
  lines.push('');
  lines.push(`micro   precision ${pct(r.micro.precision)}  recall ${pct(r.micro.recall)}  F1 ${pct(r.micro.f1)}  (tp ${r.micro.tp}, fp ${r.micro.fp}, fn ${r.micro.fn})`);
  lines.push(`macro   precision ${pct(r.macro.precision)}  recall ${pct(r.macro.recall)}  F1 ${pct(r.macro.f1)}  (${r.macro.categories} categories)`);
  lines.push(`benign  ${r.benign.withFindings} of ${r.benign.lines} benign lines warned: false-positive rate ${pct(r.benign.falsePositiveRate)}`);
  lines.push(`exact   ${pct(r.exactMatch)} of ${r.lines} lines have exactly the expected categories`);
  return lines.join('\n');
}
