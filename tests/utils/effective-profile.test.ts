import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EffectiveProfile } from '../../rules/engine/managed-policy';
import { createPolicyService, type PolicyService } from '../../utils/effective-profile';
import { MANAGED_CACHE_KEY, readManagedPolicyAtStartup } from '../../utils/managed-policy';
import type { PolicyState } from '../../utils/policy-messages';
import { SETTINGS_KEY } from '../../utils/settings';

/** A service whose first-install polling is fast but real (20 ms steps, 200 ms budget). */
const started: PolicyService[] = [];
function startService(): PolicyService {
  const service = createPolicyService({ poll: { budgetMs: 200, intervalMs: 20 } });
  started.push(service);
  return service;
}

/** Resolves with the next effective profile the service reports. */
function nextChange(service: PolicyService): Promise<EffectiveProfile | null> {
  return new Promise((resolve) => {
    const off = service.onEffectiveProfileChange((e) => {
      off();
      resolve(e);
    });
  });
}

beforeEach(() => {
  for (const s of started.splice(0)) s.stop();
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Second Look', version: '0.1.0' });
});

describe('reading the managed policy', () => {
  it('treats a rejected get() (Firefox without policy) as "no policy" and keeps the user choice', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { profileId: 'ct-doc' } });
    const service = startService();
    const effective = await service.getEffectiveProfile();
    expect(effective).toMatchObject({ source: 'user', managed: false, locked: [], profile: { id: 'ct-doc' } });
    const state = await service.getState();
    expect(state.policy).toMatchObject({ source: 'none', error: 'Managed storage manifest not found', received: [], dropped: [] });
  });

  it('has no effective profile with nothing chosen and no policy', async () => {
    const service = startService();
    expect(await service.getEffectiveProfile()).toBeNull();
    expect((await service.getState()).effective).toBeNull();
  });

  it('on a first install, keeps polling an empty store and picks up a late policy', async () => {
    let reads = 0;
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async () => (++reads >= 4 ? { profileId: 'mt-doc' } : {}));
    const service = startService();
    const effective = await service.getEffectiveProfile();
    expect(reads).toBe(4);
    expect(effective).toMatchObject({ source: 'managed', profile: { id: 'mt-doc' } });
    expect(get).toHaveBeenCalledWith(null);
  });

  it('stops polling after the budget and concludes there is no policy', async () => {
    const sleeps: number[] = [];
    let clock = 0;
    const read = await readManagedPolicyAtStartup(true, {
      budgetMs: 1000,
      intervalMs: 250,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    expect(sleeps).toEqual([250, 250, 250, 250]);
    expect(read).toMatchObject({ source: 'managed-storage', raw: {} });
    expect(await readManagedPolicyAtStartup(false, { sleep: () => Promise.reject(new Error('must not poll')) })).toMatchObject({ raw: {} });
  });

  it('re-merges when the managed area changes later (delivery after start-up)', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { profileId: 'ct-doc' }, [MANAGED_CACHE_KEY]: { raw: {}, readAt: '2026-01-01T00:00:00.000Z' } });
    const service = startService();
    expect((await service.getEffectiveProfile())?.profile.id).toBe('ct-doc');
    const changed = nextChange(service);
    await fakeBrowser.storage.managed.set({ organizationName: 'Helena PD', profileId: 'helena-pd' });
    expect(await changed).toMatchObject({ source: 'managed', organizationName: 'Helena PD', profile: { id: 'helena-pd' }, locked: ['profileId'] });
    const state = await service.getState();
    expect(state.policy.received).toEqual(['organizationName', 'profileId']);
    expect(state.controls.profile.locked).toBe(true);
    // A removed policy applies too: the user's choice comes back.
    const removed = nextChange(service);
    await fakeBrowser.storage.managed.clear();
    expect(await removed).toMatchObject({ source: 'user', profile: { id: 'ct-doc' } });
  });

  it('serves the cache only until the fresh read, which replaces it (a removed policy never lingers)', async () => {
    await fakeBrowser.storage.local.set({ [MANAGED_CACHE_KEY]: { raw: { profileId: 'mt-doc' }, readAt: '2026-01-01T00:00:00.000Z' } });
    let release!: (v: Record<string, unknown>) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (release = resolve)));
    const service = startService();
    const bridged = await service.getEffectiveProfile();
    expect(bridged).toMatchObject({ profile: { id: 'mt-doc' } });
    expect((await service.getState()).policy.source).toBe('cache');
    const changed = nextChange(service);
    release({});
    expect(await changed).toBeNull();
    expect((await service.getState()).policy.source).toBe('managed-storage');
    expect((await fakeBrowser.storage.local.get(MANAGED_CACHE_KEY))[MANAGED_CACHE_KEY]).toMatchObject({ raw: {} });
  });

  it('lists dropped items in the state, never the whole key', async () => {
    await fakeBrowser.storage.managed.set({
      profileId: 'ok-doc',
      facilities: [{ name: 'OSP', lat: 34.9, lon: -95.7, radiusM: 600 }, { name: 'Bad', lat: 'x', lon: 1, radiusM: 5 }],
    });
    const state = await startService().getState();
    expect(state.policy.accepted).toEqual(['profileId', 'facilities']);
    expect(state.policy.dropped).toEqual([{ path: '/facilities/1', message: 'facility dropped: lat is a string, expected a number' }]);
    expect(state.effective?.facilities).toEqual([{ name: 'OSP', geofence: true }]);
  });
});

describe('settings and broadcasts', () => {
  it('re-merges on a settings change and tells open tabs', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }, { id: 9 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId) => {
      if (tabId === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const service = startService();
    await service.ready();
    const changed = nextChange(service);
    const reply = await service.updateSettings({ profileId: 'mt-state-it' });
    expect(reply.ok).toBe(true);
    expect(await changed).toMatchObject({ source: 'user', profile: { id: 'mt-state-it' } });
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(7, { type: 'effective-profile-changed', status: expect.objectContaining({ configured: true, profileName: expect.stringContaining('Montana') }) }));
    expect(send).toHaveBeenCalledWith(9, expect.anything());
    expect(query).toHaveBeenCalled();
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ profileId: 'mt-state-it' });
  });

  it('refuses a locked change through the message handler and leaves storage alone', async () => {
    await fakeBrowser.storage.managed.set({ organizationName: 'CT DOC', profileId: 'ct-doc', allowUserDisable: false });
    const service = startService();
    const reply = (await service.handleMessage({ type: 'update-settings', patch: { paused: true } })) as { ok: boolean; problems: unknown[]; state: PolicyState };
    expect(reply.ok).toBe(false);
    expect(reply.problems).toEqual([{ path: '/paused', message: 'pausing is turned off (set by CT DOC)' }]);
    expect(reply.state.effective?.paused).toBe(false);
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
    expect(service.handleMessage({ type: 'lint' })).toBeUndefined();
  });

  it('drops a corrupt stored setting and reports it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { profileId: 'ok-doc', facilities: 'lots' } });
    const state = await startService().getState();
    expect(state.settings).toEqual({ profileId: 'ok-doc' });
    expect(state.settingsProblems).toEqual([{ path: '/facilities', message: 'is a string, expected a list' }]);
  });
});
