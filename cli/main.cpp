// isnad: the command-line tool over the core (JSON out) and the evaluation.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

constexpr size_t kDefaultMaxBytes = 64u << 20;

const char* kUsage = R"(usage:
  isnad extract [--offsets utf16|codepoint|utf8] [--pretty] [--replace-invalid]
                [--max-bytes N] [FILE|-]
      Reads UTF-8 text (FILE, or stdin for - or no FILE) and writes its claims,
      cues and speakers as one JSON result (docs/result.schema.json). Offsets
      are UTF-16 code units unless --offsets says otherwise. Invalid UTF-8 is
      an error (exit 2) unless --replace-invalid turns each ill-formed
      sequence into U+FFFD. Input over --max-bytes (default 64 MiB) is refused.
  isnad extract --jsonl [--offsets ...] [--replace-invalid] [--max-bytes N] [FILE|-]
      Reads JSON lines {"id": ..., "text": "..."} and writes one result line
      per input line, carrying its id; a bad line yields {"id", "error"} and
      the rest go on. Exits 1 at the end if any line failed.
  isnad eval DIR [--misses] [--json] [--write-baseline FILE]
      Scores the extractor on every gold *.json file in DIR, per article and
      in total. --misses lists every missed, spurious and misattributed claim;
      --json prints the scores as JSON; --write-baseline writes the per-article
      scores the golden test holds the extractor to.
  isnad --version | --help
)";

int usage_error(const std::string& message) {
  std::cerr << "isnad: " << message << "\n\n" << kUsage;
  return 2;
}

struct ExtractOptions {
  isnad::OffsetUnit unit = isnad::OffsetUnit::Utf16;
  bool pretty = false, replace_invalid = false, jsonl = false;
  size_t max_bytes = kDefaultMaxBytes;
  std::string file = "-";
};

// Reads at most `limit` + 1 bytes, so that input over the limit is known to be
// without holding all of it.
void read_bounded(std::istream& in, size_t limit, std::string& out) {
  out.clear();
  char buffer[1 << 16];
  while (out.size() <= limit && in.read(buffer, sizeof buffer).gcount() > 0)
    out.append(buffer, static_cast<size_t>(in.gcount()));
}

std::string too_large(size_t limit) {
  return "input is over the limit of " + std::to_string(limit) + " bytes (raise it with --max-bytes)";
}

// Adds the input's id (first) and any warnings to a compact result.
std::string with_fields(std::string json, const nlohmann::json* id, const std::vector<std::string>& warnings) {
  if (!warnings.empty()) {
    json.pop_back();  // the closing brace
    json += ",\"warnings\":" + nlohmann::json(warnings).dump() + "}";
  }
  if (id) json.insert(1, "\"id\":" + id->dump() + ",");
  return json;
}

// One text to one compact JSON result, or nullopt with `error` set when the
// input is unusable. `warnings` gets what the reader should know.
std::optional<std::string> extract_one(std::string_view bytes, const ExtractOptions& o, std::string& error,
                                       std::vector<std::string>& warnings) {
  if (bytes.size() > o.max_bytes) {
    error = too_large(o.max_bytes);
    return std::nullopt;
  }
  const isnad::DecodedText decoded = isnad::decode_utf8(bytes, o.replace_invalid);
  if (decoded.first_invalid_byte && !o.replace_invalid) {
    error = "invalid UTF-8 at byte " + std::to_string(*decoded.first_invalid_byte) +
            " (--replace-invalid turns ill-formed sequences into U+FFFD)";
    return std::nullopt;
  }
  if (decoded.replaced())
    warnings.push_back("replaced " + std::to_string(decoded.replacements.size()) +
                       " ill-formed UTF-8 sequence(s) with U+FFFD, the first at byte " +
                       std::to_string(*decoded.first_invalid_byte));
  const isnad::Result result = isnad::extract(decoded.text);
  if (result.lang != "ar" && !decoded.text.empty())
    warnings.push_back(result.lang == "en" ? "the text is English; only Arabic is analysed so far"
                                           : "no Arabic text found; nothing was analysed");
  return isnad::to_json(result, decoded.text, o.unit, decoded.replacements);
}

std::optional<size_t> parse_size(const std::string& s) {
  size_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

int run_jsonl(const ExtractOptions& o) {
  std::ifstream file_in;
  if (o.file != "-") {
    file_in.open(o.file, std::ios::binary);
    if (!file_in) {
      std::cerr << "isnad: cannot read " << o.file << "\n";
      return 2;
    }
  }
  std::istream& in = o.file == "-" ? std::cin : file_in;
  std::string line;
  size_t failed = 0, line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json id = nullptr;
    std::string error;
    std::vector<std::string> warnings;
    std::optional<std::string> json;
    const nlohmann::json input = nlohmann::json::parse(line, nullptr, false);
    if (input.is_discarded()) {
      error = "line " + std::to_string(line_number) + " is not JSON";
    } else if (!input.is_object()) {
      error = "line " + std::to_string(line_number) + " is not a JSON object";
    } else {
      id = input.value("id", nlohmann::json(nullptr));
      const auto text = input.find("text");
      if (text == input.end() || !text->is_string())
        error = "line " + std::to_string(line_number) + " has no \"text\" string";
      else
        json = extract_one(text->get_ref<const std::string&>(), o, error, warnings);
    }
    if (json) {
      std::cout << with_fields(std::move(*json), &id, warnings);
    } else {
      ++failed;
      std::cout << nlohmann::json{{"id", id}, {"error", error}}.dump();
    }
    std::cout << "\n" << std::flush;  // a consumer sees each result as soon as it is ready
  }
  if (failed) std::cerr << "isnad: " << failed << " of " << line_number << " line(s) failed\n";
  return failed ? 1 : 0;
}

int run_extract(const std::vector<std::string>& args) {
  ExtractOptions o;
  bool file_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::optional<std::string> value;
    if (const size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = a.substr(eq + 1);
      a.resize(eq);
    }
    auto take_value = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (a == "--pretty") o.pretty = true;
    else if (a == "--replace-invalid") o.replace_invalid = true;
    else if (a == "--jsonl") o.jsonl = true;
    else if (a == "--offsets") {
      const auto unit = take_value();
      if (!unit) return usage_error("--offsets needs a unit: utf16, codepoint or utf8");
      if (*unit == "utf16") o.unit = isnad::OffsetUnit::Utf16;
      else if (*unit == "codepoint") o.unit = isnad::OffsetUnit::CodePoint;
      else if (*unit == "utf8") o.unit = isnad::OffsetUnit::Utf8;
      else return usage_error("unknown offset unit '" + *unit + "' (utf16, codepoint or utf8)");
    } else if (a == "--max-bytes") {
      const auto n = take_value();
      const auto bytes = n ? parse_size(*n) : std::nullopt;
      if (!bytes) return usage_error("--max-bytes needs a number of bytes");
      if (*bytes > isnad::kMaxInputBytes)
        return usage_error("--max-bytes is at most " + std::to_string(isnad::kMaxInputBytes));
      o.max_bytes = *bytes;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + args[i] + "' for extract");
    } else if (!file_given) {
      o.file = a;
      file_given = true;
    } else {
      return usage_error("extract reads one input at most");
    }
  }
  if (o.jsonl && o.pretty) return usage_error("--pretty would break --jsonl's one result per line");
  if (o.jsonl) return run_jsonl(o);

  std::ifstream file_in;
  if (o.file != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(o.file, ec)) {
      std::cerr << "isnad: " << o.file << " is a directory\n";
      return 2;
    }
    file_in.open(o.file, std::ios::binary);
    if (!file_in) {
      std::cerr << "isnad: cannot read " << o.file << "\n";
      return 2;
    }
  }
  std::string bytes;
  read_bounded(o.file == "-" ? std::cin : file_in, o.max_bytes, bytes);
  std::string error;
  std::vector<std::string> warnings;
  std::optional<std::string> json = extract_one(bytes, o, error, warnings);
  if (!json) {
    std::cerr << "isnad: " << error << "\n";
    return 2;
  }
  for (const std::string& w : warnings) std::cerr << "isnad: " << w << "\n";
  *json = with_fields(std::move(*json), nullptr, warnings);
  std::cout << (o.pretty ? nlohmann::ordered_json::parse(*json).dump(2) : *json) << "\n";
  return 0;
}

// --- eval -------------------------------------------------------------------

nlohmann::ordered_json scores_json(const isnad::eval::Counts& c) {
  const isnad::eval::Metrics m = isnad::eval::metrics(c);
  return {{"gold", c.gold},
          {"predicted", c.predicted},
          {"matched", c.matched},
          {"attributed", c.attributed},
          {"claim_p", m.claim_p},
          {"claim_r", m.claim_r},
          {"claim_f1", m.claim_f1},
          {"attribution", m.attribution},
          {"e2e_p", m.e2e_p},
          {"e2e_r", m.e2e_r},
          {"e2e_f1", m.e2e_f1},
          {"entity_p", m.entity_p},
          {"entity_r", m.entity_r},
          {"entity_f1", m.entity_f1}};
}

const char* kind_name(isnad::eval::Miss::Kind kind) {
  switch (kind) {
    case isnad::eval::Miss::Kind::Missed: return "missed";
    case isnad::eval::Miss::Kind::Spurious: return "spurious";
    case isnad::eval::Miss::Kind::Misattributed: return "misattributed";
  }
  return "";
}

nlohmann::ordered_json miss_json(const isnad::eval::Miss& m) {
  auto text = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); };
  return {{"kind", kind_name(m.kind)},
          {"type", m.type},
          {"content", m.content},
          {"cue", text(m.cue)},
          {"gold_speaker", text(m.gold_speaker)},
          {"gold_entity", text(m.gold_entity)},
          {"predicted_speaker", text(m.predicted_speaker)},
          {"predicted_entity", text(m.predicted_entity)}};
}

// A miss as a linguist reads it: what kind, the cue and who, then the content.
void print_miss(const isnad::eval::Miss& m) {
  auto q = [](const std::string& s) { return s.empty() ? std::string("—") : "«" + s + "»"; };
  using Kind = isnad::eval::Miss::Kind;
  std::printf("  %-13s %-8s cue %s\n", kind_name(m.kind), m.type.c_str(), q(m.cue).c_str());
  if (m.kind != Kind::Spurious)
    std::printf("      gold:      speaker %s, entity %s\n", q(m.gold_speaker).c_str(), q(m.gold_entity).c_str());
  if (m.kind != Kind::Missed)
    std::printf("      predicted: speaker %s, entity %s\n", q(m.predicted_speaker).c_str(),
                q(m.predicted_entity).c_str());
  std::printf("      content:   %s\n", q(m.content).c_str());
}

void print_row(const std::string& name, int width, const isnad::eval::Counts& c) {
  const isnad::eval::Metrics m = isnad::eval::metrics(c);
  std::printf("%-*s %5zu %5zu %5zu | %5.3f %5.3f %5.3f | %5.3f | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f\n", width,
              name.c_str(), c.gold, c.predicted, c.matched, m.claim_p, m.claim_r, m.claim_f1, m.attribution, m.e2e_p,
              m.e2e_r, m.e2e_f1, m.entity_p, m.entity_r, m.entity_f1);
}

bool write_baseline(const std::string& file, const std::vector<isnad::eval::ArticleScore>& scores) {
  nlohmann::ordered_json baseline;
  baseline["about"] =
      "Per-article scores of isnad eval on a gold set; the golden test fails if any falls. "
      "Refresh after an improvement with: isnad eval <gold dir> --write-baseline <this file>.";
  baseline["articles"] = nlohmann::ordered_json::object();
  for (const auto& s : scores) {
    const isnad::eval::Metrics m = isnad::eval::metrics(s.counts);
    baseline["articles"][s.id] = {{"claim_f1", m.claim_f1},
                                  {"attribution", m.attribution},
                                  {"e2e_f1", m.e2e_f1},
                                  {"entity_f1", m.entity_f1}};
  }
  std::ofstream out(file);
  out << baseline.dump(1) << "\n";
  return static_cast<bool>(out.flush());
}

int run_eval(const std::vector<std::string>& args) {
  std::string dir, baseline_file;
  bool misses = false, as_json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--misses") misses = true;
    else if (a == "--json") as_json = true;
    else if (a == "--write-baseline") {
      if (i + 1 >= args.size()) return usage_error("--write-baseline needs a file");
      baseline_file = args[++i];
    } else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option '" + a + "' for eval");
    else if (dir.empty()) dir = a;
    else return usage_error("eval scores one directory");
  }
  if (dir.empty()) return usage_error("eval needs a directory of gold *.json files");
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json" && entry.is_regular_file()) files.push_back(entry.path());
  if (ec || files.empty()) {
    std::cerr << "isnad: no gold *.json files in " << dir << (ec ? " (" + ec.message() + ")" : "") << "\n";
    return 2;
  }
  std::sort(files.begin(), files.end());

  isnad::eval::Counts total;
  std::vector<isnad::eval::ArticleScore> scores;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    const nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
    if (gold.is_discarded()) {
      std::cerr << "isnad: " << path.string() << " is not JSON\n";
      return 2;
    }
    try {
      scores.push_back(isnad::eval::score_article(gold));
    } catch (const std::exception& e) {
      std::cerr << "isnad: " << path.string() << ": " << e.what() << "\n";
      return 2;
    }
    if (scores.back().id.empty()) scores.back().id = path.stem().string();
    total += scores.back().counts;
  }
  if (!baseline_file.empty()) {
    if (!write_baseline(baseline_file, scores)) {
      std::cerr << "isnad: cannot write " << baseline_file << "\n";
      return 2;
    }
    std::cerr << "isnad: wrote the baseline of " << scores.size() << " articles to " << baseline_file << "\n";
  }

  if (as_json) {
    nlohmann::ordered_json out;
    out["articles"] = nlohmann::ordered_json::object();
    for (const auto& s : scores) {
      nlohmann::ordered_json article = scores_json(s.counts);
      if (misses) {
        article["misses"] = nlohmann::ordered_json::array();
        for (const auto& m : s.misses) article["misses"].push_back(miss_json(m));
      }
      out["articles"][s.id] = std::move(article);
    }
    out["total"] = scores_json(total);
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  int width = 7;
  for (const auto& s : scores) width = std::max(width, static_cast<int>(s.id.size()));
  std::printf("%-*s %5s %5s %5s | %-17s | %5s | %-17s | %-17s\n", width, "article", "gold", "pred", "match",
              "claim P/R/F1", "attr", "end-to-end P/R/F1", "speakers P/R/F1");
  for (const auto& s : scores) {
    print_row(s.id, width, s.counts);
    if (misses)
      for (const auto& m : s.misses) print_miss(m);
  }
  print_row("TOTAL", width, total);
  return 0;
}

}  // namespace

// One text after another, as in --jsonl or eval: glibc would hand the memory
// of each large text back to the kernel and fault it in again for the next.
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);  // large blocks from the heap too, so they are kept
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int main(int argc, char** argv) {
  keep_freed_memory();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("a command is needed");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "isnad " << isnad::version() << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "extract") return run_extract(args);
    if (command == "eval") return run_eval(args);
  } catch (const std::exception& e) {  // out of memory, mostly: an error, not a crash
    std::cerr << "isnad: " << e.what() << "\n";
    return 2;
  }
  return usage_error("unknown command '" + command + "'");
}
