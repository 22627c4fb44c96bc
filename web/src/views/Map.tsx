import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { useMemo, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { api, type Place } from '../api.js';
import { PagedList, Status } from '../components/common.js';
import { articleHref, entityHref, formatDate, plural } from '../format.js';
import { useLoad } from '../load.js';
import { placeShape, type PlaceShape } from '../places.js';

const W = 960;
const H = 500;

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

/** Drawing order: countries, then regions, then facilities and points, the larger first so none hides a smaller one. */
const LAYER: Record<PlaceShape['kind'], number> = { country: 0, area: 1, facility: 2, point: 2, none: 3 };

/** Degrees kept around the places when the map is fitted to them. */
const MARGIN = 12;

/**
 * The bundled country shapes (no tiles, no network) projected to fit the whole world, or the
 * region around the given places.
 */
function useWorld(all: Place[] | null) {
  return useMemo(() => {
    const projection = geoNaturalEarth1();
    // A continent is not drawn, so it does not widen the frame either; nor does a country's
    // centre (Russia's lies in Siberia) when anything narrower is on the map.
    const drawn = all?.filter((p) => p.subtype !== 'continent');
    const narrow = drawn?.filter((p) => p.subtype !== 'country');
    const places = narrow?.length ? narrow : drawn;
    if (places?.length) {
      const lons = places.map((p) => p.coords[1]);
      const lats = places.map((p) => p.coords[0]);
      const [west, east] = [Math.max(-180, Math.min(...lons) - MARGIN), Math.min(180, Math.max(...lons) + MARGIN)];
      const [south, north] = [Math.max(-85, Math.min(...lats) - MARGIN), Math.min(85, Math.max(...lats) + MARGIN)];
      // All four corners: the projection bends meridians, so two opposite corners can leave a
      // place near the others outside the frame.
      const box = {
        type: 'MultiPoint' as const,
        coordinates: [
          [west, south],
          [west, north],
          [east, south],
          [east, north],
        ],
      };
      projection.fitSize([W, H], box);
    } else {
      projection.fitSize([W, H], countries);
    }
    return { projection, path: geoPath(projection) };
  }, [all]);
}

/**
 * Where the stored events happened: a city, town or facility as a point (a circle, a facility a
 * square) sized by its event count, a country as its shape, a region or sea as a shaded area
 * around its centre; continents only in the list.
 */
export function MapView() {
  const loaded = useLoad((s) => api.places(s), []);
  const [whole, setWhole] = useState(false);
  const world = useWorld(loaded.state === 'done' && !whole ? loaded.data.items : null);
  const [selected, setSelected] = useState<Place | null>(null);
  const [hover, setHover] = useState<Place | null>(null);
  return (
    <div class="map-page">
      <h1>Map of event places</h1>
      <Status loaded={loaded}>
        {(page) => {
          const max = Math.max(1, ...page.items.map((p) => p.events));
          return (
            <div class="map-layout">
              <svg class="world" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="world map of event places">
                <path d={world.path(geoGraticule10()) ?? ''} class="graticule" />
                {countries.features.map((f, i) => (
                  <path key={i} d={world.path(f) ?? ''} class="country" />
                ))}
                {/* Areas first, so that the points in them stay on top and clickable. */}
                {page.items
                  .map((p) => ({ p, shape: placeShape(p, countries.features) }))
                  .sort((a, b) => LAYER[a.shape.kind] - LAYER[b.shape.kind] || b.p.events - a.p.events)
                  .map(({ p, shape }) => {
                    const common = {
                      class: `place ${shape.kind}${selected?.id === p.id ? ' selected' : ''}`,
                      'data-place': p.id,
                      'data-shape': shape.kind,
                      onMouseEnter: () => setHover(p),
                      onMouseLeave: () => setHover(null),
                      onClick: () => setSelected(p),
                    };
                    const title = <title>{`${p.name}: ${plural(p.events, 'event')}`}</title>;
                    if (shape.kind === 'none') return null;
                    if (shape.kind === 'country' || shape.kind === 'area') {
                      return (
                        <path key={p.id} d={world.path(shape.shape) ?? ''} {...common}>
                          {title}
                        </path>
                      );
                    }
                    const xy = world.projection([p.coords[1], p.coords[0]]);
                    if (!xy) return null;
                    const r = 4 + 14 * Math.sqrt(p.events / max);
                    if (shape.kind === 'facility') {
                      return (
                        <rect key={p.id} x={xy[0] - r * 0.8} y={xy[1] - r * 0.8} width={r * 1.6} height={r * 1.6} {...common}>
                          {title}
                        </rect>
                      );
                    }
                    return (
                      <circle key={p.id} cx={xy[0]} cy={xy[1]} r={r} {...common}>
                        {title}
                      </circle>
                    );
                  })}
              </svg>
              <aside class="map-side">
                <button onClick={() => setWhole(!whole)}>{whole ? 'Zoom to the places' : 'Whole world'}</button>
                {hover && !selected && <PlaceCard place={hover} />}
                {selected ? <PlaceEvents place={selected} /> : <p class="muted">{page.items.length ? 'Click a place to list its events.' : 'No geocoded event places yet.'}</p>}
                <ul class="place-list">
                  {page.items.map((p) => (
                    <li key={p.id}>
                      <button class="link" onClick={() => setSelected(p)}>
                        {p.name}
                      </button>{' '}
                      <span class="muted">
                        {plural(p.events, 'event')}
                        {p.subtype === 'continent' && ' · a continent, not drawn'}
                      </span>
                    </li>
                  ))}
                </ul>
              </aside>
            </div>
          );
        }}
      </Status>
    </div>
  );
}

/** Degrees shown around a place on its entity page. */
const AROUND = 8;

/** A small map of one place for its entity page, drawn as the map of event places draws it. */
export function PlaceMap({ place }: { place: Pick<Place, 'name' | 'type' | 'subtype' | 'coords'> }) {
  const view = useMemo(() => {
    const shape = placeShape(place, countries.features);
    if (shape.kind === 'none') return null;
    const [lat, lon] = place.coords;
    // Centred on the place's meridian, so that no country is cut where the map ends (Russia).
    const projection = geoNaturalEarth1().rotate([-lon, 0]);
    const around = { type: 'MultiPoint' as const, coordinates: [[lon - AROUND, lat - AROUND / 2], [lon + AROUND, lat + AROUND / 2]] };
    projection.fitSize([320, 200], shape.kind === 'country' ? shape.shape : around);
    return { shape, projection, path: geoPath(projection), xy: projection([lon, lat]) };
  }, [place]);
  if (!view) return null;
  const { shape, path, xy } = view;
  return (
    <svg class="world place-map" viewBox="0 0 320 200" role="img" aria-label={`map of ${place.name}`}>
      {countries.features.map((f, i) => (
        <path key={i} d={path(f) ?? ''} class="country" />
      ))}
      {shape.kind === 'country' || shape.kind === 'area' ? (
        <path d={path(shape.shape) ?? ''} class={`place ${shape.kind}`} data-shape={shape.kind} />
      ) : (
        xy && (shape.kind === 'facility' ? <rect x={xy[0] - 5} y={xy[1] - 5} width={10} height={10} class="place facility" data-shape="facility" /> : <circle cx={xy[0]} cy={xy[1]} r={5} class="place point" data-shape="point" />)
      )}
    </svg>
  );
}

function PlaceCard({ place }: { place: Place }) {
  return (
    <div class="place-card">
      <strong>{place.name}</strong> <span class="muted">{place.country}</span>
      <p>{place.types.map((t) => `${t.type.replace(/_/g, ' ')} ${t.count}`).join(' · ')}</p>
    </div>
  );
}

function PlaceEvents({ place }: { place: Place }) {
  const loaded = useLoad((s) => api.events({ place: place.id, limit: 30 }, s), [place.id]);
  return (
    <div class="place-events">
      <h2>
        <a href={entityHref(place.id)}>{place.name}</a>
      </h2>
      <Status loaded={loaded}>
        {(page) => (
          <PagedList
            key={place.id}
            first={page}
            more={(cursor) => api.events({ place: place.id, limit: 30, cursor })}
            render={(e) => (
              <div key={`${e.article}/${e.event}`} class="event-row">
                <strong>{e.type.replace(/_/g, ' ')}</strong> “{e.trigger}” <span class="muted">{e.status}</span>
                {e.actor && <> · {e.actor.name}</>} · {formatDate(e.time ?? e.published)} · <a href={articleHref(e.article)}>{e.title ?? 'article'}</a>
              </div>
            )}
            empty="No events."
          />
        )}
      </Status>
    </div>
  );
}
