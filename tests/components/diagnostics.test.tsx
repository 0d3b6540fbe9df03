// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticsApp } from '../../entrypoints/diagnostics/DiagnosticsApp';
import { formatDiagnosticsReport } from '../../entrypoints/diagnostics/report';
import { axeViolations } from '../support/axe';
import { OSP, policyState } from '../support/policy-state';

const NOW = new Date('2026-03-01T15:00:00.000Z');
const POLICY = {
  organizationName: 'Oklahoma DOC',
  profileId: 'ok-doc',
  facilities: [OSP, { name: 'Annex', lat: 'north', lon: -95, radiusM: 100 }],
  categoryActions: { 'offender-information': 'confirm' },
  referenceImageHashes: [{ label: 'Patch', category: 'insignia-uniform', dhash: '0123456789abcdef' }],
  faciltiies: [],
};

function renderDiagnostics(state: ReturnType<typeof policyState>, onCopy = vi.fn(async (_text: string) => true)) {
  const view = render(<DiagnosticsApp state={state} optionsHref="/options.html" now={() => NOW} onCopy={onCopy} />);
  return { ...view, onCopy };
}

describe('diagnostics page', () => {
  it('lists keys received and accepted, the dropped item alone with its reason, and the effective profile', async () => {
    const { container } = renderDiagnostics(policyState(POLICY));
    const policy = screen.getByRole('region', { name: 'Managed policy' });
    expect(within(policy).getByText('managed storage (enterprise policy), fresh read')).toBeTruthy();
    expect(within(policy).getByText('organizationName, profileId, facilities, categoryActions, referenceImageHashes, faciltiies')).toBeTruthy();
    expect(within(policy).getByText('faciltiies')).toBeTruthy();
    const dropped = screen.getByRole('region', { name: 'Dropped (2)' });
    const rows = within(dropped).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['/faciltiies' + 'unknown key (did you mean "facilities"?)', '/facilities/1' + 'facility dropped: lat is a string, expected a number']);
    const effective = screen.getByRole('region', { name: 'Effective profile' });
    expect(within(effective).getByText('Oklahoma State Penitentiary (geofence)')).toBeTruthy();
    expect(within(effective).getByText('the policy (Oklahoma DOC)')).toBeTruthy();
    const offender = within(effective).getByRole('row', { name: /Offender information/ });
    expect(offender.textContent).toMatch(/OP-021002 § IV\.C\.4\.a.*Ask before posting.*agency minimum: Ask before posting/);
    expect(within(screen.getByRole('region', { name: 'Extension' })).getByText('jbhneohjejaejlljlbckgmdbmpopnhnf')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('copies a report for a ticket and confirms it', async () => {
    const { onCopy } = renderDiagnostics(policyState(POLICY));
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByText('Report copied.')).toBeTruthy());
    const text = onCopy.mock.calls[0]![0];
    expect(text).toBe(formatDiagnosticsReport(policyState(POLICY), NOW));
    expect(text).toContain('  /facilities/1: facility dropped: lat is a string, expected a number');
    expect(text).toContain('Reference images: 1');
    expect(text).toContain('Extension: version 0.1.0, ID jbhneohjejaejlljlbckgmdbmpopnhnf, install type admin');
    expect(text.trimEnd().endsWith('This report holds no post content.')).toBe(true);
  });

  it('says when copying was refused, and keeps the report selectable', async () => {
    const { container } = renderDiagnostics(policyState(POLICY), vi.fn(async () => false));
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByText(/did not allow copying/)).toBeTruthy());
    expect(container.querySelector('details pre')?.textContent).toBe(formatDiagnosticsReport(policyState(POLICY), NOW));
  });

  it('explains Firefox without a policy and a profile not chosen yet', async () => {
    const state = policyState(null, {}, 'none');
    state.policy.error = 'Managed storage manifest not found';
    const { container } = renderDiagnostics(state);
    expect(screen.getByText('no managed policy (the browser reported none)')).toBeTruthy();
    expect(screen.getByText('Managed storage manifest not found')).toBeTruthy();
    expect(screen.getByText(/None chosen: no warnings until/)).toBeTruthy();
    expect(formatDiagnosticsReport(state, NOW)).toContain('Effective profile: none chosen');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('the accessibility check it relies on does catch problems', async () => {
    const { container } = render(
      <main>
        <input type="text" />
      </main>,
    );
    expect((await axeViolations(container)).join()).toMatch(/label/);
  });
});
