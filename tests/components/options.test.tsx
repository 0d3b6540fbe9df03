// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../entrypoints/options/OptionsApp';
import type { Problem } from '../../rules/engine/profile';
import { axeViolations } from '../support/axe';
import { OSP, policyState } from '../support/policy-state';

const TIME_ZONES = ['America/Chicago', 'America/Denver', 'UTC'];

function renderOptions(state: ReturnType<typeof policyState>, onSave = vi.fn(async (_patch: Record<string, unknown>): Promise<Problem[]> => [])) {
  const view = render(<OptionsApp state={state} timeZones={TIME_ZONES} diagnosticsHref="/diagnostics.html" onSave={onSave} />);
  return { ...view, onSave };
}

const MANAGED = {
  organizationName: 'Oklahoma DOC',
  profileId: 'ok-doc',
  facilities: [OSP],
  allowUserDisable: false,
  officialHandles: ['@OKDOCS'],
  categoryActions: { 'offender-information': 'confirm', 'health-information': 'warn' },
};

describe('options page', () => {
  it('invites the user to choose a policy when none is chosen, and saves the choice', async () => {
    const { container, onSave } = renderOptions(policyState(null, {}, 'none'));
    expect(screen.getByRole('heading', { name: "Choose your agency's policy" })).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(screen.queryByRole('heading', { name: 'Duty hours' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /Connecticut DOC/ }));
    expect(onSave).toHaveBeenCalledWith({ profileId: 'ct-doc' });
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows every control the policy locks as "Set by <organizationName>", without inputs', async () => {
    const { container } = renderOptions(policyState(MANAGED, { profileId: 'ct-doc', paused: true }));
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    const profile = screen.getByRole('region', { name: "Your agency's policy" });
    expect(within(profile).getByText(/Oklahoma DOC — Use of Social Media/)).toBeTruthy();
    expect(within(profile).getByText('Set by Oklahoma DOC')).toBeTruthy();
    for (const name of ['Official accounts', 'Facilities', 'Pause']) {
      const region = screen.getByRole('region', { name });
      expect(within(region).getByText('Set by Oklahoma DOC'), name).toBeTruthy();
      expect(within(region).queryAllByRole('textbox'), name).toHaveLength(0);
      expect(within(region).queryAllByRole('checkbox'), name).toHaveLength(0);
    }
    expect(screen.getByText('okdocs')).toBeTruthy();
    expect(screen.getByText('Oklahoma State Penitentiary')).toBeTruthy();
    expect(screen.getByText(/Managed by Oklahoma DOC/)).toBeTruthy();
    expect(screen.queryByText('Warnings are paused.')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('offers only actions at least as strict as the managed minimum', () => {
    const { onSave } = renderOptions(policyState(MANAGED));
    const options = (name: string) => within(screen.getByRole('combobox', { name: `Action for ${name}` })).getAllByRole('option').map((o) => o.textContent);
    expect(options('Offender information')).toEqual(['Ask before posting']);
    expect(options('Health information')).toEqual(['Warn', 'Ask before posting']);
    expect(options('On duty use')).toEqual(['Off', 'Warn', 'Ask before posting']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Action for Health information' }), { target: { value: 'confirm' } });
    expect(onSave).toHaveBeenCalledWith({ categoryActions: { 'health-information': 'confirm' } });
  });

  it('lets an unmanaged user set duty hours and shows why a save was refused', async () => {
    const onSave = vi.fn(async (): Promise<Problem[]> => [{ path: '/dutyHours/timeZone', message: '"Mars/Base" is not a known time zone' }]);
    renderOptions(policyState(null, { profileId: 'helena-pd' }), onSave);
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    fireEvent.input(zone, { target: { value: 'Mars/Base' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a duty window' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fri' }));
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '22:00' } });
    fireEvent.input(screen.getByLabelText('to'), { target: { value: '06:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save duty hours' }));
    expect(onSave).toHaveBeenCalledWith({ dutyHours: { timeZone: 'Mars/Base', windows: [{ days: ['mon', 'tue', 'wed', 'thu'], start: '22:00', end: '06:00' }] } });
    const region = screen.getByRole('region', { name: 'Duty hours' });
    await waitFor(() => expect(within(region).getByText(/not a known time zone/)).toBeTruthy());
    expect(within(region).getByText('dutyHours › timeZone')).toBeTruthy();
  });

  it('saves official accounts and facilities as typed, one per line and one per row', () => {
    const { onSave } = renderOptions(policyState(null, { profileId: 'ok-doc' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Account handles, one per line' }), { target: { value: '@OKDOCS\n\n x:@odoc_pio ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save accounts' }));
    expect(onSave).toHaveBeenLastCalledWith({ officialHandles: ['@OKDOCS', 'x:@odoc_pio'] });
    fireEvent.click(screen.getByRole('button', { name: 'Add a facility' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Jess Dunn' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Other names' }), { target: { value: 'JDCC, Dunn' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '35.7351' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Longitude' }), { target: { value: '-95.1686' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Radius (metres)' }), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save facilities' }));
    expect(onSave).toHaveBeenLastCalledWith({ facilities: [{ name: 'Jess Dunn', aliases: ['JDCC', 'Dunn'], lat: 35.7351, lon: -95.1686, radiusM: 500 }] });
  });

  it('pauses when allowed, and says so', async () => {
    const { onSave, rerender } = renderOptions(policyState({ profileId: 'mt-doc' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pause all warnings' }));
    expect(onSave).toHaveBeenCalledWith({ paused: true });
    rerender(<OptionsApp state={policyState({ profileId: 'mt-doc' }, { paused: true })} timeZones={TIME_ZONES} diagnosticsHref="/d" onSave={onSave} />);
    expect(screen.getByText('Warnings are paused.')).toBeTruthy();
  });

  it('links to diagnostics and reports a load failure', () => {
    render(<OptionsApp state={null} loadError="worker unavailable" timeZones={[]} diagnosticsHref="/diagnostics.html" onSave={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toMatch(/worker unavailable/);
    expect(screen.getByRole('link', { name: 'Diagnostics' }).getAttribute('href')).toBe('/diagnostics.html');
  });
});
