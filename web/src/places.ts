import { geoCircle, geoContains } from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import type { Place } from './api.js';

/**
 * How the map draws a place: a country as its own shape, a region or sea as an area around its
 * centre (the bundled atlas has no shapes below countries), a city, town or facility as a point,
 * and a continent not at all (a dot in its middle would say the events happened there).
 */
export type PlaceShape = { kind: 'point' } | { kind: 'facility' } | { kind: 'country'; shape: Feature<Geometry> } | { kind: 'area'; shape: Polygon } | { kind: 'none' };

/** Radius in degrees of the area drawn for a region, and for a sea. */
const REGION_RADIUS = 1.5;
const SEA_RADIUS = 3;

export function placeShape(p: Pick<Place, 'type' | 'subtype' | 'coords'>, countries: readonly Feature<Geometry>[]): PlaceShape {
  if (p.type === 'FAC') return { kind: 'facility' };
  if (p.type === 'GPE' && p.subtype !== 'country') return { kind: 'point' };
  if (p.subtype === 'continent') return { kind: 'none' };
  const lonLat: [number, number] = [p.coords[1], p.coords[0]];
  if (p.type === 'GPE') {
    const shape = countries.find((f) => geoContains(f, lonLat));
    if (shape) return { kind: 'country', shape };
  }
  const radius = p.subtype === 'sea' || p.subtype === 'ocean' ? SEA_RADIUS : REGION_RADIUS;
  return { kind: 'area', shape: geoCircle().center(lonLat).radius(radius)() };
}
