# Shared by the entry points in scripts/: paths, logging, the ICU cache key.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/isnad"
JOBS="$(nproc 2>/dev/null || echo 2)"
# Emscripten's optimised links need Debian's acorn, which a Node.js not from
# Debian does not find by itself.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export DEBIAN_FRONTEND=noninteractive

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ICU's upstream version as Debian ships it (e.g. 72.1).
icu_version() { dpkg-query -W -f='${Version}' libicu-dev 2>/dev/null | sed 's/-.*//'; }

# The ICU-for-wasm prefix, keyed by the ICU version and the data items kept
# (wasm/icu-data-items.txt). cmake/IsnadWasm.cmake computes the same path.
icu_wasm_prefix() {
  local key
  key="$(sha256sum < "$ROOT/wasm/icu-data-items.txt" | cut -c1-12)"
  echo "$CACHE_DIR/icu-wasm-$(icu_version)-$key"
}

# Bumped when scripts/lib/build-icu-wasm.sh changes what it puts in the prefix:
# a prefix built by another recipe is rebuilt.
ICU_WASM_RECIPE=3
icu_wasm_ready() { [ "$(cat "$1/.complete" 2>/dev/null)" = "$ICU_WASM_RECIPE" ]; }

# Runs a long command with its output appended to a log, printing a progress
# line every 30 s; on failure shows the end of the log.
# Usage: run_logged LABEL LOG DIR COMMAND... (object files in DIR are counted)
run_logged() {
  local label="$1" log="$2" dir="$3" start="$SECONDS" ticker status=0
  shift 3
  (
    while sleep 30; do
      printf '    %s: %ds, %d objects so far\n' "$label" "$((SECONDS - start))" \
        "$(find "$dir" \( -name '*.o' -o -name '*.ao' \) 2>/dev/null | wc -l)"
    done
  ) &
  ticker=$!
  "$@" >> "$log" 2>&1 || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if ((status)); then
    printf 'error: %s failed (exit %d); the end of %s:\n' "$label" "$status" "$log" >&2
    tail -n 40 "$log" >&2
    return "$status"
  fi
  printf '    %s: done in %ds\n' "$label" "$((SECONDS - start))"
}
