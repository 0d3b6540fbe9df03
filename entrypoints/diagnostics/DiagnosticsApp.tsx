// The diagnostics page: what the managed policy delivered, what was dropped and why, and what the
// effective profile does. Props in, markup out; never any post content.
import { useState } from 'preact/hooks';
import { ACTION_LABELS, categoryLabel, describeDutyHours } from '../../components/policy-labels';
import type { Problem } from '../../rules/engine/profile';
import type { PolicyState } from '../../utils/policy-messages';
import { formatDiagnosticsReport, SOURCE_LABELS } from './report';

export interface DiagnosticsAppProps {
  state: PolicyState | null;
  loadError?: string;
  optionsHref: string;
  now: () => Date;
  /** Puts the text on the clipboard; resolves false when the browser refused. */
  onCopy: (text: string) => Promise<boolean>;
}

function ProblemTable({ caption, problems }: { caption: string; problems: Problem[] }) {
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key path</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr key={p.path + p.message}>
            <td>
              <code>{p.path}</code>
            </td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DiagnosticsApp({ state, loadError, optionsHref, now, onCopy }: DiagnosticsAppProps) {
  const [copyStatus, setCopyStatus] = useState('');
  if (!state) {
    return (
      <main aria-busy={!loadError}>
        <h1>Second Look diagnostics</h1>
        {loadError ? <p role="alert">Diagnostics could not be loaded: {loadError}</p> : <p>Loading…</p>}
      </main>
    );
  }
  const { policy, effective, extension } = state;
  const report = formatDiagnosticsReport(state, now());
  const copy = async () => setCopyStatus((await onCopy(report)) ? 'Report copied.' : 'The browser did not allow copying; select the report text below instead.');
  const missing = policy.received.filter((k) => !policy.accepted.includes(k));
  return (
    <main>
      <h1>Second Look diagnostics</h1>
      <p class="lead">For IT and help desks: what the agency's managed policy delivered to this browser. This page never shows anything typed in a post.</p>
      <div class="row">
        <button class="button primary" type="button" onClick={() => void copy()}>
          Copy report
        </button>
        <a href={optionsHref}>Settings</a>
      </div>
      <p class="status" role="status" aria-live="polite">
        {copyStatus}
      </p>

      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading">Managed policy</h2>
        <dl class="facts">
          <dt>Source</dt>
          <dd>{SOURCE_LABELS[policy.source]}</dd>
          <dt>Read at</dt>
          <dd>{policy.readAt ? <time dateTime={policy.readAt}>{new Date(policy.readAt).toLocaleString()}</time> : 'not yet'}</dd>
          {policy.error && (
            <>
              <dt>Browser said</dt>
              <dd>{policy.error}</dd>
            </>
          )}
          <dt>Keys received ({policy.received.length})</dt>
          <dd>{policy.received.join(', ') || 'none'}</dd>
          <dt>Keys accepted ({policy.accepted.length})</dt>
          <dd>{policy.accepted.join(', ') || 'none'}</dd>
          {missing.length > 0 && (
            <>
              <dt>Received, not used</dt>
              <dd>{missing.join(', ')}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="dropped-heading">
        <h2 id="dropped-heading">Dropped ({policy.dropped.length})</h2>
        {policy.dropped.length === 0 ? (
          <p>Nothing was dropped.</p>
        ) : (
          <>
            <p class="hint">Each line is one key or item that was not applied; everything else in the policy was.</p>
            <ProblemTable caption="Dropped keys and items" problems={policy.dropped} />
          </>
        )}
        {policy.notes.length > 0 && (
          <>
            <h3>Read in another form ({policy.notes.length})</h3>
            <ProblemTable caption="Values read in another form" problems={policy.notes} />
          </>
        )}
        <p class="hint">
          Keys Chrome or Edge already rejected against the extension's schema never arrive here: compare with <code>chrome://policy</code>.
        </p>
      </section>

      <section aria-labelledby="effective-heading">
        <h2 id="effective-heading">Effective profile</h2>
        {!effective ? (
          <p>None chosen: no warnings until the user chooses a policy in the settings, or the agency's policy sets one.</p>
        ) : (
          <>
            <dl class="facts">
              <dt>Profile</dt>
              <dd>
                {effective.profileName} (<code>{effective.profileId}</code>)
              </dd>
              <dt>Chosen by</dt>
              <dd>{effective.source === 'managed' ? `the policy${effective.organizationName ? ` (${effective.organizationName})` : ''}` : 'the user'}</dd>
              <dt>Paused</dt>
              <dd>{effective.paused ? 'yes' : 'no'}</dd>
              <dt>Locked by the policy</dt>
              <dd>{effective.locked.join(', ') || 'nothing'}</dd>
              <dt>Facilities ({effective.facilities.length})</dt>
              <dd>{effective.facilities.map((f) => `${f.name}${f.geofence ? ' (geofence)' : ''}`).join(', ') || 'none'}</dd>
              <dt>Duty hours</dt>
              <dd>{describeDutyHours(effective.dutyHours)}</dd>
              <dt>Reference images</dt>
              <dd>{effective.referenceImages}</dd>
              <dt>Official accounts</dt>
              <dd>{effective.officialHandles.length}</dd>
            </dl>
            <h3>Clauses active per category</h3>
            <table>
              <caption class="visually-hidden">Clauses and action per category</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Personal posts</th>
                  <th scope="col">Official accounts</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {effective.categories.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{categoryLabel(c.category)}</th>
                    <td>{c.personal.join('; ') || '—'}</td>
                    <td>{c.official.join('; ') || '—'}</td>
                    <td>
                      {ACTION_LABELS[c.action]}
                      {c.floor && <div class="hint">agency minimum: {ACTION_LABELS[c.floor]}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="extension-heading">
        <h2 id="extension-heading">Extension</h2>
        <dl class="facts">
          <dt>Version</dt>
          <dd>{extension.version}</dd>
          <dt>ID</dt>
          <dd>
            <code>{extension.id}</code>
          </dd>
          {extension.installType && (
            <>
              <dt>Install type</dt>
              <dd>{extension.installType}</dd>
            </>
          )}
          <dt>Settings problems</dt>
          <dd>{state.settingsProblems.map((p) => `${p.path}: ${p.message}`).join('; ') || 'none'}</dd>
        </dl>
      </section>

      <details>
        <summary>Report text</summary>
        <pre class="report">{report}</pre>
      </details>
    </main>
  );
}
