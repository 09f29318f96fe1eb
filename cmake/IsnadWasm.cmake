# Settings for the Emscripten build (the wasm-release preset). Included from the
# top-level CMakeLists.txt before any target is defined.
#
# ICU and nlohmann_json for wasm come from the prefix scripts/setup builds:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/isnad/icu-wasm-<ICU version>-<hash of wasm/icu-data-items.txt>
# (scripts/lib/common.sh computes the same path). ISNAD_WASM_PREFIX overrides it.

set(ISNAD_WASM_PREFIX "" CACHE PATH "ICU and nlohmann_json built for wasm (empty: the prefix scripts/setup caches)")

function(isnad_default_wasm_prefix out)
  if(NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(cache_home "$ENV{XDG_CACHE_HOME}")
  else()
    set(cache_home "$ENV{HOME}/.cache")
  endif()
  execute_process(COMMAND dpkg-query -W "-f=\${Version}" libicu-dev
                  OUTPUT_VARIABLE icu_version ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "-.*" "" icu_version "${icu_version}")
  file(SHA256 "${PROJECT_SOURCE_DIR}/wasm/icu-data-items.txt" items_hash)
  string(SUBSTRING "${items_hash}" 0 12 items_hash)
  set(${out} "${cache_home}/isnad/icu-wasm-${icu_version}-${items_hash}" PARENT_SCOPE)
endfunction()

if(ISNAD_WASM_PREFIX)
  set(_isnad_wasm_prefix "${ISNAD_WASM_PREFIX}")
else()
  isnad_default_wasm_prefix(_isnad_wasm_prefix)
endif()
if(NOT EXISTS "${_isnad_wasm_prefix}/.complete")
  message(FATAL_ERROR "No ICU for wasm at ${_isnad_wasm_prefix}: run scripts/setup first")
endif()
message(STATUS "ICU and nlohmann_json for wasm: ${_isnad_wasm_prefix}")
# A build directory configured with another prefix (another ICU data filter)
# would keep linking that one's libraries, found and cached then: find them again.
if(NOT "${_isnad_wasm_prefix}" STREQUAL "${ISNAD_WASM_PREFIX_IN_USE}")
  get_cmake_property(_isnad_cached CACHE_VARIABLES)
  foreach(var IN LISTS _isnad_cached)
    if(var MATCHES "^ICU_" OR var STREQUAL "nlohmann_json_DIR")
      unset(${var} CACHE)
    endif()
  endforeach()
  set(ISNAD_WASM_PREFIX_IN_USE "${_isnad_wasm_prefix}" CACHE INTERNAL "The prefix the cached ICU paths point into")
endif()
list(APPEND CMAKE_FIND_ROOT_PATH "${_isnad_wasm_prefix}")
set(ICU_ROOT "${_isnad_wasm_prefix}")

# Tests run under Node. Node's fetch() cannot read files, and the generated
# glue prefers it when present. The toolchain file caches plain `node` as the
# emulator, hence FORCE; it must be set before the test targets exist.
set(CMAKE_CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch" CACHE STRING "Runs the wasm tests" FORCE)

# Optimised links run a JS minifier that needs Debian's acorn module, which a
# Node.js not from Debian does not find by itself.
set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")

# Code compiled at -O2 rather than -Os: three to four times faster in the
# browser for about 10 KB more brotli. As LLVM bitcode (-flto), it is optimised
# once more as a whole at link time (wasm/CMakeLists.txt): faster still, and
# smaller, since code no caller reaches goes.
add_compile_options($<$<CONFIG:Release>:-O2> $<$<CONFIG:Release>:-flto>)
# Bulk memory (every browser since 2021: Chrome 75, Firefox 79, Safari 15)
# turns memcpy and memset into single memory.copy / memory.fill instructions.
add_compile_options(-mbulk-memory)
add_link_options(-mbulk-memory)

# The repository's package.json says "type": "module", which would make Node
# read the tests' CommonJS glue (*.js) as ES modules; this one, nearer, does not.
file(WRITE "${CMAKE_BINARY_DIR}/package.json" "{ \"type\": \"commonjs\" }\n")
