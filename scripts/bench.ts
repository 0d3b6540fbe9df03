// `npm run bench`: the performance figures of design §9. Prints progress on stderr and one JSON
// object as the last line of stdout. A figure not measured is null, never a made-up number.
import { cpus } from 'node:os';

const FIGURES = [
  'lint280_p95_ms',
  'lint2000_p95_ms',
  'lint20000_full_p95_ms',
  'edit20000_p95_ms',
  'cold_first_verdict_ms',
  'typing_overhead_p95_ms',
  'image12mp_ms',
  'content_script_gz_kb',
  'background_gz_kb',
] as const;

const PARTS = ['lint', 'cold', 'bundles', 'image'] as const;

const result: Record<string, unknown> = Object.fromEntries(FIGURES.map((k) => [k, null]));
for (const part of PARTS) {
  const started = performance.now();
  process.stderr.write(`bench: ${part}…`);
  try {
    const mod = (await import(`./bench/${part}.ts`)) as { measure: () => Promise<Record<string, unknown>> };
    Object.assign(result, await mod.measure());
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (e) {
    process.stderr.write(` failed: ${(e as Error).message}\n`);
    result[`${part}_error`] = (e as Error).message;
  }
}
result.cores = cpus().length;
result.node = process.version;
process.stdout.write(JSON.stringify(result) + '\n');
