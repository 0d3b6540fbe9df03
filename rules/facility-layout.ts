import { facilityAt } from './detectors/geofence';
import { defineRule, type EvidenceText } from './engine/define-rule';
import type { Span } from './engine/post-text';

// facility-layout (labelling guide): (a) a photo whose GPS position is at a listed facility,
// whatever it shows; (b) text or a photo that describes or shows a facility's interior or grounds:
// floor plans, routes, where doors and rooms are, yards and fence lines, a view over the compound.
// Not: GPS outside the geofence; a single door or camera weakness with no layout (security only);
// a place named in passing ("in H unit", "on my tier").

/** Places that exist only inside a custody or police facility. */
const SECURE_PLACES = [
  'cell ?blocks?', 'cell ?houses?', 'holding cells?', 'holding (?:area|tank)', 'tiers?', 'pods?', 'housing units?', 'dorms?',
  'day ?rooms?', 'sally ?ports?', '(?:master |central )?control (?:room|center|centre|booth|pod|desk)', 'booking(?: area| room| counter| desk)?',
  'intake(?: area| room)?', '(?:rec(?:reation)?|exercise|prison|jail|east|west|north|south|main|upper|lower|inner|outer) yards?',
  'chow hall', 'mess hall', 'infirmary', 'visiting (?:room|area|hall)', 'visitation(?: room| area)?', 'segregation(?: unit)?', 'seg unit',
  'evidence (?:room|locker|vault|bay|annex|cage)', 'property room', 'armou?ry', 'interview rooms?', 'interrogation rooms?',
  'squad room', 'briefing room', '(?:guard|watch|gun) ?towers?', 'perimeter(?: fence| road| wall| gate)?', 'fence ?lines?',
  '(?:razor|concertina) wire', 'gate ?house', 'lock-?up', 'the compound',
  // Bare unit names, as staff say them: "visiting connects to medical".
  'visiting(?= (?:connects|leads|opens|is|sits|runs|shares|backs))', '(?<=\\b(?:to|into|from|past|behind|near|by|beside) )(?:medical|visiting|intake|booking)\\b(?! (?:bills?|leave|school|care|appointments?|records?|issues?|conditions?|emergenc))',
];

/** Ordinary places that count once a custody place or a facility name anchors the description. */
const PLACES = [
  'doors?', 'gates?', 'hallways?', 'halls?', 'corridors?', 'stair(?:well|case|s)', 'exits?', 'entrances?', 'rooms?', '(?:parking |back |south |north |east |west |front |staff )?lots?',
  'yards?', 'fences?', 'walls?', 'gym', 'kitchen', 'laundry', 'chapel', 'library', 'medical', 'visiting', 'vending machines?', 'dumpsters?',
  'lobby', 'elevators?', 'basement', 'roof', 'offices?', '(?:handball|basketball) courts?', 'shelves', 'bathrooms?', 'showers?', 'garage',
];

/** Words that say where one place is relative to another, or how to get there. */
const RELATION =
  /\b(?:connects? (?:to|with)|connected to|leads? (?:to|into)|leading (?:to|into)|opens? (?:on|onto|into)|through the|behind|between|past the|next to|beside|across from|adjacent to|around the corner|down the hall|at the end of|to the (?:left|right) of|on (?:your|the) (?:left|right)|opposite|runs? (?:along|from|to)|shortcut|the way (?:in|out|from|to)|entrance to|exit to|backs? onto|above|below|under(?:neath)?)\b/i;

const LAYOUT_DOCUMENT = /\b(?:floor ?plans?|blueprints?|schematics?|site plans?|(?:evacuation|fire|escape|emergency) (?:maps?|plans?|routes?|diagrams?)|layout of|lay-?outs?|map of (?:the|our) (?:facility|unit|building|station|prison|jail|institution|compound))\b/i;

const VIEW = /\b(?:view (?:of|over|on|from|across)|overlooking|aerial|drone (?:shot|photo|view|footage)|bird'?s[- ]eye)\b/i;

const FACILITY_WORD = /\b(?:prison|jail|penitentiary|correctional|detention|facility|institution|station|precinct|unit|compound|pen)\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineRule({
  id: 'facility-layout',
  meta: {
    summary: "Photos taken at an agency facility, and descriptions or images of a facility's interior, grounds or layout",
    inputs: ['text', 'image'],
    messages: {
      insideFacility: 'location is inside {{facility}}{{accuracy}}',
      nearFacility: 'location is {{distance}} m from {{facility}}, within the GPS accuracy (±{{accuracy}} m)',
      layoutDocument: 'a facility {{what}} ("{{excerpt}}")',
      route: 'describes where places in a facility are ("{{excerpt}}")',
      grounds: "shows a facility's grounds or perimeter ({{what}})",
      interior: 'shows the inside of a facility ({{what}})',
    },
    schema: {
      type: 'object',
      properties: {
        useGps: { type: 'boolean', description: 'Flag photos whose GPS position is at a facility of the profile.' },
        defaultAccuracyM: { type: 'number', minimum: 0, maximum: 1000, description: 'GPS accuracy assumed when a photo gives none.' },
        maxAccuracyM: { type: 'number', minimum: 0, maximum: 5000, description: 'Accuracy radii above this are capped.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { useGps: true, defaultAccuracyM: 0, maxAccuracyM: 100 },
    examples: {
      flagged: [
        'New guys: visiting connects to medical through the door behind the vending machines.',
        {
          text: 'Thanksgiving plate 🦃',
          images: [{ filename: '20251127_131522.jpg', gps: { lat: 41.55596, lon: -72.98857, accuracyM: 12 }, description: 'Turkey dinner on a tray' }],
          facilities: [{ name: 'Brackett River Correctional Center', lat: 41.5553, lon: -72.9881, radiusM: 350 }],
          note: 'a harmless photo, but taken inside the facility geofence',
        },
        {
          text: 'They finally updated the evacuation map on our unit.',
          images: [{ filename: 'PXL_1.jpg', description: 'Posted fire evacuation floor plan showing cell blocks, stairwells, exits and the sally port' }],
        },
      ],
      fine: [
        {
          text: 'Sunrise over the lake 🌅',
          images: [{ filename: 'IMG_1.jpg', gps: { lat: 41.8208, lon: -72.6392 } }],
          facilities: [{ name: 'Harwell Hill Correctional Institution', lat: 41.8127, lon: -72.6392, radiusM: 450 }],
          note: 'GPS 900 m away, outside the geofence',
        },
        { text: 'The sally port door is broken again and nobody fixes it.', note: 'one door weakness, no layout (security only)' },
        { text: 'Pray for the kid on suicide watch in H unit.', note: 'a unit named in passing' },
        { text: 'Here is the floor plan of our new house, the kitchen opens onto the deck!', note: 'not a facility' },
      ],
    },
  },
  create(context) {
    const { options } = context;
    const extraPlaces = (context.profile.terms['facility-layout'] ?? []).map(escape);
    const facilityNames = context.facilities.flatMap((f) => [f.name, ...(f.aliases ?? [])]).filter((n) => n.length >= 3).map(escape);
    const secure = new RegExp(`\\b(?:${[...SECURE_PLACES, ...extraPlaces].join('|')})\\b`, 'gi');
    const places = new RegExp(`\\b(?:${PLACES.join('|')})\\b`, 'gi');
    const facilityName = facilityNames.length ? new RegExp(`\\b(?:${facilityNames.join('|')})\\b`, 'i') : null;

    const distinct = (matches: Span[]) => [...new Set(matches.map((m) => m.text.toLowerCase()))];

    function checkEvidence(evidence: EvidenceText): void {
      const { parsed, image } = evidence;
      const isImage = image !== undefined;
      const anchored = FACILITY_WORD.test(parsed.folded) || (facilityName?.test(parsed.folded) ?? false);
      const secureHits = parsed.find(secure);

      for (const doc of parsed.find(LAYOUT_DOCUMENT)) {
        const sentence = parsed.sentenceAt(doc.start) ?? doc;
        if (secureHits.length > 0 || anchored) {
          context.report({ messageId: 'layoutDocument', data: { what: doc.text.toLowerCase(), excerpt: clip(sentence.text) }, span: doc, ...(isImage ? { image } : {}) });
          return;
        }
      }

      for (const sentence of parsed.sentences) {
        if (sentence.hypothetical || sentence.question) continue;
        const inSentence = (m: Span) => m.start >= sentence.start && m.end <= sentence.end;
        const custody = secureHits.filter(inSentence);
        const named = facilityName ? facilityName.test(sentence.text) : false;
        if (custody.length === 0 && !named) continue;
        const all = distinct([...custody, ...parsed.find(places).filter(inSentence)]);
        if (RELATION.test(sentence.text) && all.length >= 2) {
          context.report({ messageId: 'route', data: { excerpt: clip(sentence.text) }, span: parsed.slice(sentence.start, sentence.end), ...(isImage ? { image } : {}) });
          return;
        }
        if (VIEW.test(sentence.text) && custody.some((m) => /compound|yard|tower|perimeter|fence|wire|block|unit/i.test(m.text))) {
          context.report({ messageId: 'grounds', data: { what: distinct(custody).join(', ') }, span: parsed.slice(sentence.start, sentence.end), ...(isImage ? { image } : {}) });
          return;
        }
      }

      // A photo caption that shows the grounds (two perimeter or yard elements) or the inside of a
      // secure area; text that merely names such a place does not describe the facility.
      if (isImage) {
        const perimeter = distinct(secureHits.filter((m) => /yard|tower|perimeter|fence|wire|compound/i.test(m.text)));
        if (perimeter.length >= 2) {
          context.report({ messageId: 'grounds', data: { what: perimeter.join(', ') }, image });
          return;
        }
        const interior = distinct(secureHits.filter((m) => !/yard|tower|perimeter|fence|wire|compound/i.test(m.text) && !/^(?:tiers?|pods?|dorms?)$/i.test(m.text)));
        if (interior.length > 0 && /\b(?:hallway|corridor|row|rows|lined|doors?|inside|interior|view|room|area|wall)\b/i.test(parsed.folded)) {
          context.report({ messageId: 'interior', data: { what: interior.join(', ') }, image });
        }
      }
    }

    return {
      text() {
        for (const evidence of context.evidence()) checkEvidence(evidence);
      },
      image(facts, index) {
        if (!options.useGps || !facts.gps) return;
        const hit = facilityAt(facts.gps, context.facilities, { defaultAccuracyM: options.defaultAccuracyM, maxAccuracyM: options.maxAccuracyM });
        if (!hit) return;
        const accuracy = facts.gps.accuracyM !== undefined ? Math.round(facts.gps.accuracyM) : undefined;
        if (hit.inside) {
          context.report({ messageId: 'insideFacility', data: { facility: hit.facility.name, accuracy: accuracy !== undefined ? ` (±${accuracy} m)` : '' }, image: index });
        } else {
          context.report({ messageId: 'nearFacility', data: { facility: hit.facility.name, distance: Math.round(hit.distanceM), accuracy: Math.round(hit.accuracyM) }, image: index });
        }
      },
    };
  },
});

function clip(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > 90 ? `${t.slice(0, 87)}…` : t;
}
