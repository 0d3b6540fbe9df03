import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'second-look-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const line = (o: Record<string, unknown>) => JSON.stringify(o);

describe('second-look check --jsonl', () => {
  const good1 = line({ id: 'a', profile: 'ok-doc', account: 'personal', text: 'Nice day', context: { onDuty: true, platform: 'X' } });
  const good2 = line({ id: 'b', profile: 'mt-state-it', account: 'official', text: 'Hi', context: { platform: 'TikTok', approvedPlatforms: ['Facebook'] } });

  it('writes one JSON line per input, in order, with sorted categories and findings', async () => {
    const { code, out, err } = await runCli(['check', '--jsonl', file('good.jsonl', `${good1}\n\n${good2}\n`)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows[0].categories).toEqual(['on-duty-use']);
    expect(rows[0].findings[0]).toMatchObject({ category: 'on-duty-use', clause: expect.stringMatching(/^ok-doc\//), severity: 'warn', start: 0, end: 0, excerpt: '' });
    expect(rows[0].findings[0].message).toMatch(/^May risk OP-021002 §/);
    expect(rows[1].categories).toEqual(['unapproved-platform']);
  });

  it('reports a bad line with its number and field, keeps going, and exits non-zero', async () => {
    const bad = [good1, '{not json', line({ id: 'c', profile: 'ok-doc', account: 'work', text: 'x' }), line({ id: 'd', profile: 'nope', account: 'personal', text: 'x' }), good2].join('\n');
    const { code, out, err } = await runCli(['check', '--jsonl', file('bad.jsonl', bad)]);
    expect(code).toBe(1);
    expect(out.split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    expect(err).toMatch(/line 2: not valid JSON/);
    expect(err).toMatch(/line 3, field "account": must be "personal" or "official"/);
    expect(err).toMatch(/line 4, field "profile": unknown profile "nope"/);
  });

  it('rejects wrongly typed image and context fields by name', async () => {
    const bad = line({ id: 'e', profile: 'ct-doc', account: 'personal', text: 'x', images: [{ gps: { lat: 'north' } }], context: { onDuty: 'yes' } });
    const { code, err } = await runCli(['check', '--jsonl', file('bad2.jsonl', bad)]);
    expect(code).toBe(1);
    expect(err).toMatch(/line 1, field "images\[0\]\.gps"/);
  });
});

describe('second-look check "text"', () => {
  it('prints a readable report with the clause quote and exits 2 when something may be at risk', async () => {
    const { code, out } = await runCli(['check', '--profile', 'ok-doc', '--on-duty', 'Is the lake frozen yet?']);
    expect(code).toBe(2);
    expect(out).toMatch(/Profile: Oklahoma DOC/);
    expect(out).toMatch(/May risk OP-021002 § IV\.B/);
    expect(out).toMatch(/"The use of social media/);
  });

  it('exits 0 with a calm message when nothing is at risk', async () => {
    const { code, out } = await runCli(['check', '--profile', 'ok-doc', 'Is the lake frozen yet?']);
    expect(code).toBe(0);
    expect(out).toMatch(/Nothing in this post appears to risk/);
  });

  it('accepts a profile file that extends a built-in one', async () => {
    const path = file('agency.json', JSON.stringify({ id: 'agency', extends: 'ct-doc', actions: { 'on-duty-use': 'confirm' } }));
    const { code, out } = await runCli(['check', '--profile', path, '--on-duty', '--json', 'hello']);
    expect(code).toBe(2);
    expect(JSON.parse(out).findings[0]).toMatchObject({ category: 'on-duty-use', action: 'confirm' });
  });

  it('explains usage errors', async () => {
    expect((await runCli(['check', '--profile', 'nope', 'x'])).err).toMatch(/unknown profile "nope"/);
    expect((await runCli(['check', 'x'])).code).toBe(1);
    expect((await runCli(['check', '--profile', 'ok-doc', '--account', 'work', 'x'])).err).toMatch(/--account must be/);
    expect((await runCli(['check', '--bogus'])).err).toMatch(/Unknown option/);
  });
});

describe('second-look eval', () => {
  it('prints per-category precision/recall/F1, micro/macro and the benign false-positive rate', async () => {
    const corpus = [
      line({ id: '1', profile: 'ok-doc', account: 'personal', text: 'a', context: { onDuty: true }, expect: ['on-duty-use'] }),
      line({ id: '2', profile: 'ok-doc', account: 'personal', text: 'b', expect: [] }),
      line({ id: '3', profile: 'ok-doc', account: 'personal', text: 'c', context: { managedDevice: true }, expect: [] }),
    ].join('\n');
    const path = file('eval.jsonl', corpus);
    const json = JSON.parse((await runCli(['eval', path, '--json'])).out);
    const onDuty = json.perCategory.find((c: { category: string }) => c.category === 'on-duty-use');
    expect(onDuty).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(json.benign).toEqual({ lines: 2, withFindings: 1, falsePositiveRate: 0.5 });
    const text = await runCli(['eval', path, '--errors']);
    expect(text.out).toMatch(/micro\s+precision\s+50\.0%/);
    expect(text.out).toMatch(/3: extra on-duty-use/);
  });
});

describe('second-look profile', () => {
  it('validates a good file (exit 0) and lists each dropped item of a bad one (exit 1)', async () => {
    const good = file('good-profile.json', JSON.stringify({ id: 'good', extends: 'helena-pd' }));
    expect((await runCli(['profile', 'validate', good])).code).toBe(0);
    const bad = file('bad-profile.json', JSON.stringify({ id: 'bad', extends: 'helena-pd', facilities: [{ name: 'HQ', lat: 46.6, lon: 'x', radiusM: 90 }] }));
    const r = await runCli(['profile', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/facilities\/0\/lon: dropped/);
    const broken = file('broken.json', '{"id": ');
    expect((await runCli(['profile', 'validate', broken])).err).toMatch(/cannot read as JSON/);
  });

  it('shows a profile with its clauses per category', async () => {
    const { out } = await runCli(['profile', 'show', 'mt-doc']);
    expect(out).toMatch(/DOC 1\.1\.15 § IV\.B\.3\.b/);
    expect(out).toMatch(/unapproved-platform\s+mt-state-it|unapproved-platform .*III\.A\.1/);
  });
});

describe('the installed command', () => {
  it('runs as `npx second-look` and prints help for every command', () => {
    const help = execFileSync('npx', ['second-look', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/Usage: second-look <command>/);
    for (const cmd of ['check', 'eval', 'profile']) {
      expect(execFileSync('npx', ['second-look', cmd, '--help'], { encoding: 'utf8' })).toMatch(/Usage/);
    }
  });

  it('exits non-zero on an unknown command', () => {
    const r = spawnSync('npx', ['second-look', 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
