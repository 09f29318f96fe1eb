#!/usr/bin/env bash
# Builds static ICU for wasm from Debian's icu source package, with its data
# cut to the items listed in wasm/icu-data-items.txt, into the prefix $1, and
# places nlohmann_json's CMake package there for the cross build.
# scripts/setup calls it under a lock. It leaves the machine's apt set-up alone:
# the deb-src entries, package lists and apt cache it uses are its own.
source "$(dirname "$0")/common.sh"
prefix="$1"
items="$ROOT/wasm/icu-data-items.txt"
mkdir -p "$CACHE_DIR"
work="$(mktemp -d "$CACHE_DIR/icu-work.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log="$CACHE_DIR/icu-wasm-build.log"  # kept after a failure
: > "$log"
rm -rf "$prefix"
mkdir -p "$prefix"

# --- Source: Debian's icu source package, of the version libicu-dev has ---
deb_version="$(dpkg-query -W -f='${Version}' libicu-dev)"
srcdir="$CACHE_DIR/icu-source-$deb_version"  # kept: another data filter reuses it
if ! ls "$srcdir"/icu_*.orig.tar.* > /dev/null 2>&1; then
  say "Fetching Debian's icu source package $deb_version"
  apt_dir="$work/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d"
  # deb-src twins of the machine's Debian entries: same mirrors, suites and keys.
  . /etc/os-release
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v codename="$VERSION_CODENAME" '
      function flush() {
        if (para != "" && suites ~ ("(^| )" codename "($|[ -])") && !disabled) print para
        para = ""; suites = ""; disabled = 0
      }
      /^[ \t]*$/ { flush(); next }
      /^#/ { next }
      /^Types:/ { para = para "Types: deb-src\n"; next }
      /^Suites:/ { suites = $0; sub(/^Suites:[ \t]*/, "", suites) }
      /^Enabled:[ \t]*no/ { disabled = 1 }
      { para = para $0 "\n" }
      END { flush() }' "$f"
  done > "$apt_dir/sources.list.d/isnad-src.sources"
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } \
    | awk -v codename="$VERSION_CODENAME" '
        $1 == "deb" {
          i = 2
          if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }  # [ options ]
          if ($(i + 1) ~ ("^" codename "($|-)")) { $1 = "deb-src"; print }
        }' \
    > "$apt_dir/sources.list.d/isnad-src.list"
  [ -s "$apt_dir/sources.list.d/isnad-src.sources" ] || [ -s "$apt_dir/sources.list.d/isnad-src.list" ] \
    || die "no Debian $VERSION_CODENAME entry in /etc/apt to derive a deb-src entry from"
  apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
            -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
            -o "APT::Sandbox::User=root")
  mkdir -p "$work/download"
  { apt-get "${apt_opts[@]}" update -qq &&
    (cd "$work/download" && apt-get "${apt_opts[@]}" source --download-only -qq "icu=$deb_version"); } \
    >> "$log" 2>&1 || { tail -n 20 "$log" >&2; die "fetching the icu source package failed (log: $log)"; }
  rm -rf "$srcdir" && mkdir -p "$srcdir"
  mv "$work"/download/icu_*.orig.tar.* "$srcdir"/
fi
tarball="$(ls "$srcdir"/icu_*.orig.tar.* | grep -v '\.asc$' | head -n1)"
say "ICU: unpacking $(basename "$tarball")"
tar -xf "$tarball" -C "$work"
src="$work/icu/source"
[ -x "$src/configure" ] || die "no icu/source/configure in $tarball"

# --- Native configuration: the cross build reads only its config/icucross.*
# (ICU's own tools serve ICU's data step, which Debian's icupkg and genccode
# replace below).
say "ICU: native configuration for the cross build"
mkdir -p "$work/native"
(cd "$work/native" &&
  "$src/configure" --disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex &&
  make config/icucross.mk config/icucross.inc) >> "$log" 2>&1 \
  || { tail -n 40 "$log" >&2; die "ICU's native configure failed (log: $log)"; }

# --- The WebAssembly build: static libicuuc and libicui18n, without data ---
say "ICU: WebAssembly build (about 3 minutes on 2 cores; a line every 30 s)"
mkdir -p "$work/wasm"
cd "$work/wasm"
run_logged "ICU configure" "$log" "$work/wasm" \
  emconfigure "$src/configure" --host=wasm32-unknown-linux-gnu --with-cross-build="$work/native" \
    --enable-static --disable-shared --with-data-packaging=static --disable-tools --disable-tests \
    --disable-samples --disable-extras --disable-icuio --disable-layoutex --prefix="$prefix" \
    CFLAGS="-Os" CXXFLAGS="-Os"
# DATASUBDIR= skips ICU's data step (its pkgdata emits x86 assembly). The
# GEN_DEPS overrides skip dependency files: useless for a one-off build, and
# slow through emcc.
run_logged "ICU compile" "$log" "$work/wasm" \
  emmake make -j"$JOBS" DATASUBDIR= GEN_DEPS.c=true GEN_DEPS.cc=true
run_logged "ICU install" "$log" "$work/wasm" \
  emmake make install DATASUBDIR= GEN_DEPS.c=true GEN_DEPS.cc=true

# --- The data, cut to what the core uses, as libicudata.a ---
say "ICU: data cut to $(grep -c . "$items") items: $(tr '\n' ' ' < "$items")"
dat="$(find "$src/data/in" -name 'icudt*l.dat' | head -n1)"
[ -n "$dat" ] || die "no prebuilt icudt*l.dat in the source package"
pkg="$(basename "$dat" .dat)"  # icudt72l: ICU looks items up as icudt72l/<item>
name="${pkg%l}"                 # icudt72: ICU's static data symbol is icudt72_dat
mkdir -p "$work/data/items"
cd "$work/data"
# icupkg names the items after the output file (icudt72l/...); root.res names
# every break rule and dictionary, but only the listed ones are shipped, hence
# --ignore-deps. genccode names the C symbol after its input file (icudt72_dat).
rm -f "$prefix/lib/libicudata.a"  # ICU's install leaves its stub data library
{ icupkg -x "$items" -d items "$dat" &&
  icupkg --ignore-deps -tl -s items -a "$items" new "$pkg.dat" &&
  cp "$pkg.dat" "$name.dat" &&
  genccode -d . "$name.dat" &&
  emcc -Os -I"$prefix/include" -c "${name}_dat.c" -o "${name}_dat.o" &&
  emar rcs "$prefix/lib/libicudata.a" "${name}_dat.o"; } >> "$log" 2>&1 \
  || { tail -n 20 "$log" >&2; die "packaging the ICU data failed (log: $log)"; }
printf '    %s.dat: %d bytes\n' "$name" "$(stat -c %s "$name.dat")"

# --- Check: the services the core uses open with this data, under Node ---
cat > check.cpp <<'CPP'
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <cstdio>
#include <memory>
int main() {
  UErrorCode nfkc = U_ZERO_ERROR, word = U_ZERO_ERROR;
  icu::Normalizer2::getNFKCInstance(nfkc);
  std::unique_ptr<icu::BreakIterator> w(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), word));
  std::printf("NFKC %s, word breaks %s\n", u_errorName(nfkc), u_errorName(word));
  return U_FAILURE(nfkc) || U_FAILURE(word);
}
CPP
echo '{ "type": "commonjs" }' > package.json
em++ -std=c++17 -I"$prefix/include" check.cpp "$prefix/lib/libicui18n.a" "$prefix/lib/libicuuc.a" \
  "$prefix/lib/libicudata.a" -o check.js >> "$log" 2>&1 || { tail -n 20 "$log" >&2; die "linking the ICU check failed"; }
printf '    check under Node: ' && node --no-experimental-fetch check.js || die "ICU for wasm does not open its data"

# --- nlohmann_json: header-only; its CMake package files are relocatable ---
mkdir -p "$prefix/include" "$prefix/share/cmake"
cp -r /usr/include/nlohmann "$prefix/include/"
cp -r /usr/share/cmake/nlohmann_json "$prefix/share/cmake/"

echo "$ICU_WASM_RECIPE" > "$prefix/.complete"
say "ICU for WebAssembly ready: $prefix"
