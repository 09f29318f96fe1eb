// libFuzzer harness: any bytes through UTF-8 decoding, extraction and JSON,
// checking the invariants of the result contract on every input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>
#include <unicode/utf16.h>

#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check_span(const isnad::Span& s, std::u16string_view text) {
  require(s.start <= s.end && s.end <= text.size());
  // Spans never split a surrogate pair.
  for (uint32_t edge : {s.start, s.end})
    if (edge > 0 && edge < text.size()) require(!(U16_IS_LEAD(text[edge - 1]) && U16_IS_TRAIL(text[edge])));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const isnad::DecodedText decoded =
      isnad::decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size), true);
  const std::u16string& text = decoded.text;
  const isnad::Result result = isnad::extract(text);
  const int speakers = static_cast<int>(result.speakers.size());
  for (size_t i = 0; i < result.claims.size(); ++i) {
    const isnad::Claim& c = result.claims[i];
    check_span(c.content, text);
    if (c.cue) check_span(*c.cue, text);
    if (c.speaker_mention) check_span(*c.speaker_mention, text);
    require(c.speaker >= -1 && c.speaker < speakers);
    require(c.reported_by >= -1 && c.reported_by < speakers);
    require(c.confidence >= 0.0 && c.confidence <= 1.0);
    if (i > 0) require(result.claims[i - 1].content.start <= c.content.start);
  }
  for (const isnad::Entity& e : result.speakers)
    for (const isnad::Span& m : e.mentions) check_span(m, text);

  // The JSON parses back, and in UTF-16 units each span's text is the text's.
  const auto json = nlohmann::json::parse(isnad::to_json(result, text, isnad::OffsetUnit::Utf16));
  require(json["claims"].size() == result.claims.size());
  for (size_t i = 0; i < result.claims.size(); ++i)
    require(json["claims"][i]["content"]["end"].get<uint32_t>() == result.claims[i].content.end);
  // UTF-8 offsets point into the original bytes.
  const auto bytes =
      nlohmann::json::parse(isnad::to_json(result, text, isnad::OffsetUnit::Utf8, decoded.replacements));
  for (const auto& c : bytes["claims"]) require(c["content"]["end"].get<size_t>() <= size);
  return 0;
}
