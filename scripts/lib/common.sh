# Shared by the entry points in scripts/: paths, logging, the ICU cache key.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/isnad"
JOBS="$(nproc 2>/dev/null || echo 2)"
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export DEBIAN_FRONTEND=noninteractive

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

icu_version() { dpkg-query -W -f='${Version}' libicu-dev 2>/dev/null | sed 's/-.*//'; }

# The ICU-for-wasm prefix, keyed by the ICU version and the data items kept.
icu_wasm_prefix() {
  local key
  key="$(sha256sum "$ROOT/wasm/icu-data-items.txt" "$ROOT/scripts/lib/build-icu-wasm.sh" | sha256sum | cut -c1-12)"
  echo "$CACHE_DIR/icu-wasm-$(icu_version)-$key"
}
