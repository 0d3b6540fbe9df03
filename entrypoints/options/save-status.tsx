// Saving a settings change and saying how it went, politely, to screen readers too.
import { useState } from 'preact/hooks';
import type { Problem } from '../../rules/engine/profile';

export type SaveSettings = (patch: Record<string, unknown>) => Promise<Problem[]>;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; problems: Problem[] };

export function useSave(onSave: SaveSettings): [SaveState, (patch: Record<string, unknown>) => Promise<void>] {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = async (patch: Record<string, unknown>) => {
    setState({ kind: 'saving' });
    try {
      const problems = await onSave(patch);
      setState(problems.length === 0 ? { kind: 'saved' } : { kind: 'failed', problems });
    } catch (e) {
      setState({ kind: 'failed', problems: [{ path: '/', message: (e as Error).message }] });
    }
  };
  return [state, save];
}

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <div class="status" role="status" aria-live="polite">
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'saved' && <span class="ok">Saved.</span>}
      {state.kind === 'failed' && (
        <>
          Not saved:
          <ul class="problems">
            {state.problems.map((p) => (
              <li key={p.path + p.message}>
                {p.path !== '/' && <code>{p.path.slice(1).replace(/\//g, ' › ')}</code>} {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
