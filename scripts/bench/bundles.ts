// Bundle sizes (gzip -9) of each content script and the background worker of the production build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

const OUT = '.output/chrome-mv3';
const gzKb = (file: string) => round(gzipSync(readFileSync(file), { level: 9 }).length / 1024, 1);

export async function measure() {
  if (!existsSync(join(OUT, 'manifest.json')) || process.env.BENCH_REBUILD) execSync('npx wxt build', { stdio: 'ignore' });
  const content: Record<string, number> = {};
  const dir = join(OUT, 'content-scripts');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) content[f.replace(/\.js$/, '')] = gzKb(join(dir, f));
  }
  return { content_script_gz_kb: content, background_gz_kb: gzKb(join(OUT, 'background.js')) };
}
