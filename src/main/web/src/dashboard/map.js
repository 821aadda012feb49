// The operation's map, drawn as SVG with no network but this server: country outlines (Natural Earth, bundled as
// /assets/countries-50m.json), fitted to the operation's sites wherever they are; each movement drawn from its
// origin through its checkpoints to its destination, the solid part being its progress; convoys grouped at their
// last known site. Optional tiles come from a same-origin address template (the page's CSP allows no other).
import { geoBounds, geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { localName, number, t } from "../shared/i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 800;
const HEIGHT = 480;

let countries = null; // [{feature, bounds}] once loaded
let countriesPromise = null;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function loadCountries() {
  if (!countriesPromise) {
    countriesPromise = fetch("/assets/countries-50m.json", { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((topology) => {
        const collection = feature(topology, topology.objects.countries);
        countries = collection.features.map((country) => ({ feature: country, bounds: geoBounds(country) }));
        return countries;
      });
    countriesPromise.catch(() => {
      countriesPromise = null; // let a later render try again
    });
  }
  return countriesPromise;
}

/** [lon, lat] of a site (the definition gives [lat, lon]), or null. */
function position(site) {
  return Array.isArray(site?.location) && site.location.length === 2 ? [site.location[1], site.location[0]] : null;
}

/** The box around the sites, widened so that a single site or a tight cluster still shows its surroundings. */
function extentOf(points) {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const margin = Math.max(0.35, (east - west) * 0.2, (north - south) * 0.2);
  return [
    [Math.max(-180, west - margin), Math.max(-80, south - margin)],
    [Math.min(180, east + margin), Math.min(84, north + margin)],
  ];
}

function overlaps(bounds, [[west, south], [east, north]]) {
  const [[w, s], [e, n]] = bounds;
  if (n < south || s > north) return false;
  if (w > e) return true; // crosses the antimeridian: keep it, the clip does the rest
  return !(e < west || w > east);
}

/** The projection fitted to the operation, remembered per operation (the sites do not move). */
const projections = new Map();
function projectionFor(definition) {
  const key = definition.id + JSON.stringify(definition.sites.map((s) => s.location));
  let fitted = projections.get(key);
  if (!fitted) {
    const points = definition.sites.map(position).filter(Boolean);
    const extent = extentOf(points.length ? points : [[0, 0]]);
    const projection = geoMercator()
      .fitExtent(
        [
          [16, 16],
          [WIDTH - 16, HEIGHT - 16],
        ],
        { type: "MultiPoint", coordinates: [extent[0], extent[1], [extent[0][0], extent[1][1]], [extent[1][0], extent[0][1]]] },
      )
      .clipExtent([
        [0, 0],
        [WIDTH, HEIGHT],
      ]);
    fitted = { projection, extent, outlines: null };
    projections.set(key, fitted);
  }
  return fitted;
}

function outlinesFor(fitted) {
  if (!fitted.outlines && countries) {
    const path = geoPath(fitted.projection);
    // A lookup extent a good deal wider than the view, so that neighbours at the edges are drawn.
    const [[w, s], [e, n]] = fitted.extent;
    const wide = [
      [w - (e - w), s - (n - s)],
      [e + (e - w), n + (n - s)],
    ];
    fitted.outlines = countries
      .filter((country) => overlaps(country.bounds, wide))
      .map((country) => ({ d: path(country.feature), name: country.feature.properties?.name || "" }))
      .filter((outline) => outline.d);
  }
  return fitted.outlines || [];
}

/** Web-Mercator tiles under the view, at the zoom closest to the projection's scale. */
function tiles(fitted, template) {
  const projection = fitted.projection;
  const zoomExact = Math.log2((2 * Math.PI * projection.scale()) / 256);
  const zoom = Math.max(0, Math.min(19, Math.round(zoomExact)));
  const size = 256 * 2 ** (zoomExact - zoom);
  const world = 256 * 2 ** zoomExact; // pixels round the world at this scale
  const [originX, originY] = projection([-180, 85.0511287798]); // the tile grid's top-left corner
  const images = [];
  const count = 2 ** zoom;
  const firstX = Math.floor(-originX / size);
  const firstY = Math.max(0, Math.floor(-originY / size));
  for (let y = firstY; y * size + originY < HEIGHT && y < count; y++) {
    for (let x = firstX; x * size + originX < WIDTH; x++) {
      const wrapped = ((x % count) + count) % count;
      const href = template.replace("{z}", zoom).replace("{x}", wrapped).replace("{y}", y);
      images.push(svg("image", { href, x: originX + x * size, y: originY + y * size, width: size, height: size }));
    }
  }
  return world > 0 ? images : [];
}

/**
 * Draws the map into container. state: {definition, tallies, convoys, tiles (same-origin template or "")}.
 * Returns the time it took in milliseconds.
 */
export function drawMap(container, { definition, tallies, convoys, tiles: template }) {
  const started = performance.now();
  const fitted = projectionFor(definition);
  const project = (site) => {
    const at = position(site);
    return at ? fitted.projection(at) : null;
  };
  const sites = new Map(definition.sites.map((site) => [site.id, site]));
  const root = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-labelledby": "map-title map-desc",
    class: "map-svg",
  });
  root.append(svg("title", { id: "map-title" }, t("map")), svg("desc", { id: "map-desc" }, t("mapHelp")));
  root.append(svg("rect", { class: "sea", x: 0, y: 0, width: WIDTH, height: HEIGHT }));
  if (template) root.append(svg("g", { class: "tiles" }, ...tiles(fitted, template)));
  const land = svg("g", { class: template ? "land over-tiles" : "land" });
  for (const outline of outlinesFor(fitted)) land.append(svg("path", { d: outline.d }));
  root.append(land);

  // Movements: origin, then checkpoints, then destination; the solid stroke is progress.
  const progress = new Map((tallies?.movements || []).map((m) => [m.id, m]));
  const routes = svg("g", { class: "routes" });
  for (const agreement of definition.agreements || []) {
    for (const movement of agreement.movements || []) {
      const stops = [movement.from, ...(movement.via || []), movement.to].map((id) => project(sites.get(id))).filter(Boolean);
      if (stops.length < 2) continue;
      const d = `M${stops.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}`;
      const tally = progress.get(movement.id);
      const done = Math.max(0, Math.min(1, tally?.progress || 0));
      const status = tally?.status || "pending";
      const group = svg("g", { class: `route status-${status}` });
      group.append(
        svg("title", {}, `${movementName(definition, movement)}: ${number(tally?.evacuated ?? 0)} / ${number(movement.quota)}`),
        svg("path", { d, class: "route-all", pathLength: 1 }),
        svg("path", { d, class: "route-done", pathLength: 1, "stroke-dasharray": `${done} 1` }),
      );
      routes.append(group);
    }
  }
  root.append(routes);

  const marks = svg("g", { class: "sites" });
  for (const site of definition.sites) {
    const at = project(site);
    if (!at) continue;
    const kind = ["origin", "checkpoint"].includes(site.kind) ? site.kind : "destination";
    const mark =
      kind === "checkpoint"
        ? svg("rect", { x: at[0] - 5, y: at[1] - 5, width: 10, height: 10, transform: `rotate(45 ${at[0]} ${at[1]})` })
        : svg("circle", { cx: at[0], cy: at[1], r: 6 });
    marks.append(svg("g", { class: `site site-${kind}` }, svg("title", {}, localName(site.name)), mark));
  }
  root.append(marks);

  // Convoys at their last known site, one mark per site and status (so a thousand convoys are a few marks).
  const groups = new Map();
  for (const convoy of convoys || []) {
    const key = `${convoy.lastSite}|${convoy.status}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { site: convoy.lastSite, status: convoy.status, ids: [] }));
    group.ids.push(convoy.id);
  }
  const offsets = { departed: [12, -12], halted: [12, 12], arrived: [-12, -12] };
  const convoyMarks = svg("g", { class: "convoys" });
  for (const group of groups.values()) {
    const at = project(sites.get(group.site));
    if (!at) continue;
    const [dx, dy] = offsets[group.status] || [0, -14];
    const x = at[0] + dx;
    const y = at[1] + dy;
    const r = 7 + Math.min(12, Math.sqrt(group.ids.length) * 2);
    const names = group.ids.slice(0, 12).join(", ") + (group.ids.length > 12 ? "…" : "");
    convoyMarks.append(
      svg(
        "g",
        { class: `convoy-mark convoy-${group.status}`, "data-site": group.site, "data-count": group.ids.length },
        svg("title", {}, `${localName(sites.get(group.site)?.name)} · ${t(`status.${group.status}`)} · ${t("convoysCount", { n: number(group.ids.length) })}: ${names}`),
        svg("circle", { cx: x, cy: y, r }),
        svg("text", { x, y, "text-anchor": "middle", "dominant-baseline": "central" }, number(group.ids.length)),
      ),
    );
  }
  root.append(convoyMarks);

  // Site labels last, above everything; placed after the mark in the reading direction.
  const labels = svg("g", { class: "labels" });
  const placed = [];
  for (const site of definition.sites) {
    const at = project(site);
    if (!at) continue;
    // Skip a label that would sit on one already drawn (sites a kilometre apart at a country's scale).
    if (placed.some(([x, y]) => Math.abs(x - at[0]) < 60 && Math.abs(y - at[1]) < 14)) continue;
    placed.push(at);
    labels.append(svg("text", { x: at[0], y: at[1] + 20, "text-anchor": "middle" }, localName(site.name)));
  }
  root.append(labels);

  container.replaceChildren(root);
  return performance.now() - started;
}

/** A movement's name: "origin → destination" in the chosen language (movements carry no name of their own). */
export function movementName(definition, movement) {
  const site = (id) => localName(definition.sites.find((s) => s.id === id)?.name) || id;
  const arrow = document.documentElement.dir === "rtl" ? " ← " : " → ";
  return `${site(movement.from)}${arrow}${site(movement.to)}`;
}
