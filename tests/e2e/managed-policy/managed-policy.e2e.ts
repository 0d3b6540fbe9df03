// Enterprise policy in real Chromium: a policy file in (the private copy of) /etc/chromium, read by
// the extension through chrome.storage.managed. Run with `bash scripts/e2e-managed-policy.sh`.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { launchWithPolicy, removePolicy, writePolicy, type PolicyBrowser } from './policy-sandbox';

const OSP = { id: 'osp', name: 'Oklahoma State Penitentiary', aliases: ['OSP'], lat: 34.9395, lon: -95.7697, radiusM: 700 };
const CUSTOM_PROFILE = { id: 'e2e-county', extends: 'ok-doc', name: 'E2E County Jail — social media', agency: 'E2E County Sheriff' };
/** Every minute of every day is on duty, so the on-duty clause fires whenever the profile has one. */
const ALWAYS_ON_DUTY = { timeZone: 'UTC', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] };

const POLICY = {
  schemaVersion: 1,
  organizationName: 'E2E County',
  profile: JSON.stringify(CUSTOM_PROFILE),
  profileId: 'e2e-county',
  allowUserDisable: false,
  officialHandles: ['@E2ECounty'],
  categoryActions: { 'on-duty-use': 'confirm' },
  // The Annex's latitude is out of range: the right type for Chromium's schema, wrong for ours.
  facilities: [OSP, { id: 'annex', name: 'Annex', lat: 95.1, lon: -95.2, radiusM: 300 }],
};

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('a policy present at start-up', () => {
  let browser: PolicyBrowser;
  test.beforeAll(async () => {
    writePolicy(POLICY);
    browser = await launchWithPolicy();
  });
  test.afterAll(async () => {
    await browser.close();
    removePolicy();
  });

  test('Chromium delivers the keys, the profile as JSON text, and the facilities list with its bad item', async () => {
    await expect.poll(() => browser.managed()).toMatchObject({ organizationName: 'E2E County', profile: POLICY.profile });
    // Types-only schema: Chromium passes the out-of-range facility through; our validator drops it alone.
    expect((await browser.managed()).facilities).toHaveLength(2);
  });

  test('a managed key shows as locked in options: "Set by E2E County", no choice offered', async () => {
    const page = await browser.open('options');
    const profile = page.getByRole('region', { name: "Your agency's policy" });
    await expect(profile.getByText('Set by E2E County')).toBeVisible();
    await expect(profile.getByText('E2E County Jail — social media')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Pause' })).toContainText('Warnings cannot be paused.');
    await expect(page.getByRole('region', { name: 'Official accounts' })).toContainText('e2ecounty');
    await expect(page.getByRole('combobox', { name: 'Action for On duty use' }).locator('option')).toHaveText(['Ask before posting']);
    expect(await axe(page)).toEqual([]);
    // The lock is enforced by the worker too, not only hidden in the page.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'update-settings', patch: { paused: true } }),
    );
    expect(refused.ok).toBe(false);
  });

  test('one bad facility is dropped alone and listed in diagnostics', async () => {
    const page = await browser.open('diagnostics');
    const dropped = page.getByRole('region', { name: /^Dropped/ });
    await expect(dropped.getByRole('heading')).toHaveText('Dropped (1)');
    await expect(dropped.getByRole('row').nth(1)).toHaveText(/\/facilities\/1\s*facility dropped: lat 95.1 is greater than 90/);
    const effective = page.getByRole('region', { name: 'Effective profile' });
    await expect(effective).toContainText('Oklahoma State Penitentiary (geofence)');
    await expect(effective).not.toContainText('Annex');
    await expect(page.getByRole('region', { name: 'Managed policy' })).toContainText('managed storage (enterprise policy), fresh read');
    await expect(page.getByRole('region', { name: 'Extension' })).toContainText('jbhneohjejaejlljlbckgmdbmpopnhnf');
    await expect(page.locator('details pre')).toContainText('/facilities/1: facility dropped');
    expect(await axe(page)).toEqual([]);
    // On-device only: the worker and the pages made no request at all.
    expect(browser.session.network.fromExtension()).toEqual([]);
  });
});

test('options and diagnostics pass axe in dark mode too (colour contrast included)', async () => {
  writePolicy(POLICY);
  const browser = await launchWithPolicy();
  try {
    for (const name of ['options', 'diagnostics'] as const) {
      const page = await browser.open(name, { colorScheme: 'dark' });
      await expect(page.getByText('E2E County').first()).toBeVisible();
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await axe(page), name).toEqual([]);
    }
  } finally {
    await browser.close();
    removePolicy();
  }
});

test('a policy change while the browser runs applies within 10 s, and a managed profileId changes which clauses fire', async () => {
  writePolicy({ organizationName: 'E2E County', profileId: 'ok-doc', dutyHours: ALWAYS_ON_DUTY });
  const browser = await launchWithPolicy();
  try {
    const page = await browser.open('options');
    await expect(page.getByRole('region', { name: "Your agency's policy" })).toContainText('Oklahoma DOC');
    const before = await browser.lint(page, 'Anyone know if the lake ice is safe yet?');
    expect(before.categories).toEqual(['on-duty-use']);
    expect(before.clauses[0]).toMatch(/^ok-doc\//);

    const changedAt = Date.now();
    writePolicy({ organizationName: 'Montana DOC', profileId: 'mt-doc', dutyHours: ALWAYS_ON_DUTY });
    await expect(page.getByRole('region', { name: "Your agency's policy" })).toContainText('Montana DOC', { timeout: 10_000 });
    console.log(`policy change applied after ${Date.now() - changedAt} ms`);
    await expect(page.getByText('Set by Montana DOC').first()).toBeVisible();
    // Montana DOC's policy has no on-duty clause: the same post now fires nothing.
    expect(await browser.lint(page, 'Anyone know if the lake ice is safe yet?')).toEqual({ categories: [], clauses: [] });

    // Removing the policy applies too: nothing chosen, so the page invites the user to choose.
    removePolicy();
    await expect(page.getByRole('heading', { name: "Choose your agency's policy" })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('radio')).toHaveCount(5);
  } finally {
    await browser.close();
    removePolicy();
  }
});

test('what Chromium drops before we see it: a profile object (Firefox form), a wrongly typed list item', async () => {
  writePolicy({ organizationName: 'E2E County', profile: CUSTOM_PROFILE, profileId: 'e2e-county', facilities: [OSP, { name: 'Annex', lat: 'north' }] });
  const browser = await launchWithPolicy();
  try {
    await expect.poll(() => browser.managed()).toEqual({ organizationName: 'E2E County', profileId: 'e2e-county' });
    // Both whole keys are gone (measured in Chromium 156); the kit writes the profile as JSON text.
    const page = await browser.open('diagnostics');
    const dropped = page.getByRole('region', { name: /^Dropped/ });
    await expect(dropped).toContainText('/profileId');
    await expect(dropped).toContainText('on Chrome and Edge it must be JSON text');
  } finally {
    await browser.close();
    removePolicy();
  }
});
