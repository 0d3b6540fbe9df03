import { afterEach } from 'vitest';

// testing-library only cleans up automatically with vitest globals on; load it only in DOM tests.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/preact');
  afterEach(() => cleanup());
}
