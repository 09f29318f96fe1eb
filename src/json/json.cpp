#include "json/json.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace isnad {
namespace {

std::string utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

const char* type_name(ClaimType t) {
  switch (t) {
    case ClaimType::Direct: return "direct";
    case ClaimType::Mixed: return "mixed";
    default: return "indirect";
  }
}

const char* kind_name(EntityKind k) {
  switch (k) {
    case EntityKind::Organization: return "organization";
    case EntityKind::Media: return "media";
    case EntityKind::Group: return "group";
    case EntityKind::Document: return "document";
    default: return "person";
  }
}

// Converts UTF-16 offsets to the requested unit in one pass over the text.
class OffsetMap {
 public:
  OffsetMap(const Result& r, std::u16string_view text, OffsetUnit unit, const std::vector<uint32_t>* byte_offsets)
      : unit_(unit), byte_offsets_(unit == OffsetUnit::Utf8 ? byte_offsets : nullptr) {
    if (unit == OffsetUnit::Utf16 || byte_offsets_) return;
    auto add = [&](const Span& s) {
      from_.push_back(s.start);
      from_.push_back(s.end);
    };
    for (const Claim& c : r.claims) {
      add(c.content);
      if (c.cue) add(*c.cue);
      if (c.speaker_mention) add(*c.speaker_mention);
    }
    for (const Entity& e : r.speakers)
      for (const Span& m : e.mentions) add(m);
    std::sort(from_.begin(), from_.end());
    from_.erase(std::unique(from_.begin(), from_.end()), from_.end());
    to_.resize(from_.size());
    size_t i = 0, converted = 0;
    for (size_t k = 0; k < from_.size(); ++k) {
      while (i < from_[k] && i < text.size()) {
        UChar32 c;
        U16_NEXT(text.data(), i, text.size(), c);
        converted += unit == OffsetUnit::CodePoint ? 1 : U8_LENGTH(c);
      }
      to_[k] = converted;
    }
  }

  size_t operator()(uint32_t offset) const {
    if (unit_ == OffsetUnit::Utf16) return offset;
    if (byte_offsets_) return (*byte_offsets_)[offset];
    return to_[std::lower_bound(from_.begin(), from_.end(), offset) - from_.begin()];
  }

 private:
  OffsetUnit unit_;
  const std::vector<uint32_t>* byte_offsets_;
  std::vector<uint32_t> from_;
  std::vector<size_t> to_;
};

}  // namespace

std::string to_json(const Result& result, std::u16string_view text, OffsetUnit unit, bool pretty,
                    const std::vector<uint32_t>* byte_offsets) {
  const OffsetMap offset(result, text, unit, byte_offsets);
  auto span = [&](const Span& s) {
    return nlohmann::ordered_json{{"start", offset(s.start)},
                                  {"end", offset(s.end)},
                                  {"text", utf8(text.substr(s.start, s.length()))}};
  };
  auto optional_span = [&](const std::optional<Span>& s) { return s ? span(*s) : nlohmann::ordered_json(nullptr); };
  auto entity_id = [](int e) {
    return e >= 0 ? nlohmann::ordered_json("s" + std::to_string(e + 1)) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json out;
  out["version"] = version();
  out["lang"] = result.lang;
  out["offsets"] = unit == OffsetUnit::Utf16 ? "utf16" : unit == OffsetUnit::CodePoint ? "codepoint" : "utf8";
  out["claims"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < result.claims.size(); ++i) {
    const Claim& c = result.claims[i];
    out["claims"].push_back({{"id", "c" + std::to_string(i + 1)},
                             {"type", type_name(c.type)},
                             {"cue", optional_span(c.cue)},
                             {"content", span(c.content)},
                             {"speaker", entity_id(c.speaker)},
                             {"speaker_mention", optional_span(c.speaker_mention)},
                             {"reported_by", entity_id(c.reported_by)},
                             {"confidence", c.confidence}});
  }
  out["speakers"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < result.speakers.size(); ++i) {
    const Entity& e = result.speakers[i];
    nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
    for (const Span& m : e.mentions) mentions.push_back(span(m));
    out["speakers"].push_back({{"id", entity_id(static_cast<int>(i))},
                               {"name", utf8(e.name)},
                               {"kind", kind_name(e.kind)},
                               {"title", e.title.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(utf8(e.title))},
                               {"mentions", mentions}});
  }
  // Replacement characters keep invalid bytes from breaking the JSON.
  return out.dump(pretty ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace isnad
