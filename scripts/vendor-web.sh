#!/usr/bin/env bash
# Copies the map's front-end dependencies from node_modules into static/web/ (committed, so the
# site and its tests never need npm or the internet). Run after changing package.json:
#   npm ci && scripts/vendor-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/world-atlas ] || npm ci --no-audit --no-fund
vendor=static/web/vendor
mkdir -p "$vendor" static/web/data
# axe-core: accessibility checks, loaded only by the browser tests.
cp node_modules/axe-core/axe.min.js "$vendor/axe.min.js"
cp node_modules/axe-core/LICENSE "$vendor/axe-core.LICENSE"

# Country outlines of Syria, Iraq and their neighbours from Natural Earth (public domain, via
# world-atlas' 1:50m TopoJSON), converted to GeoJSON with coordinates rounded to ~100 m.
node --input-type=module - > static/web/data/countries.geojson <<'JS'
import { readFileSync } from "node:fs";
import { feature } from "topojson-client";

const NEIGHBOURS = {
  "760": "Syria", "368": "Iraq", "792": "Turkey", "400": "Jordan", "422": "Lebanon", "376": "Israel",
  "275": "Palestine", "364": "Iran", "682": "Saudi Arabia", "414": "Kuwait", "196": "Cyprus",
};
const topology = JSON.parse(readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 1000) / 1000);
const features = feature(topology, topology.objects.countries).features
  .filter((f) => f.id in NEIGHBOURS)
  .map((f) => ({
    type: "Feature", id: f.id, properties: { name: NEIGHBOURS[f.id] },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
if (features.length !== Object.keys(NEIGHBOURS).length) {
  throw new Error(`expected ${Object.keys(NEIGHBOURS).length} countries, found ${features.length}`);
}
process.stdout.write(JSON.stringify({
  type: "FeatureCollection",
  attribution: "Natural Earth (public domain), via world-atlas 2.0.2",
  features,
}));
JS
echo "Vendored into $vendor and static/web/data/"
