// The shared reference material (seeds, catalog, corpus, images) lives beside the repository in
// ../shared; SECOND_LOOK_SHARED overrides the location.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
export const SHARED = process.env.SECOND_LOOK_SHARED ?? resolve(repo, '../shared');
if (!existsSync(resolve(SHARED, 'policy/clauses.json'))) {
  throw new Error(`The shared reference folder was not found at ${SHARED}. Check out the repository beside ../shared or set SECOND_LOOK_SHARED.`);
}
export const sharedPath = (rel: string) => resolve(SHARED, rel);
export const readShared = (rel: string) => readFileSync(sharedPath(rel), 'utf8');

export const SEED_FILES: Record<string, string> = {
  'mt-doc': 'seeds/000_873bbea8b460970c.txt',
  'ok-doc': 'seeds/001_4d2ce47783db1d10.txt',
  'mt-state-it': 'seeds/002_4130e2921e3eb8e1.txt',
  'ct-doc': 'seeds/003_1ed05c6328ee1709.txt',
  'helena-pd': 'seeds/004_6381fc577791384b.txt',
};
