import { describe, expect, it } from 'vitest';
import { checkFacility, facilityAt, haversineM } from '../../rules/detectors/geofence';
import type { Facility } from '../../rules/engine/types';

// Metres per degree at these latitudes, for building test points at known distances.
const M_PER_DEG_LAT = (Math.PI * 6_371_008.8) / 180;
const north = (p: { lat: number; lon: number }, metres: number) => ({ lat: p.lat + metres / M_PER_DEG_LAT, lon: p.lon });
const east = (p: { lat: number; lon: number }, metres: number) => ({
  lat: p.lat,
  lon: p.lon + metres / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)),
});

const prison = { name: 'Montana State Prison', lat: 46.3905, lon: -112.7597, radiusM: 600 } satisfies Facility;

// A 1 km square yard (lon/lat order) with a 200 m square hole in the middle (a parcel that is not the facility).
const centre = { lat: 41.8127, lon: -72.6392 };
const square = (half: number) => {
  const sw = east(north(centre, -half), -half);
  const ne = east(north(centre, half), half);
  return [
    [sw.lon, sw.lat],
    [ne.lon, sw.lat],
    [ne.lon, ne.lat],
    [sw.lon, ne.lat],
    [sw.lon, sw.lat],
  ];
};
const withHole: Facility = { name: 'Harwell Hill', polygon: { type: 'Polygon', coordinates: [square(500), square(100)] } };

describe('haversineM', () => {
  it('measures metres on the mean-radius sphere', () => {
    expect(haversineM(centre, north(centre, 700))).toBeCloseTo(700, 0);
    expect(haversineM(centre, east(centre, 250))).toBeCloseTo(250, 0);
    expect(haversineM(centre, centre)).toBe(0);
  });
});

describe('circle geofences', () => {
  it('counts the centre and a point just inside the radius', () => {
    expect(checkFacility(prison, prison)).toMatchObject({ inside: true, distanceM: 0 });
    expect(checkFacility(north(prison, 599), prison)?.inside).toBe(true);
  });

  it('counts a point on the boundary (a millimetre in) as inside', () => {
    const hit = checkFacility(north(prison, 600 - 1e-3), prison);
    expect(hit?.inside).toBe(true);
  });

  it('leaves out a point just outside the radius when no accuracy is given', () => {
    expect(checkFacility(north(prison, 605), prison)).toBeNull();
  });

  it('widens the circle by the GPS accuracy radius', () => {
    const p = north(prison, 640);
    expect(checkFacility({ ...p, accuracyM: 30 }, prison)).toBeNull();
    const hit = checkFacility({ ...p, accuracyM: 50 }, prison);
    expect(hit).toMatchObject({ inside: false, accuracyM: 50 });
    expect(hit!.distanceM).toBeCloseTo(40, 0);
  });

  it('caps a coarse accuracy radius so a cell-tower fix does not cover the town', () => {
    const p = north(prison, 900);
    expect(checkFacility({ ...p, accuracyM: 2000 }, prison)).toBeNull();
    expect(checkFacility({ ...p, accuracyM: 2000 }, prison, { maxAccuracyM: 500 })?.inside).toBe(false);
  });

  it('uses a default accuracy only when asked to', () => {
    const p = north(prison, 620);
    expect(checkFacility(p, prison)).toBeNull();
    expect(checkFacility(p, prison, { defaultAccuracyM: 30 })?.inside).toBe(false);
  });

  it('ignores a lake 3 km away', () => {
    expect(checkFacility(east(prison, 3000), prison)).toBeNull();
  });
});

describe('polygon geofences', () => {
  it('finds a point inside the outer ring and outside the hole', () => {
    expect(checkFacility(north(centre, 300), withHole)).toMatchObject({ inside: true, distanceM: 0 });
  });

  it('leaves out a point in the hole', () => {
    expect(checkFacility(centre, withHole)).toBeNull();
    expect(checkFacility(north(centre, 50), withHole)).toBeNull();
  });

  it('counts a point in the hole when the accuracy radius reaches the hole’s edge', () => {
    const p = { ...north(centre, 80), accuracyM: 25 };
    const hit = checkFacility(p, withHole);
    expect(hit).toMatchObject({ inside: false });
    expect(hit!.distanceM).toBeCloseTo(20, 0);
  });

  it('counts a point on the outer boundary as inside', () => {
    const edge = square(500)[0]!;
    expect(checkFacility({ lon: edge[0]!, lat: edge[1]! }, withHole)?.inside).toBe(true);
  });

  it('widens the outer ring by the accuracy radius', () => {
    const p = north(centre, 520);
    expect(checkFacility(p, withHole)).toBeNull();
    expect(checkFacility({ ...p, accuracyM: 25 }, withHole)).toMatchObject({ inside: false });
  });

  it('handles MultiPolygons (two separate compounds)', () => {
    const far = square(50).map(([lon, lat]) => [lon! + 0.05, lat!]);
    const multi: Facility = { name: 'Two sites', polygon: { type: 'MultiPolygon', coordinates: [[square(500), square(100)], [far]] } };
    expect(checkFacility({ lat: centre.lat, lon: centre.lon + 0.05 }, multi)?.inside).toBe(true);
    expect(checkFacility(north(centre, 300), multi)?.inside).toBe(true);
    expect(checkFacility(centre, multi)).toBeNull();
  });

  it('closes an unclosed ring and skips malformed polygons without throwing', () => {
    const open: Facility = { name: 'Open ring', polygon: { type: 'Polygon', coordinates: [square(500).slice(0, 4)] } };
    expect(checkFacility(north(centre, 300), open)?.inside).toBe(true);
    const broken: Facility = { name: 'Broken', polygon: { type: 'Polygon', coordinates: [[[1, 2], ['x', 3]] as never] } };
    expect(checkFacility(centre, broken)).toBeNull();
    const junk = { name: 'Junk', polygon: { type: 'Polygon', coordinates: 'nope' } } as unknown as Facility;
    expect(checkFacility(centre, junk)).toBeNull();
  });
});

describe('facilityAt', () => {
  const near: Facility = { name: 'Near', lat: centre.lat, lon: centre.lon, radiusM: 50 };
  it('prefers a facility the position is inside over one only the accuracy reaches', () => {
    const annex: Facility = { name: 'Annex', ...east(centre, 120), radiusM: 60 };
    const hit = facilityAt({ ...east(centre, 100), accuracyM: 60 }, [near, annex]);
    expect(hit?.facility.name).toBe('Annex');
    expect(hit?.inside).toBe(true);
  });

  it('returns null for invalid positions and facilities without a shape', () => {
    expect(facilityAt({ lat: Number.NaN, lon: 0 }, [near])).toBeNull();
    expect(facilityAt({ lat: 91, lon: 0 }, [near])).toBeNull();
    expect(facilityAt(centre, [{ name: 'Name only', aliases: ['NO'] }])).toBeNull();
  });
});
