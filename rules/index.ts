// Explicit, sorted registry: every category id maps to its rule module (tests/rules/registry.test.ts
// checks each file is listed, tested and cited by a built-in profile).
import type { AnyRule } from './engine/define-rule';
import type { CategoryId } from './engine/types';
import facilityLayout from './facility-layout';
import onDutyUse from './on-duty-use';
import unapprovedPlatform from './unapproved-platform';

export const RULES: Readonly<Partial<Record<CategoryId, AnyRule>>> = {
  'facility-layout': facilityLayout,
  'on-duty-use': onDutyUse,
  'unapproved-platform': unapprovedPlatform,
};
