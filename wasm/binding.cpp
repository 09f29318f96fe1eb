// The WebAssembly binding: plain C exports over the core. Text comes in as
// UTF-16 (what JavaScript strings hold) and spans go out in UTF-16 code units,
// so JavaScript slices the span texts from the string it already holds: the
// result crosses as numbers, not as JSON, and web/isnad-core-bridge.js
// (decodeResult) builds the result contract from them.
//
// isnad_extract_utf16 returns a record of little-endian uint32_t words, owned
// here and valid until the next call:
//
//   header    7 words: layout version (kRecordVersion), claim count, speaker
//             count, pool start (word index in the record), pool length
//             (UTF-16 code units), lang (pool offset, length)
//   claims    10 words each: type (0 direct, 1 indirect, 2 mixed),
//             cue start, end, content start, end, speaker index + 1 (0: none),
//             speaker mention start, end, reported_by index + 1 (0: none),
//             confidence in hundredths (0..100, isnad::confidence_hundredths);
//             an absent cue or speaker mention is 0xFFFFFFFF (kNoSpan) for
//             start and end
//   speakers  6 + 2 × mention count words each: kind (0 person,
//             1 organization, 2 media, 3 group, 4 document), name (pool offset,
//             length), title (pool offset, length; length 0: no title),
//             mention count, then each mention's start and end
//   pool      UTF-16 code units in memory order, two to a word, the last word
//             padded with 0: the lang string, then the speakers' names and titles
//
// Offsets into the pool count UTF-16 code units from its start. Span texts are
// not in the record: they are the input sliced at [start, end).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "isnad/isnad.h"

namespace {

constexpr uint32_t kRecordVersion = 1;
constexpr uint32_t kNoSpan = 0xFFFFFFFF;
constexpr size_t kHeaderWords = 7, kClaimWords = 10, kSpeakerWords = 6;

// The record's codes are the enums' values: a reordered enum must not pass
// unnoticed.
static_assert(static_cast<int>(isnad::ClaimType::Direct) == 0 && static_cast<int>(isnad::ClaimType::Indirect) == 1 &&
              static_cast<int>(isnad::ClaimType::Mixed) == 2);
static_assert(static_cast<int>(isnad::EntityKind::Person) == 0 &&
              static_cast<int>(isnad::EntityKind::Organization) == 1 &&
              static_cast<int>(isnad::EntityKind::Media) == 2 && static_cast<int>(isnad::EntityKind::Group) == 3 &&
              static_cast<int>(isnad::EntityKind::Document) == 4);

std::vector<uint32_t> last_record;  // owned here, valid until the next call

// Writes the record's words in order; the record is sized beforehand, so no
// write checks for room.
class RecordWriter {
 public:
  RecordWriter(uint32_t* words, std::u16string& pool) : next_(words), pool_(pool) {}

  void word(uint32_t value) { *next_++ = value; }
  void span(const isnad::Span& span) {
    word(span.start);
    word(span.end);
  }
  void optional_span(const std::optional<isnad::Span>& s) {
    if (s) span(*s);
    else span({kNoSpan, kNoSpan});
  }
  // Appends `s` to the pool and writes its offset and length.
  template <typename String>
  void pooled(const String& s) {
    word(static_cast<uint32_t>(pool_.size()));
    word(static_cast<uint32_t>(s.size()));
    pool_.append(s.begin(), s.end());
  }

 private:
  uint32_t* next_;
  std::u16string& pool_;
};

void encode(const isnad::Result& result, std::vector<uint32_t>& out) {
  size_t pool_start = kHeaderWords + kClaimWords * result.claims.size();
  std::u16string pool;
  size_t pool_units = result.lang.size();
  for (const isnad::Entity& e : result.speakers) {
    pool_start += kSpeakerWords + 2 * e.mentions.size();
    pool_units += e.name.size() + e.title.size();
  }
  pool.reserve(pool_units);
  out.assign(pool_start + (pool_units + 1) / 2, 0);

  RecordWriter w(out.data(), pool);
  for (const size_t n : {size_t{kRecordVersion}, result.claims.size(), result.speakers.size(), pool_start, pool_units})
    w.word(static_cast<uint32_t>(n));
  w.pooled(result.lang);
  for (const isnad::Claim& c : result.claims) {
    w.word(static_cast<uint32_t>(c.type));
    w.optional_span(c.cue);
    w.span(c.content);
    w.word(static_cast<uint32_t>(c.speaker + 1));
    w.optional_span(c.speaker_mention);
    w.word(static_cast<uint32_t>(c.reported_by + 1));
    w.word(static_cast<uint32_t>(isnad::confidence_hundredths(c.confidence)));
  }
  for (const isnad::Entity& e : result.speakers) {
    w.word(static_cast<uint32_t>(e.kind));
    w.pooled(e.name);
    w.pooled(e.title);
    w.word(static_cast<uint32_t>(e.mentions.size()));
    for (const isnad::Span& m : e.mentions) w.span(m);
  }
  std::memcpy(out.data() + pool_start, pool.data(), pool.size() * sizeof(char16_t));
}

}  // namespace

extern "C" {

void* isnad_malloc(size_t bytes) { return std::malloc(bytes); }

void isnad_free(void* pointer) { std::free(pointer); }

const char* isnad_version() { return isnad::version(); }

// Returns the result as the record described above, valid until the next call.
const uint32_t* isnad_extract_utf16(const char16_t* text, uint32_t length) {
  encode(isnad::extract(std::u16string_view(text, length)), last_record);
  return last_record.data();
}
}
