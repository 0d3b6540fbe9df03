// The deployment kit: from one admin policy file, the ready files for every platform, so the rows of
// docs/deploy.md cannot drift apart. Pure: returns file names and contents; the command writes them.
import { createHash } from 'node:crypto';
import { build as buildPlist } from 'plist';
import chromiumSchema from '../public/managed_schema.json';
import { MANAGED_KEYS } from '../rules/engine/managed-policy';

export interface KitIds {
  chrome: string;
  edge: string;
  gecko: string;
}

export interface KitFile {
  path: string;
  content: string | Uint8Array;
  /** One line for the index: what the file is and where it goes. */
  about: string;
}

export const CHROME_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';
export const amoInstallUrl = (geckoId: string) => `https://addons.mozilla.org/firefox/downloads/latest/${encodeURIComponent(geckoId)}/latest.xpi`;

type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
const KEY_TYPES = Object.fromEntries(
  Object.entries(chromiumSchema.properties).map(([key, node]) => [key, (node as { type: SchemaType }).type]),
) as Record<string, SchemaType>;
const TITLES = Object.fromEntries(
  Object.entries(chromiumSchema.properties).map(([key, node]) => [key, node as { title: string; description?: string }]),
);

export const isChromeId = (id: string) => /^[a-p]{32}$/.test(id);
export const isGeckoId = (id: string) => /^(\{[0-9a-fA-F-]{36}\}|[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+)$/.test(id);

/** The policy as Chrome and Edge must receive it: `profile` as JSON text (their schema has one type per key). */
export function chromiumPolicy(policy: Record<string, unknown>): Record<string, unknown> {
  const out = orderedPolicy(policy);
  if (out.profile !== undefined && typeof out.profile !== 'string') out.profile = JSON.stringify(out.profile);
  return out;
}

/** Firefox has no schema: `profile` stays an object, which is easier to read in policies.json. */
export function firefoxPolicy(policy: Record<string, unknown>): Record<string, unknown> {
  const out = orderedPolicy(policy);
  if (typeof out.profile === 'string') out.profile = JSON.parse(out.profile);
  return out;
}

function orderedPolicy(policy: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(policy)) if ((MANAGED_KEYS as readonly string[]).includes(key)) out[key] = policy[key];
  return out;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function chromiumInstall(id: string, updateUrl: string) {
  return { ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl, toolbar_pin: 'force_pinned' } } };
}

// ---------------------------------------------------------------------------------------------
// Windows registry (.reg, as regedit writes them: UTF-16LE with a BOM, CRLF)

export interface RegValue {
  type: 'REG_SZ' | 'REG_DWORD';
  value: string | number;
}

/**
 * How Chrome's registry loader reads each key (components/policy/core/common/registry_dict.cc):
 * booleans and integers as REG_DWORD, doubles as text, lists and objects as JSON text.
 */
export function registryValue(key: string, value: unknown): RegValue {
  const type = KEY_TYPES[key];
  if (type === 'boolean') return { type: 'REG_DWORD', value: value ? 1 : 0 };
  if (type === 'integer' && Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff) return { type: 'REG_DWORD', value: value as number };
  if (type === 'array' || type === 'object') return { type: 'REG_SZ', value: JSON.stringify(value) };
  return { type: 'REG_SZ', value: String(value) };
}

function regString(text: string): string {
  // A .reg string cannot hold a line break: write such text as hex(1) (REG_SZ in UTF-16LE bytes).
  if (/[\u0000-\u001f]/.test(text)) {
    const bytes = [...Buffer.from(text + '\u0000', 'utf16le')].map((b) => b.toString(16).padStart(2, '0'));
    return `hex(1):${bytes.join(',')}`;
  }
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regLine(name: string, v: RegValue): string {
  const data = v.type === 'REG_DWORD' ? `dword:${(v.value as number).toString(16).padStart(8, '0')}` : regString(v.value as string);
  return `${regString(name)}=${data}`;
}

function regFile(comment: string[], sections: { key: string; deleteFirst?: boolean; values: [string, RegValue][] }[]): Uint8Array {
  const lines = ['Windows Registry Editor Version 5.00', '', ...comment.map((c) => `; ${c}`), ''];
  for (const s of sections) {
    if (s.deleteFirst) lines.push(`[-${s.key}]`, '');
    lines.push(`[${s.key}]`, ...s.values.map(([name, v]) => regLine(name, v)), '');
  }
  const text = '\ufeff' + lines.join('\r\n');
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

const CHROME_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
const EDGE_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge';

function policyReg(browserName: string, root: string, id: string, policy: Record<string, unknown>): Uint8Array {
  const key = `${root}\\3rdparty\\extensions\\${id}\\policy`;
  return regFile(
    [
      `Second Look managed policy for ${browserName}, extension ID ${id}.`,
      'Removes the previous Second Look policy values first, so keys you took out are gone too.',
      'Lists and objects are JSON text (REG_SZ); true/false are REG_DWORD 1/0.',
    ],
    [{ key, deleteFirst: true, values: Object.entries(policy).map(([k, v]) => [k, registryValue(k, v)]) }],
  );
}

function installReg(browserName: string, root: string, id: string, updateUrl: string): Uint8Array {
  return regFile(
    [
      `Force-installs Second Look (${id}) in ${browserName} and pins it to the toolbar.`,
      'This sets the whole ExtensionSettings policy: if you already use it, add this entry to your JSON instead.',
    ],
    [{ key: root, values: [['ExtensionSettings', { type: 'REG_SZ', value: JSON.stringify(chromiumInstall(id, updateUrl).ExtensionSettings) }]] }],
  );
}

// ---------------------------------------------------------------------------------------------
// ADMX/ADML (Group Policy templates with both browsers' registry paths)

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface AdmxBrowser {
  prefix: 'Chrome' | 'Edge';
  label: string;
  key: string;
}

function admxPolicy(b: AdmxBrowser, key: string): string {
  const type = KEY_TYPES[key];
  const name = `${b.prefix}_${key}`;
  const head = `    <policy name="${name}" class="Both" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
  const tail = `      <parentCategory ref="SecondLook_${b.prefix}" />\n      <supportedOn ref="SUPPORTED_SecondLook" />\n`;
  if (type === 'boolean') {
    return `${head} key="${xml(b.key)}" valueName="${key}">\n${tail}      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
  }
  const element =
    type === 'integer'
      ? `<decimal id="${name}" valueName="${key}" minValue="0" maxValue="1000" />`
      : `<text id="${name}" valueName="${key}" maxLength="${type === 'string' && key !== 'profile' ? 4096 : 1000000}" />`;
  return `${head} presentation="$(presentation.${name})" key="${xml(b.key)}">\n${tail}      <elements>\n        ${element}\n      </elements>\n    </policy>`;
}

function admx(browsers: AdmxBrowser[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Second Look: Group Policy template for the extension's managed policy (generated by second-look policy build). -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="secondlook" namespace="SecondLook.Policies.SecondLook" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_SecondLook" displayName="$(string.SUPPORTED_SecondLook)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="SecondLook" displayName="$(string.SecondLook)" />
${browsers.map((b) => `    <category name="SecondLook_${b.prefix}" displayName="$(string.SecondLook_${b.prefix})">\n      <parentCategory ref="SecondLook" />\n    </category>`).join('\n')}
  </categories>
  <policies>
${browsers.flatMap((b) => MANAGED_KEYS.map((key) => admxPolicy(b, key))).join('\n')}
  </policies>
</policyDefinitions>
`;
}

function explain(key: string): string {
  const { title, description } = TITLES[key]!;
  const type = KEY_TYPES[key];
  const form =
    type === 'array' || type === 'object'
      ? ' Enter JSON text, for example as in docs/examples/policy.json.'
      : key === 'profile'
        ? ' Enter the whole profile as JSON text.'
        : '';
  return `${title}.${description ? ` ${description}` : ''}${form} See docs/deploy.md.`;
}

function adml(browsers: AdmxBrowser[]): string {
  const strings: [string, string][] = [
    ['SecondLook', 'Second Look'],
    ['SUPPORTED_SecondLook', 'Google Chrome or Microsoft Edge with the Second Look extension'],
    ...browsers.map((b): [string, string] => [`SecondLook_${b.prefix}`, `Second Look (${b.label})`]),
  ];
  const presentations: string[] = [];
  for (const b of browsers) {
    for (const key of MANAGED_KEYS) {
      const name = `${b.prefix}_${key}`;
      strings.push([name, TITLES[key]!.title], [`${name}_Explain`, explain(key)]);
      const type = KEY_TYPES[key];
      if (type === 'boolean') continue;
      const control = type === 'integer' ? `<decimalTextBox refId="${name}">${xml(TITLES[key]!.title)}</decimalTextBox>` : `<textBox refId="${name}"><label>${xml(TITLES[key]!.title)}</label></textBox>`;
      presentations.push(`      <presentation id="${name}">\n        ${control}\n      </presentation>`);
    }
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Second Look</displayName>
  <description>Managed policy for the Second Look extension</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

// ---------------------------------------------------------------------------------------------
// macOS configuration profiles

/** A stable UUID from the content, so rebuilding the same policy gives the same profile. */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

function mobileconfig(identifier: string, displayName: string, description: string, payloads: { domain: string; name: string; values: Record<string, unknown> }[]): string {
  const content = payloads.map((p) => ({
    PayloadType: p.domain,
    PayloadIdentifier: `${identifier}.${p.domain}`,
    PayloadUUID: stableUuid(`${identifier}|${p.domain}|${JSON.stringify(p.values)}`),
    PayloadVersion: 1,
    PayloadDisplayName: p.name,
    ...p.values,
  }));
  return buildPlist({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: stableUuid(`${identifier}|${JSON.stringify(content)}`),
    PayloadDisplayName: displayName,
    PayloadDescription: description,
    PayloadScope: 'System',
    PayloadContent: content,
  } as never) + '\n';
}

// ---------------------------------------------------------------------------------------------

/** Every file of the kit for one policy (already validated) and the extension IDs. */
export function buildKit(policy: Record<string, unknown>, ids: KitIds): KitFile[] {
  const chromium = chromiumPolicy(policy);
  const firefox = firefoxPolicy(policy);
  const linux = (id: string) => json({ '3rdparty': { extensions: { [id]: chromium } } });
  const browsers: AdmxBrowser[] = [
    { prefix: 'Chrome', label: 'Google Chrome', key: `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy` },
    { prefix: 'Edge', label: 'Microsoft Edge', key: `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.edge}\\policy` },
  ];
  return [
    { path: 'linux/chrome/second-look-policy.json', content: linux(ids.chrome), about: 'Chrome on Linux: copy to /etc/opt/chrome/policies/managed/' },
    { path: 'linux/chrome/second-look-install.json', content: json(chromiumInstall(ids.chrome, CHROME_UPDATE_URL)), about: 'Chrome on Linux: force-install (same folder)' },
    { path: 'linux/chromium/second-look-policy.json', content: linux(ids.chrome), about: 'Chromium on Linux: copy to /etc/chromium/policies/managed/ (Debian, Ubuntu deb: /etc/chromium-browser/…)' },
    { path: 'linux/chromium/second-look-install.json', content: json(chromiumInstall(ids.chrome, CHROME_UPDATE_URL)), about: 'Chromium on Linux: force-install (same folder)' },
    { path: 'linux/edge/second-look-policy.json', content: linux(ids.edge), about: 'Edge on Linux: copy to /etc/opt/microsoft/msedge/policies/managed/' },
    { path: 'linux/edge/second-look-install.json', content: json(chromiumInstall(ids.edge, EDGE_UPDATE_URL)), about: 'Edge on Linux: force-install (same folder)' },
    { path: 'windows/chrome-policy.reg', content: policyReg('Google Chrome', CHROME_POLICY_KEY, ids.chrome, chromium), about: 'Chrome on Windows: import with regedit or deploy the values by GPO/Intune' },
    { path: 'windows/chrome-install.reg', content: installReg('Google Chrome', CHROME_POLICY_KEY, ids.chrome, CHROME_UPDATE_URL), about: 'Chrome on Windows: force-install' },
    { path: 'windows/edge-policy.reg', content: policyReg('Microsoft Edge', EDGE_POLICY_KEY, ids.edge, chromium), about: 'Edge on Windows: import with regedit or deploy the values by GPO/Intune' },
    { path: 'windows/edge-install.reg', content: installReg('Microsoft Edge', EDGE_POLICY_KEY, ids.edge, EDGE_UPDATE_URL), about: 'Edge on Windows: force-install' },
    { path: 'windows/admx/second-look.admx', content: admx(browsers), about: 'Group Policy template: copy to PolicyDefinitions\\ (central store)' },
    { path: 'windows/admx/en-US/second-look.adml', content: adml(browsers), about: 'Group Policy strings: copy to PolicyDefinitions\\en-US\\' },
    {
      path: 'macos/second-look-policy.mobileconfig',
      content: mobileconfig('app.second-look.policy', 'Second Look policy', 'Managed policy for the Second Look extension in Chrome and Edge.', [
        { domain: `com.google.Chrome.extensions.${ids.chrome}`, name: 'Second Look (Google Chrome)', values: chromium },
        { domain: `com.microsoft.Edge.extensions.${ids.edge}`, name: 'Second Look (Microsoft Edge)', values: chromium },
      ]),
      about: 'macOS: upload to your MDM (a hand-installed plist is not mandatory and is ignored)',
    },
    {
      path: 'macos/second-look-install.mobileconfig',
      content: mobileconfig('app.second-look.install', 'Second Look install', 'Force-installs the Second Look extension in Chrome and Edge.', [
        { domain: 'com.google.Chrome', name: 'Chrome: install Second Look', values: chromiumInstall(ids.chrome, CHROME_UPDATE_URL) },
        { domain: 'com.microsoft.Edge', name: 'Edge: install Second Look', values: chromiumInstall(ids.edge, EDGE_UPDATE_URL) },
      ]),
      about: 'macOS: force-install through your MDM',
    },
    {
      path: 'firefox/policies.json',
      content: json({
        policies: {
          '3rdparty': { Extensions: { [ids.gecko]: firefox } },
          ExtensionSettings: { [ids.gecko]: { installation_mode: 'force_installed', install_url: amoInstallUrl(ids.gecko), default_area: 'navbar' } },
        },
      }),
      about: 'Firefox: copy to the distribution/ folder beside firefox (Linux also /etc/firefox/policies/); restart Firefox',
    },
    {
      path: 'google-admin/policy-for-extensions.json',
      content: json(Object.fromEntries(Object.entries(chromium).map(([k, v]) => [k, { Value: v }]))),
      about: 'Google Admin console: Apps & extensions › the extension › Policy for extensions',
    },
  ];
}

/** The kit's README: what each file is, and the IDs it was built for. */
export function kitIndex(files: KitFile[], ids: KitIds, source: string): string {
  return [
    '# Second Look deployment kit',
    '',
    `Built by \`second-look policy build\` from \`${source}\` for these extension IDs:`,
    '',
    `- Chrome / Chromium: \`${ids.chrome}\``,
    `- Edge: \`${ids.edge}\``,
    `- Firefox: \`${ids.gecko}\``,
    '',
    'Rebuild the kit whenever the policy changes: every file says the same thing in its platform\'s format.',
    'Step-by-step instructions and troubleshooting: docs/deploy.md in the Second Look repository.',
    '',
    '| file | what it is for |',
    '|---|---|',
    ...files.map((f) => `| \`${f.path}\` | ${f.about} |`),
    '',
  ].join('\n');
}
