// Is a photo's GPS position at one of the agency's facilities? A facility is a circle (centre +
// radius) and/or a GeoJSON Polygon/MultiPolygon (lon/lat order, holes allowed). The position counts
// as inside when it is inside the shape or within the GPS accuracy radius of its edge: a fix of
// ±30 m that lands 20 m outside the fence may well have been taken inside it.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Facility, GeoJsonMultiPolygon, GeoJsonPolygon } from '../engine/types';

export interface GeoPosition {
  lat: number;
  lon: number;
  /** Horizontal accuracy radius in metres (EXIF GPSHPositioningError), when known. */
  accuracyM?: number;
}

export interface FacilityHit {
  facility: Facility;
  /** True when the position itself is inside the shape; false when only the accuracy radius reaches it. */
  inside: boolean;
  /** Distance in metres from the position to the shape (0 when inside). */
  distanceM: number;
  /** The accuracy radius that was allowed for. */
  accuracyM: number;
}

export interface GeofenceOptions {
  /** Accuracy assumed when the photo gives none (default 0: only the position itself counts). */
  defaultAccuracyM?: number;
  /** Larger accuracy radii are capped here, so a coarse fix does not spread over a whole town (default 100). */
  maxAccuracyM?: number;
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two positions. */
export function haversineM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isValidPosition(p: { lat?: unknown; lon?: unknown }): p is { lat: number; lon: number } {
  return typeof p.lat === 'number' && typeof p.lon === 'number' && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180 && Number.isFinite(p.lat) && Number.isFinite(p.lon);
}

type Ring = [number, number][];

/** A ring as closed [lon, lat] positions, or null when it is malformed. */
function closedRing(ring: unknown): Ring | null {
  if (!Array.isArray(ring) || ring.length < 3) return null;
  const points: Ring = [];
  for (const p of ring) {
    if (!Array.isArray(p) || !isValidPosition({ lon: p[0], lat: p[1] })) return null;
    points.push([p[0] as number, p[1] as number]);
  }
  const [first, last] = [points[0]!, points[points.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) points.push(first);
  return points.length >= 4 ? points : null;
}

/** The polygons of a facility (outer ring, then holes); a polygon whose outer ring is malformed is left out. */
function polygonsOf(shape: GeoJsonPolygon | GeoJsonMultiPolygon | undefined): Ring[][] {
  if (!shape || typeof shape !== 'object' || !Array.isArray(shape.coordinates)) return [];
  const polygons: unknown[] = shape.type === 'MultiPolygon' ? shape.coordinates : shape.type === 'Polygon' ? [shape.coordinates] : [];
  const out: Ring[][] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    const outer = closedRing(polygon[0]);
    if (!outer) continue;
    const holes = polygon.slice(1).map(closedRing).filter((r): r is Ring => r !== null);
    out.push([outer, ...holes]);
  }
  return out;
}

/**
 * Distance in metres from a position to the nearest edge of any ring, on a local flat projection
 * around the position (exact enough at facility scale; no facility straddles a pole or the antimeridian).
 */
function distanceToEdgesM(p: { lat: number; lon: number }, polygons: Ring[][]): number {
  const mPerDegLat = (Math.PI * EARTH_RADIUS_M) / 180;
  const mPerDegLon = mPerDegLat * Math.cos(toRad(p.lat));
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const ax = (ring[i]![0] - p.lon) * mPerDegLon;
        const ay = (ring[i]![1] - p.lat) * mPerDegLat;
        const bx = (ring[i + 1]![0] - p.lon) * mPerDegLon;
        const by = (ring[i + 1]![1] - p.lat) * mPerDegLat;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** How a position relates to one facility, or null when the facility is out of reach (or has no shape). */
export function checkFacility(position: GeoPosition, facility: Facility, options: GeofenceOptions = {}): FacilityHit | null {
  if (!isValidPosition(position)) return null;
  const accuracyM = Math.min(
    Math.max(0, Number.isFinite(position.accuracyM) ? position.accuracyM! : (options.defaultAccuracyM ?? 0)),
    options.maxAccuracyM ?? 100,
  );
  let best: FacilityHit | null = null;
  const consider = (inside: boolean, distanceM: number) => {
    if (!inside && distanceM > accuracyM) return;
    if (!best || (inside && !best.inside) || (inside === best.inside && distanceM < best.distanceM)) best = { facility, inside, distanceM, accuracyM };
  };
  if (isValidPosition(facility) && typeof facility.radiusM === 'number' && facility.radiusM > 0) {
    const d = haversineM(position, facility) - facility.radiusM;
    consider(d <= 0, Math.max(0, d));
  }
  const polygons = polygonsOf(facility.polygon);
  if (polygons.length > 0) {
    let inside = false;
    try {
      const shape = { type: 'MultiPolygon' as const, coordinates: polygons };
      inside = booleanPointInPolygon([position.lon, position.lat], shape);
    } catch {
      // A degenerate polygon the library rejects: only the distance to its edges counts.
    }
    consider(inside, inside ? 0 : distanceToEdgesM(position, polygons));
  }
  return best;
}

/** The facility a position is at: inside ones first, then the nearest within the accuracy radius. */
export function facilityAt(position: GeoPosition, facilities: readonly Facility[], options: GeofenceOptions = {}): FacilityHit | null {
  let best: FacilityHit | null = null;
  for (const facility of facilities) {
    const hit = checkFacility(position, facility, options);
    if (!hit) continue;
    if (!best || (hit.inside && !best.inside) || (hit.inside === best.inside && hit.distanceM < best.distanceM)) best = hit;
  }
  return best;
}
