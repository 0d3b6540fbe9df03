import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_KEYS } from '../../rules/engine/managed-policy';
import config, { GECKO_ID } from '../../wxt.config';
import { chromiumDeliver, lintChromiumSchema } from '../support/chromium-schema';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('public/managed_schema.json', root), 'utf8'));
const example = JSON.parse(readFileSync(new URL('docs/examples/policy.json', root), 'utf8'));

describe('public/managed_schema.json (Chromium dialect)', () => {
  it('passes the Chromium schema rules: types only, $ref/id, no ranges on numbers, plain top level', () => {
    expect(lintChromiumSchema(schema)).toEqual([]);
  });

  it('declares exactly the keys our validator reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it('stays permissive: no enum, pattern, required or integer range anywhere (our validator does that per item)', () => {
    const text = JSON.stringify(schema);
    for (const keyword of ['"enum"', '"pattern"', '"required"', '"minimum"', '"maximum"', '"patternProperties"']) expect(text).not.toContain(keyword);
  });

  it('lets Chromium deliver the example policy whole, with the profile as JSON text', () => {
    const forChromium = { ...example, profile: JSON.stringify(example.profile) };
    const { delivered, dropped, stripped } = chromiumDeliver(schema, forChromium);
    expect(dropped).toEqual([]);
    expect(stripped).toEqual([]);
    expect(delivered).toEqual(forChromium);
  });

  it('documents what Chromium does to the forms it cannot carry', () => {
    // An object profile has the wrong type for the key: Chromium drops it (measured in Chromium 156).
    expect(chromiumDeliver(schema, { profile: example.profile }).dropped).toEqual(['/profile']);
    // One wrongly typed facility drops the whole key: the reason our validator works item by item.
    expect(chromiumDeliver(schema, { facilities: [{ name: 'A', lat: 'north' }] }).dropped).toEqual(['/facilities']);
    // Polygon geofences are not in the schema: stripped, so they belong in the custom profile.
    expect(chromiumDeliver(schema, { facilities: [{ name: 'A', polygon: { type: 'Polygon', coordinates: [] } }] }).stripped).toEqual(['/facilities/0/polygon']);
  });

  it('the lint catches each rule it checks', () => {
    const top = (properties: object, extra: object = {}) => ({ type: 'object', properties, ...extra });
    expect(lintChromiumSchema(top({ lat: { type: 'number', minimum: -90 } }))).toEqual(['/properties/lat: "minimum" is not a number attribute in Chromium\'s dialect']);
    expect(lintChromiumSchema(top({ x: { description: 'no type' } }))[0]).toMatch(/needs exactly one type/);
    expect(lintChromiumSchema(top({ x: { type: ['object', 'string'] } }))[0]).toMatch(/needs exactly one type/);
    expect(lintChromiumSchema(top({}, { additionalProperties: { type: 'string' } }))).toEqual(['/: no additionalProperties or patternProperties at the main schema']);
    expect(lintChromiumSchema(top({ x: { $ref: 'Missing' } }))).toEqual(['/properties/x: $ref "Missing" names no id']);
    expect(lintChromiumSchema(top({ x: { $ref: 'A', id: 'B' } }))[0]).toMatch(/"id" is not a \$ref attribute/);
    expect(lintChromiumSchema(top({ x: { type: 'array' } }))).toEqual(['/properties/x: an array needs one "items" schema']);
  });
});

describe('manifest', () => {
  const manifestFor = async (browser: string) => {
    const fn = config.manifest as (env: { browser: string; mode: string; manifestVersion: number; command: string }) => Record<string, unknown>;
    return fn({ browser, mode: 'production', manifestVersion: browser === 'firefox' ? 2 : 3, command: 'build' });
  };

  it('Chromium builds name the schema, which ships in public/', async () => {
    const chrome = await manifestFor('chrome');
    expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(existsSync(new URL('public/managed_schema.json', root))).toBe(true);
  });

  it('Firefox builds carry the fixed gecko id and no schema key', async () => {
    const firefox = await manifestFor('firefox');
    expect(firefox.storage).toBeUndefined();
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID } });
  });

  it('Firefox builds leave the schema file out; Chromium builds keep it', async () => {
    const hook = (config.hooks as Record<string, unknown>)['build:publicAssets'] as (wxt: unknown, files: { relativeDest: string }[]) => void;
    const files = () => [{ relativeDest: 'managed_schema.json' }, { relativeDest: 'icon.png' }];
    const firefox = files();
    hook({ config: { browser: 'firefox' } }, firefox);
    expect(firefox.map((f) => f.relativeDest)).toEqual(['icon.png']);
    const chrome = files();
    hook({ config: { browser: 'chrome' } }, chrome);
    expect(chrome).toHaveLength(2);
  });
});
