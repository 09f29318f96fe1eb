#!/usr/bin/env bash
# Builds static ICU for wasm from Debian's icu source package, with its data
# cut to the items listed in wasm/icu-data-items.txt, into the prefix $1.
# Also places nlohmann_json's CMake package there for the cross build.
source "$(dirname "$0")/common.sh"
prefix="$1"
work="$CACHE_DIR/icu-work"
rm -rf "$work" "$prefix"
mkdir -p "$work/apt/lists/partial" "$work/apt/sources.list.d" "$prefix"

# A deb-src entry of our own, used only by these apt calls.
cat > "$work/apt/sources.list.d/isnad-src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
APT_OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work/apt/sources.list.d"
          -o "Dir::State::Lists=$work/apt/lists" -o "APT::Sandbox::User=root")
say "Fetching Debian's icu source package"
apt-get "${APT_OPTS[@]}" update -qq
(cd "$work" && apt-get "${APT_OPTS[@]}" source --download-only -qq "icu=$(dpkg-query -W -f='${Version}' libicu-dev)")
tar -xf "$(ls "$work"/icu_*.orig.tar.* | grep -v "\.asc$" | head -n1)" -C "$work"
src="$(dirname "$(find "$work" -maxdepth 3 -name configure -path '*source*' | head -n1)")"

say "ICU: native build (tools for the cross build)"
mkdir -p "$work/native" && cd "$work/native"
"$src/configure" --disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex -q > /dev/null
make -j"$JOBS" -s > /dev/null

say "ICU: WebAssembly build"
mkdir -p "$work/wasm" && cd "$work/wasm"
emconfigure "$src/configure" --host=wasm32-unknown-linux-gnu --with-cross-build="$work/native" \
  --enable-static --disable-shared --with-data-packaging=static --disable-tools --disable-tests \
  --disable-samples --disable-extras --disable-icuio --disable-layoutex --prefix="$prefix" \
  CFLAGS="-Os" CXXFLAGS="-Os" -q > /dev/null
emmake make -j"$JOBS" -s DATASUBDIR= > /dev/null
emmake make -s install DATASUBDIR= > /dev/null

say "ICU: data cut to $(wc -l < "$ROOT/wasm/icu-data-items.txt") items"
dat="$(find "$src/data/in" -name 'icudt*l.dat' | head -n1)"
name="$(basename "$dat" l.dat)"  # icudt72
mkdir -p "$work/data/items" && cd "$work/data"
icupkg -x "$ROOT/wasm/icu-data-items.txt" -d items "$dat"
icupkg -tl -s items -a "$ROOT/wasm/icu-data-items.txt" new "$name.dat"
genccode -d . "$name.dat"
emcc -Os -c "${name}_dat.c" -o "${name}_dat.o"
emar rcs "$prefix/lib/libicudata.a" "${name}_dat.o"

mkdir -p "$prefix/include" "$prefix/share/cmake"
cp -r /usr/include/nlohmann "$prefix/include/"
cp -r /usr/share/cmake/nlohmann_json "$prefix/share/cmake/"
touch "$prefix/.complete"
rm -rf "$work"
say "ICU for WebAssembly ready: $prefix"
