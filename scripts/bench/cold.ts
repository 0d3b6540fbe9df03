// Cold start: a fresh process imports the bundled engine and lints one post (like a service worker
// waking up). The engine is bundled with esbuild the way the extension bundles it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { round, summary } from './stats';

export async function measure() {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-bench-'));
  try {
    const bundle = join(dir, 'engine.mjs');
    await build({ entryPoints: ['rules/api.ts'], bundle: true, format: 'esm', platform: 'neutral', minify: true, outfile: bundle, logLevel: 'silent', mainFields: ['module', 'main'] });
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `const t0 = performance.now();
const { builtinProfile, lintPost } = await import(${JSON.stringify(bundle)});
const t1 = performance.now();
lintPost({ text: 'Inmate Rollins (#66120) came back from the hospital with a colostomy bag on my tier', account: 'personal' }, builtinProfile('ok-doc'));
const t2 = performance.now();
process.stdout.write(JSON.stringify({ import: t1 - t0, first: t2 - t0 }));`,
    );
    const runs = Array.from({ length: 7 }, () => JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as { import: number; first: number });
    const first = summary(runs.map((r) => r.first));
    return { cold_first_verdict_ms: first.p50, cold_import_ms: round(summary(runs.map((r) => r.import)).p50) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
