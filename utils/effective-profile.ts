// The effective profile, in the worker: one module reads the managed policy and the user's settings,
// merges them (rules/engine/managed-policy.ts), re-merges on every change, and tells open tabs and
// extension pages. Pages and content scripts never read managed storage themselves.
import { browser } from 'wxt/browser';
import { RULES } from '../rules/api';
import {
  applySettingsPatch,
  mergeEffectiveProfile,
  policyControls,
  summarizeEffectiveProfile,
  validateManagedPolicy,
  type EffectiveProfile,
  type PolicyReport,
  type Settings,
} from '../rules/engine/managed-policy';
import type { Problem } from '../rules/engine/profile';
import {
  onManagedStorageChange,
  readManagedCache,
  readManagedPolicyAtStartup,
  readManagedStorage,
  writeManagedCache,
  type ManagedRead,
  type PollOptions,
} from './managed-policy';
import {
  isPolicyStateRequest,
  isUpdateSettingsRequest,
  type EffectiveProfileChanged,
  type PolicyState,
  type PolicyStateChanged,
  type ProfileStatus,
  type UpdateSettingsResponse,
} from './policy-messages';
import { loadSettings, onSettingsChange, saveSettings } from './settings';

export type { EffectiveProfile };
export type EffectiveProfileListener = (effective: EffectiveProfile | null) => void;

export interface PolicyService {
  /** Resolves once a policy is known: the start-up cache, or the first fresh read. */
  ready(): Promise<void>;
  getEffectiveProfile(): Promise<EffectiveProfile | null>;
  onEffectiveProfileChange(listener: EffectiveProfileListener): () => void;
  getState(): Promise<PolicyState>;
  updateSettings(patch: Record<string, unknown>): Promise<UpdateSettingsResponse>;
  /** Answers `policy-state` and `update-settings`; undefined for any other message. */
  handleMessage(message: unknown): Promise<PolicyState | UpdateSettingsResponse> | undefined;
  stop(): void;
}

export interface PolicyServiceOptions {
  poll?: PollOptions;
}

const EMPTY_REPORT: PolicyReport = { received: [], accepted: [], dropped: [], notes: [], policy: {} };

export function createPolicyService(options: PolicyServiceOptions = {}): PolicyService {
  let read: ManagedRead | null = null;
  let freshApplied = false;
  let report = EMPTY_REPORT;
  let settings: Settings = {};
  let settingsProblems: Problem[] = [];
  let effective: EffectiveProfile | null = null;
  let lastSignature = 'null';
  const listeners = new Set<EffectiveProfileListener>();
  let markReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
  // Reads are applied in order, so a slow early read never overwrites a later one.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((e) => console.error('Second Look: policy update failed', e));
    return queue;
  };

  function recompute() {
    effective = mergeEffectiveProfile(report.policy, settings);
    const signature = JSON.stringify(effective);
    if (signature !== lastSignature) {
      lastSignature = signature;
      for (const listener of listeners) listener(effective);
      void broadcastToTabs({ type: 'effective-profile-changed', status: profileStatus(effective) });
    }
    void sendToPages({ type: 'policy-state-changed' });
  }

  function apply(next: ManagedRead) {
    read = next;
    report = validateManagedPolicy(next.raw, { rules: RULES });
    recompute();
  }

  async function start() {
    const [cache, loaded] = await Promise.all([readManagedCache(), loadSettings()]);
    settings = loaded.settings;
    settingsProblems = loaded.problems;
    if (cache && !freshApplied) {
      apply(cache);
      markReady();
    }
    const fresh = await readManagedPolicyAtStartup(cache === null, options.poll);
    await refreshWith(fresh);
  }

  async function refreshWith(fresh: ManagedRead) {
    freshApplied = true;
    await writeManagedCache(fresh);
    apply(fresh);
    markReady();
  }

  async function reloadSettings() {
    const loaded = await loadSettings();
    settings = loaded.settings;
    settingsProblems = loaded.problems;
    recompute();
  }

  const unsubscribe = [
    onManagedStorageChange(() => void enqueue(async () => refreshWith(await readManagedStorage()))),
    onSettingsChange(() => void enqueue(reloadSettings)),
  ];
  void enqueue(start);

  async function getState(): Promise<PolicyState> {
    await readyPromise;
    const controls = policyControls(report.policy);
    return {
      policy: {
        source: read?.source ?? 'pending',
        readAt: read?.readAt,
        error: read?.error,
        received: report.received,
        accepted: report.accepted,
        dropped: report.dropped,
        notes: report.notes,
      },
      settings,
      settingsProblems,
      controls,
      effective: effective && summarizeEffectiveProfile(effective, controls.categoryActions.floor),
      extension: await extensionInfo(),
    };
  }

  async function updateSettings(patch: Record<string, unknown>): Promise<UpdateSettingsResponse> {
    await readyPromise;
    const result = applySettingsPatch(settings, patch, policyControls(report.policy));
    if (!result.settings) return { ok: false, problems: result.problems, state: await getState() };
    settings = result.settings;
    settingsProblems = [];
    await saveSettings(settings);
    recompute();
    return { ok: true, state: await getState() };
  }

  return {
    ready: () => readyPromise,
    async getEffectiveProfile() {
      await readyPromise;
      return effective;
    },
    onEffectiveProfileChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState,
    updateSettings,
    handleMessage(message) {
      if (isPolicyStateRequest(message)) return getState();
      if (isUpdateSettingsRequest(message)) return updateSettings(message.patch);
      return undefined;
    },
    stop() {
      for (const off of unsubscribe) off();
      listeners.clear();
    },
  };
}

export function profileStatus(effective: EffectiveProfile | null): ProfileStatus {
  if (!effective) return { configured: false, paused: false };
  return { configured: true, paused: effective.paused, profileName: effective.profile.name, organizationName: effective.organizationName };
}

async function broadcastToTabs(message: EffectiveProfileChanged): Promise<void> {
  try {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))),
    );
  } catch {
    // No tabs API here (tests, or a context without tabs): nothing to tell.
  }
}

async function sendToPages(message: PolicyStateChanged | EffectiveProfileChanged): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No extension page is open.
  }
}

async function extensionInfo(): Promise<PolicyState['extension']> {
  const info: PolicyState['extension'] = { id: browser.runtime.id, version: browser.runtime.getManifest().version };
  try {
    const self = await browser.management?.getSelf?.();
    if (self?.installType) info.installType = self.installType;
  } catch {
    // management.getSelf is unavailable in some browsers; the install type is optional.
  }
  return info;
}

// The worker's single instance. Create it when the worker starts so the storage listeners are
// registered in the first turn of the event loop.
let service: PolicyService | undefined;

export function policyService(): PolicyService {
  service ??= createPolicyService();
  return service;
}

export function getEffectiveProfile(): Promise<EffectiveProfile | null> {
  return policyService().getEffectiveProfile();
}

export function onEffectiveProfileChange(listener: EffectiveProfileListener): () => void {
  return policyService().onEffectiveProfileChange(listener);
}
