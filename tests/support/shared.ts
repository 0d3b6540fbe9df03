// Paths to the shared reference material beside the repository (../shared).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const sharedPath = (rel: string) => SHARED + rel;
export const readShared = (rel: string) => readFileSync(sharedPath(rel), 'utf8');

export const SEED_FILES: Record<string, string> = {
  'mt-doc': 'seeds/000_873bbea8b460970c.txt',
  'ok-doc': 'seeds/001_4d2ce47783db1d10.txt',
  'mt-state-it': 'seeds/002_4130e2921e3eb8e1.txt',
  'ct-doc': 'seeds/003_1ed05c6328ee1709.txt',
  'helena-pd': 'seeds/004_6381fc577791384b.txt',
};
