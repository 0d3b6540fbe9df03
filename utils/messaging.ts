// Messages between content scripts, extension pages and the background worker. Every message is
// checked on arrival: nothing from a web page is trusted (there is no external channel at all).
import type { ImageFacts, LintResult, PostContext } from '../rules/engine/types';

export interface LintRequest {
  type: 'lint';
  /** Stable id of the compose surface within its tab. */
  surfaceId: string;
  site: string;
  kind: NonNullable<PostContext['surface']>;
  text: string;
  images?: ImageFacts[];
  /** Account handle the user is posting as, when the page shows it (decides official vs personal). */
  handle?: string;
}

export interface LintResponse {
  result: LintResult;
  disclaimer: string;
  profileName: string;
}

export type Message = LintRequest;

export function isLintRequest(value: unknown): value is LintRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.type === 'lint' &&
    typeof m.surfaceId === 'string' &&
    typeof m.site === 'string' &&
    typeof m.kind === 'string' &&
    typeof m.text === 'string' &&
    m.text.length <= 1_000_000 &&
    (m.images === undefined || Array.isArray(m.images))
  );
}
