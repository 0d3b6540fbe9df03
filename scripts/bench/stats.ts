// Small statistics helpers for the bench (milliseconds in, rounded figures out).
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summary(samples: number[]): { p50: number; p95: number } {
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}
