// The five built-in agency profiles, as shipped in assets/profiles/.
import ctDoc from '../../assets/profiles/ct-doc.json';
import helenaPd from '../../assets/profiles/helena-pd.json';
import mtDoc from '../../assets/profiles/mt-doc.json';
import mtStateIt from '../../assets/profiles/mt-state-it.json';
import okDoc from '../../assets/profiles/ok-doc.json';
import type { ProfileSource } from './profile';

export const BUILTIN_PROFILE_SOURCES: readonly ProfileSource[] = [mtDoc, okDoc, mtStateIt, ctDoc, helenaPd].map(
  ({ $schema: _schema, ...p }) => p as unknown as ProfileSource,
);

export const BUILTIN_PROFILE_IDS = BUILTIN_PROFILE_SOURCES.map((p) => p.id);

export function builtinProfileSource(id: string): ProfileSource | undefined {
  return BUILTIN_PROFILE_SOURCES.find((p) => p.id === id);
}
