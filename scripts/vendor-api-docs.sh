#!/usr/bin/env bash
# Vendors Swagger UI (pinned by api/vendor/package-lock.json) into static/api/vendor/swagger-ui/,
# so the interactive API docs load nothing from the internet. Run after changing the pinned version;
# the copied files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix api/vendor --no-audit --no-fund --ignore-scripts
src=api/vendor/node_modules/swagger-ui-dist
dest=static/api/vendor/swagger-ui
rm -rf "$dest" && mkdir -p "$dest"
cp "$src/swagger-ui-bundle.js" "$src/swagger-ui.css" "$src/LICENSE" "$src/favicon-32x32.png" "$dest/"
# The source maps are not shipped: drop the comments that would ask for them.
sed -i '/sourceMappingURL=/d' "$dest/swagger-ui.css" "$dest/swagger-ui-bundle.js"
version=$(node -p "require('./$src/package.json').version")
echo "swagger-ui-dist $version (Apache-2.0), from the npm registry via scripts/vendor-api-docs.sh" > "$dest/VERSION"
rm -rf api/vendor/node_modules
echo "Vendored swagger-ui-dist $version into $dest"
