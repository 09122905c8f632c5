#!/usr/bin/env bash
# Installs the Debian packages ControlMap needs, skipping what is already there.
# Usage: scripts/system-packages.sh run|test|bench|topology
set -euo pipefail

# fonts-dejavu-core: the pictures' lettering (pictures/drawing.py); gettext: the catalogues' compiler (locale/)
RUN_PACKAGES=(python3 python3-venv python3-pip gdal-bin libsqlite3-mod-spatialite binutils libproj25 fonts-dejavu-core gettext)
TEST_PACKAGES=(postgresql-15-postgis-3 postgresql-client chromium nodejs)
BENCH_PACKAGES=(wrk nginx openssl)  # the load generator of `make bench`, the front server its map is read through and its certificate
TOPOLOGY_PACKAGES=(nginx redis-server redis-tools)  # the cache tier and shared cache of `make topology`

wanted=("${RUN_PACKAGES[@]}")
[ "${1:-run}" = test ] && wanted+=("${TEST_PACKAGES[@]}")
[ "${1:-run}" = bench ] && wanted+=("${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}")
[ "${1:-run}" = topology ] && wanted+=("${TEST_PACKAGES[@]}" "${TOPOLOGY_PACKAGES[@]}")

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
  echo "Missing Debian packages: ${missing[*]}. Run as root, or install sudo." >&2; exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
if [ ! -e /var/lib/apt/lists/lock ] || [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit)" ]; then
  "${SUDO[@]}" apt-get update -q
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
