// Isnad public API: find attributed claims, their cues and speakers in news text.
//
// Offsets: every Span is a half-open range [start, end) of UTF-16 code units
// into the text given to extract(). UTF-16 is what JavaScript strings index,
// so the wasm binding hands spans to the browser unchanged; the JSON writer
// converts them to code points or UTF-8 bytes on request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
  uint32_t length() const { return end - start; }
};

enum class ClaimType { Direct, Indirect, Mixed };
enum class EntityKind { Person, Organization, Media, Group, Document };

struct Claim {
  ClaimType type = ClaimType::Indirect;
  std::optional<Span> cue;  // null for the headline "X: ..." form
  Span content;
  std::optional<Span> speaker_mention;  // null for pro-drop and participle cues
  int speaker = -1;                     // index into Result::speakers, -1 if unknown
  int reported_by = -1;                 // entity that relayed the claim, -1 if none
  double confidence = 0.0;              // 0..1
};

struct Entity {
  std::u16string name;  // canonical: the fullest proper name in the article
  EntityKind kind = EntityKind::Person;
  std::u16string title;  // title or role, empty if none was found
  std::vector<Span> mentions;
};

struct Result {
  std::string lang;              // "ar", "en", or "und" when the text is in neither
  std::vector<Claim> claims;     // in text order of their content
  std::vector<Entity> speakers;  // in order of first mention
};

// Finds the claims in `text`. Cost is linear in text.size().
Result extract(std::u16string_view text);

// A confidence as every output gives it, in hundredths (0..100): NaN counts
// as 0, and the value is clamped to 0..1 before rounding.
int confidence_hundredths(double confidence);

const char* version();

}  // namespace isnad
