#!/usr/bin/env node
// Regenerates the catalog-derived fields of assets/profiles/<id>.json from ../shared/policy/clauses.json
// (clauses, document, disclaimer, caveats) and keeps the hand-written fields (agencyKind, terms,
// ruleOptions, stackOfficial, actions…). Run after the catalog changes; tests check the two agree.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const catalogPath = process.argv[2] ?? fileURLToPath(new URL('../../shared/policy/clauses.json', import.meta.url));
const outDir = new URL('../assets/profiles/', import.meta.url);
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));

export const FIELD_ORDER = ['$schema', 'id', 'extends', 'name', 'agency', 'agencyKind', 'document', 'disclaimer', 'stackOfficial',
  'caveats', 'clauses', 'facilities', 'dutyHours', 'terms', 'actions', 'ruleOptions', 'referenceImages'];

for (const entry of catalog) {
  const file = new URL(`${entry.id}.json`, outDir);
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const profile = {
    $schema: './profile.schema.json',
    id: entry.id,
    extends: null,
    name: entry.name,
    agency: entry.agency,
    agencyKind: existing.agencyKind ?? 'corrections',
    document: entry.document,
    disclaimer: entry.disclaimer,
    stackOfficial: existing.stackOfficial ?? [],
    caveats: entry.caveats.map(({ section, quote, effect }) => ({ section, quote, effect })),
    clauses: entry.clauses.map(({ id, section, title, quote, appliesTo, categories, severity, exceptions }) =>
      ({ id, section, title, quote, appliesTo, categories, severity, exceptions })),
    facilities: existing.facilities ?? [],
    dutyHours: existing.dutyHours ?? null,
    terms: existing.terms ?? {},
    actions: existing.actions ?? {},
    ruleOptions: existing.ruleOptions ?? {},
    referenceImages: existing.referenceImages ?? [],
  };
  writeFileSync(file, JSON.stringify(profile, null, 2) + '\n');
  console.log(`wrote ${fileURLToPath(file)}`);
}
