// Explicit, sorted registry: every category id maps to its rule module (tests/rules/registry.test.ts
// checks each file is listed, tested and cited by a built-in profile).
import type { AnyRule } from './engine/define-rule';
import type { CategoryId } from './engine/types';
import coworkerInformation from './coworker-information';
import criminalHistory from './criminal-history';
import facilityLayout from './facility-layout';
import healthInformation from './health-information';
import offenderImage from './offender-image';
import offenderInformation from './offender-information';
import onDutyUse from './on-duty-use';
import protectedPersonalInfo from './protected-personal-info';
import unapprovedPlatform from './unapproved-platform';
import victimIdentity from './victim-identity';

export const RULES: Readonly<Partial<Record<CategoryId, AnyRule>>> = {
  'coworker-information': coworkerInformation,
  'criminal-history': criminalHistory,
  'facility-layout': facilityLayout,
  'health-information': healthInformation,
  'offender-image': offenderImage,
  'offender-information': offenderInformation,
  'on-duty-use': onDutyUse,
  'protected-personal-info': protectedPersonalInfo,
  'unapproved-platform': unapprovedPlatform,
  'victim-identity': victimIdentity,
};
