#!/usr/bin/env bash
# Runs every test. Installs the Debian packages the tests need when they are missing
# (real Prometheus, VictoriaMetrics and node_exporter), then runs `mvn -B verify`.
# Extra arguments go to Maven, e.g. ./test.sh -pl ingest -am
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

packages=(prometheus victoria-metrics prometheus-node-exporter)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec mvn -B verify "$@"
