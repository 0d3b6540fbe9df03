// Realistic post text for the bench: dev-corpus drafts joined until a target length.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const shared = process.env.SECOND_LOOK_SHARED ?? resolve(process.cwd(), '../shared');
const drafts: { text: string; profile: string; account: 'personal' | 'official' }[] = readFileSync(resolve(shared, 'corpus/dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

/** A post of about `length` characters starting at draft `seed` (different seeds give different posts). */
export function postOfLength(length: number, seed: number): string {
  let text = '';
  for (let i = seed; text.length < length; i++) {
    const next = drafts[i % drafts.length]!.text;
    text += (text ? (i % 3 === 0 ? '\n\n' : ' ') : '') + next;
  }
  return text.slice(0, length);
}
