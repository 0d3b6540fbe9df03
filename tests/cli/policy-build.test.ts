import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, PACKAGED_CHROME_ID } from '../../cli/commands/policy';
import { chromiumPolicy, firefoxPolicy } from '../../cli/policy-kit';
import { RULES } from '../../rules/api';
import { MANAGED_KEYS, validateManagedPolicy } from '../../rules/engine/managed-policy';
import { GECKO_ID as MANIFEST_GECKO_ID } from '../../wxt.config';
import { chromiumDeliver } from '../support/chromium-schema';
import { runCli } from '../support/cli';
import { parseReg, type RegData } from '../support/reg';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('public/managed_schema.json', root), 'utf8'));
const examplePath = new URL('docs/examples/policy.json', root).pathname;
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>;
const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EDGE_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const GECKO = 'agency-build@example.gov';

const tmp = () => mkdtempSync(join(tmpdir(), 'second-look-kit-'));

async function buildKit(policy: Record<string, unknown>, extra: string[] = ['--chrome-id', CHROME_ID, '--edge-id', EDGE_ID, '--gecko-id', GECKO]) {
  const dir = tmp();
  const input = join(dir, 'policy.json');
  writeFileSync(input, JSON.stringify(policy));
  const out = join(dir, 'kit');
  const result = await runCli(['policy', 'build', '--in', input, '--out', out, ...extra]);
  const read = (path: string) => readFileSync(join(out, path));
  const readJson = (path: string) => JSON.parse(read(path).toString('utf8'));
  return { ...result, out, read, readJson };
}

/** What the extension ends up with: the same validated policy, whatever the platform's wrapping. */
const semantics = (policy: unknown) => validateManagedPolicy(policy, { rules: RULES }).policy;

/** Convert registry values the way Chrome's loader does, using the schema's type for each key. */
function fromRegistry(values: Map<string, RegData>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, data] of values) {
    const type = schema.properties[name].type as string;
    if (type === 'boolean') out[name] = data.type === 'REG_DWORD' ? data.value !== 0 : data.value === '1';
    else if (type === 'integer') out[name] = Number(data.value);
    else if (type === 'number') out[name] = Number(data.value);
    else if (type === 'array' || type === 'object') out[name] = JSON.parse(String(data.value));
    else out[name] = String(data.value);
  }
  return out;
}

describe('second-look policy build', () => {
  it('writes every platform file from the example, and each reads back as the same policy', async () => {
    const kit = await buildKit(example);
    expect(kit.err).toBe('');
    expect(kit.code).toBe(0);
    const expected = chromiumPolicy(example);
    expect(typeof expected.profile).toBe('string');

    for (const [browserDir, id] of [['chrome', CHROME_ID], ['chromium', CHROME_ID], ['edge', EDGE_ID]] as const) {
      const linux = kit.readJson(`linux/${browserDir}/second-look-policy.json`);
      expect(Object.keys(linux['3rdparty'].extensions)).toEqual([id]);
      expect(linux['3rdparty'].extensions[id]).toEqual(expected);
      const install = kit.readJson(`linux/${browserDir}/second-look-install.json`);
      expect(install.ExtensionSettings[id]).toMatchObject({ installation_mode: 'force_installed', update_url: expect.stringMatching(/^https:\/\//) });
    }
    // Chromium would deliver the Linux file whole (nothing dropped or stripped by its schema).
    const delivered = chromiumDeliver(schema, kit.readJson('linux/chrome/second-look-policy.json')['3rdparty'].extensions[CHROME_ID]);
    expect(delivered.dropped).toEqual([]);
    expect(delivered.stripped).toEqual([]);
    expect(semantics(delivered.delivered)).toEqual(semantics(example));
  });

  it('writes .reg files that round-trip through a registry reader: JSON text for lists and objects, DWORD for booleans', async () => {
    const kit = await buildKit(example);
    for (const [file, root, id] of [['chrome', 'Google\\Chrome', CHROME_ID], ['edge', 'Microsoft\\Edge', EDGE_ID]] as const) {
      const reg = parseReg(kit.read(`windows/${file}-policy.reg`));
      const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}\\3rdparty\\extensions\\${id}\\policy`;
      expect(reg.deleted).toEqual([key]);
      const values = reg.keys.get(key)!;
      expect(values.get('allowUserDisable')).toEqual({ type: 'REG_DWORD', value: 0 });
      expect(values.get('schemaVersion')).toEqual({ type: 'REG_DWORD', value: 1 });
      expect(values.get('facilities')?.type).toBe('REG_SZ');
      expect(fromRegistry(values)).toEqual(chromiumPolicy(example));
      const install = parseReg(kit.read(`windows/${file}-install.reg`));
      const settings = JSON.parse(String(install.keys.get(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}`)!.get('ExtensionSettings')!.value));
      expect(settings[id].installation_mode).toBe('force_installed');
    }
  });

  it('keeps line breaks and quotes intact in .reg text values', async () => {
    const policy = { organizationName: 'The "Best" Agency\\HQ', disclaimerText: 'My views are my own.\nNot my employer’s.' };
    const kit = await buildKit(policy);
    const reg = parseReg(kit.read('windows/chrome-policy.reg'));
    const values = [...reg.keys.values()][0]!;
    expect(fromRegistry(values)).toEqual(policy);
  });

  it('writes macOS configuration profiles whose payloads carry the policy in native plist types', async () => {
    const kit = await buildKit(example);
    const profile = parsePlist(kit.read('macos/second-look-policy.mobileconfig').toString('utf8')) as Record<string, unknown>;
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadScope: 'System' });
    const payloads = profile.PayloadContent as Record<string, unknown>[];
    expect(payloads.map((p) => p.PayloadType)).toEqual([`com.google.Chrome.extensions.${CHROME_ID}`, `com.microsoft.Edge.extensions.${EDGE_ID}`]);
    for (const payload of payloads) {
      const values = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
      expect(values).toEqual(chromiumPolicy(example));
      expect(payload.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    }
    const install = parsePlist(kit.read('macos/second-look-install.mobileconfig').toString('utf8')) as { PayloadContent: Record<string, { [id: string]: { installation_mode: string } }>[] };
    expect(install.PayloadContent[0]!.ExtensionSettings![CHROME_ID]!.installation_mode).toBe('force_installed');
    // Rebuilding the same policy gives the same profile (stable UUIDs), so MDMs see no change.
    const again = await buildKit(example);
    expect(again.read('macos/second-look-policy.mobileconfig').equals(kit.read('macos/second-look-policy.mobileconfig'))).toBe(true);
  });

  it('writes Firefox policies.json with the profile as an object and a force-install entry', async () => {
    const kit = await buildKit({ ...example, profile: JSON.stringify(example.profile) });
    const { policies } = kit.readJson('firefox/policies.json');
    expect(policies['3rdparty'].Extensions[GECKO]).toEqual(firefoxPolicy(example));
    expect(typeof policies['3rdparty'].Extensions[GECKO].profile).toBe('object');
    expect(policies.ExtensionSettings[GECKO]).toEqual({
      installation_mode: 'force_installed',
      install_url: `https://addons.mozilla.org/firefox/downloads/latest/${encodeURIComponent(GECKO)}/latest.xpi`,
      default_area: 'navbar',
    });
    expect(semantics(policies['3rdparty'].Extensions[GECKO])).toEqual(semantics(example));
  });

  it('writes Google Admin console JSON with each key wrapped as {"Value": …}', async () => {
    const kit = await buildKit(example);
    const admin = kit.readJson('google-admin/policy-for-extensions.json');
    expect(Object.values(admin).every((v) => Object.keys(v as object).join() === 'Value')).toBe(true);
    expect(Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, (v as { Value: unknown }).Value]))).toEqual(chromiumPolicy(example));
  });

  it('writes ADMX/ADML templates with a policy per key and browser, at the right registry key', async () => {
    const kit = await buildKit(example);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const admx = parser.parse(kit.read('windows/admx/second-look.admx').toString('utf8')).policyDefinitions;
    const adml = parser.parse(kit.read('windows/admx/en-US/second-look.adml').toString('utf8')).policyDefinitionResources.resources;
    const strings = new Set((adml.stringTable.string as { id: string }[]).map((s) => s.id));
    const presentations = new Set((adml.presentationTable.presentation as { id: string }[]).map((p) => p.id));
    const policies = admx.policies.policy as Record<string, unknown>[];
    expect(policies).toHaveLength(MANAGED_KEYS.length * 2);
    for (const [prefix, key] of [['Chrome', `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`], ['Edge', `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${EDGE_ID}\\policy`]]) {
      for (const name of MANAGED_KEYS) {
        const policy = policies.find((p) => p.name === `${prefix}_${name}`)!;
        expect(policy, `${prefix}_${name}`).toBeDefined();
        expect(policy.key).toBe(key);
        const element = (policy.elements as Record<string, { valueName: string }> | undefined) ?? {};
        const valueName = policy.valueName ?? Object.values(element)[0]?.valueName;
        expect(valueName).toBe(name);
        if (schema.properties[name].type === 'boolean') expect(policy.enabledValue).toEqual({ decimal: { value: '1' } });
        for (const ref of JSON.stringify(policy).matchAll(/\$\((string|presentation)\.([^)]+)\)/g)) {
          expect((ref[1] === 'string' ? strings : presentations).has(ref[2]!), ref[0]).toBe(true);
        }
      }
    }
  });

  it('indexes the kit in README.md', async () => {
    const kit = await buildKit(example);
    const readme = kit.read('README.md').toString('utf8');
    expect(readme).toContain(CHROME_ID);
    expect(readme).toContain('`firefox/policies.json`');
    expect(kit.out).toBeTruthy();
  });
});

describe('second-look policy build: bad input', () => {
  it('names the key path of each problem, exits 1 and writes nothing', async () => {
    const bad = { ...example, facilities: (example.facilities as unknown[]).concat([{ name: 'Annex', lat: 'north', lon: 1, radiusM: 5 }]), categoryActions: { 'offender-information': 'block' } };
    const kit = await buildKit(bad);
    expect(kit.code).toBe(1);
    expect(kit.err).toMatch(/policy\.json: \/facilities\/2: facility dropped: lat is a string, expected a number/);
    expect(kit.err).toMatch(/policy\.json: \/categoryActions\/offender-information: "block" is not an action/);
    expect(kit.err).toMatch(/2 problem\(s\); nothing written/);
    expect(existsSync(kit.out)).toBe(false);
  });

  it('reports unreadable JSON, an empty policy and bad IDs', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"organizationName": ');
    const r = await runCli(['policy', 'build', '--in', broken, '--out', join(dir, 'kit')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.json: cannot read as JSON/);
    expect((await buildKit({})).err).toMatch(/sets no key/);
    const badId = await buildKit(example, ['--chrome-id', 'not-an-id']);
    expect(badId.code).toBe(1);
    expect(badId.err).toMatch(/--chrome-id "not-an-id" is not an extension ID/);
    expect((await runCli(['policy', 'build', '--in', examplePath])).err).toMatch(/needs --out DIR/);
  });

  it('writes registry-style values in their clean form', async () => {
    const kit = await buildKit({ organizationName: 'X', allowUserDisable: 0, facilities: [{ name: 'HQ', lat: '35.5', lon: '-97.5', radiusM: '300' }] });
    expect(kit.code).toBe(0);
    expect(kit.err).toMatch(/\/allowUserDisable: note: read 0 as false/);
    const linux = kit.readJson('linux/chrome/second-look-policy.json')['3rdparty'].extensions[CHROME_ID];
    expect(linux).toEqual({ organizationName: 'X', allowUserDisable: false, facilities: [{ name: 'HQ', lat: 35.5, lon: -97.5, radiusM: 300 }] });
  });

  it('defaults to the packaged IDs and says so', async () => {
    const kit = await buildKit(example, []);
    expect(kit.code).toBe(0);
    expect(kit.err).toMatch(/no --chrome-id given: using [a-p]{32}/);
    expect(Object.keys(kit.readJson('linux/edge/second-look-policy.json')['3rdparty'].extensions)).toEqual([PACKAGED_CHROME_ID]);
    expect(Object.keys(kit.readJson('firefox/policies.json').policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
    expect(GECKO_ID).toBe(MANIFEST_GECKO_ID);
    expect(PACKAGED_CHROME_ID).toBe(readFileSync(new URL('keys/dev-id.txt', root), 'utf8').trim());
  });

  it('prints help with every option', async () => {
    const help = await runCli(['policy', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--in', '--out', '--chrome-id', '--edge-id', '--gecko-id']) expect(help.out).toContain(option);
    expect((await runCli(['--help'])).out).toMatch(/policy\s+Build the enterprise deployment kit/);
  });
});
