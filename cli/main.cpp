// isnad: the command-line tool over the core (JSON out).
#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

constexpr size_t kDefaultMaxBytes = 64u << 20;

const char* kUsage = R"(usage:
  isnad extract [--offsets utf16|codepoint|utf8] [--pretty] [--replace-invalid]
                [--max-bytes N] [--jsonl] [FILE|-]
      Reads UTF-8 text (or, with --jsonl, JSON lines {"id","text"}) and writes
      the claims, cues and speakers as JSON (one line per input with --jsonl).
  isnad eval DIR [--misses] [--json]
      Scores the extractor on the gold *.json files in DIR.
  isnad --version | --help
)";

struct ExtractOptions {
  isnad::OffsetUnit unit = isnad::OffsetUnit::Utf16;
  bool pretty = false, replace_invalid = false, jsonl = false;
  size_t max_bytes = kDefaultMaxBytes;
  std::string file = "-";
};

int usage_error(const std::string& message) {
  std::cerr << "isnad: " << message << "\n" << kUsage;
  return 2;
}

bool read_all(const std::string& file, std::string& out) {
  if (file == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), {});
  return true;
}

// One text to one JSON result; `error` is set when the input is unusable.
std::optional<std::string> extract_one(std::string_view bytes, const ExtractOptions& o, std::string& error,
                                       std::vector<std::string>& warnings) {
  if (bytes.size() > o.max_bytes) {
    error = "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " + std::to_string(o.max_bytes) +
            " (--max-bytes)";
    return std::nullopt;
  }
  const isnad::DecodedText decoded = isnad::decode_utf8(bytes, o.replace_invalid);
  if (decoded.first_invalid_byte && !o.replace_invalid) {
    error = "invalid UTF-8 at byte " + std::to_string(*decoded.first_invalid_byte) +
            " (use --replace-invalid to replace ill-formed sequences with U+FFFD)";
    return std::nullopt;
  }
  if (decoded.replaced > 0)
    warnings.push_back("replaced " + std::to_string(decoded.replaced) + " ill-formed UTF-8 sequence(s), the first at byte " +
                       std::to_string(*decoded.first_invalid_byte));
  const isnad::Result result = isnad::extract(decoded.text);
  if (result.lang != "ar" && !decoded.text.empty())
    warnings.push_back(result.lang == "en" ? "the text is English; only Arabic is analysed so far"
                                           : "no Arabic text found");
  std::string json = isnad::to_json(result, decoded.text, o.unit, o.pretty,
                                    decoded.replaced ? &decoded.byte_offsets : nullptr);
  if (!warnings.empty()) {
    auto parsed = nlohmann::ordered_json::parse(json);
    parsed["warnings"] = warnings;
    json = parsed.dump(o.pretty ? 2 : -1);
  }
  return json;
}

int run_extract(const std::vector<std::string>& args) {
  ExtractOptions o;
  bool file_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--pretty") o.pretty = true;
    else if (a == "--replace-invalid") o.replace_invalid = true;
    else if (a == "--jsonl") o.jsonl = true;
    else if (a == "--offsets" && i + 1 < args.size()) {
      const std::string& u = args[++i];
      if (u == "utf16") o.unit = isnad::OffsetUnit::Utf16;
      else if (u == "codepoint") o.unit = isnad::OffsetUnit::CodePoint;
      else if (u == "utf8") o.unit = isnad::OffsetUnit::Utf8;
      else return usage_error("unknown offset unit '" + u + "'");
    } else if (a == "--max-bytes" && i + 1 < args.size()) {
      try {
        o.max_bytes = std::stoull(args[++i]);
      } catch (...) {
        return usage_error("--max-bytes takes a number");
      }
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("unknown option '" + a + "'");
    } else if (!file_given) {
      o.file = a;
      file_given = true;
    } else {
      return usage_error("one input file at most");
    }
  }
  if (o.jsonl) {
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
      if (line.empty()) continue;
      nlohmann::json id = nullptr;
      std::string error;
      std::vector<std::string> warnings;
      std::optional<std::string> json;
      try {
        const auto input = nlohmann::json::parse(line);
        id = input.value("id", nlohmann::json(nullptr));
        if (!input.contains("text") || !input["text"].is_string()) error = "line has no \"text\" string";
        else json = extract_one(input["text"].get_ref<const std::string&>(), o, error, warnings);
      } catch (const nlohmann::json::exception& e) {
        error = std::string("line ") + std::to_string(line_number) + " is not JSON: " + e.what();
      }
      if (json) {
        auto out = nlohmann::ordered_json::parse(*json);
        nlohmann::ordered_json with_id = {{"id", id}};
        with_id.update(out);
        std::cout << with_id.dump() << "\n" << std::flush;
      } else {
        ++failed;
        std::cout << nlohmann::ordered_json{{"id", id}, {"error", error}}.dump() << "\n" << std::flush;
      }
    }
    if (failed) std::cerr << "isnad: " << failed << " line(s) failed\n";
    return failed ? 1 : 0;
  }
  std::string bytes;
  if (!read_all(o.file, bytes)) {
    std::cerr << "isnad: cannot read " << o.file << "\n";
    return 2;
  }
  std::string error;
  std::vector<std::string> warnings;
  const std::optional<std::string> json = extract_one(bytes, o, error, warnings);
  if (!json) {
    std::cerr << "isnad: " << error << "\n";
    return 2;
  }
  for (const std::string& w : warnings) std::cerr << "isnad: " << w << "\n";
  std::cout << *json << "\n";
  return 0;
}

void print_row(const std::string& name, const isnad::eval::Counts& c) {
  const isnad::eval::Metrics m = isnad::eval::metrics(c);
  std::printf("%-14s %5zu %5zu %5zu | %5.3f %5.3f %5.3f | %5.3f | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f\n", name.c_str(),
              c.gold, c.predicted, c.matched, m.claim_p, m.claim_r, m.claim_f1, m.attribution, m.e2e_p, m.e2e_r,
              m.e2e_f1, m.entity_p, m.entity_r, m.entity_f1);
}

int run_eval(const std::vector<std::string>& args) {
  std::string dir;
  bool misses = false, as_json = false;
  for (const std::string& a : args) {
    if (a == "--misses") misses = true;
    else if (a == "--json") as_json = true;
    else if (!a.empty() && a[0] == '-') return usage_error("unknown option '" + a + "'");
    else dir = a;
  }
  if (dir.empty()) return usage_error("eval needs a directory of gold *.json files");
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec || files.empty()) {
    std::cerr << "isnad: no gold *.json files in " << dir << "\n";
    return 2;
  }
  std::sort(files.begin(), files.end());
  isnad::eval::Counts total;
  std::vector<isnad::eval::ArticleScore> scores;
  for (const auto& path : files) {
    try {
      std::ifstream in(path);
      scores.push_back(isnad::eval::score_article(nlohmann::json::parse(in)));
      if (scores.back().id.empty()) scores.back().id = path.stem().string();
      total += scores.back().counts;
    } catch (const std::exception& e) {
      std::cerr << "isnad: " << path.string() << ": " << e.what() << "\n";
      return 2;
    }
  }
  if (as_json) {
    nlohmann::ordered_json out;
    auto row = [](const isnad::eval::Counts& c) {
      const auto m = isnad::eval::metrics(c);
      return nlohmann::ordered_json{{"gold", c.gold},           {"predicted", c.predicted},   {"matched", c.matched},
                                    {"claim_p", m.claim_p},     {"claim_r", m.claim_r},       {"claim_f1", m.claim_f1},
                                    {"attribution", m.attribution}, {"e2e_p", m.e2e_p},       {"e2e_r", m.e2e_r},
                                    {"e2e_f1", m.e2e_f1},       {"entity_p", m.entity_p},     {"entity_r", m.entity_r},
                                    {"entity_f1", m.entity_f1}};
    };
    for (const auto& s : scores) out["articles"][s.id] = row(s.counts);
    out["total"] = row(total);
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::printf("%-14s %5s %5s %5s | %-17s | %5s | %-17s | %-17s\n", "article", "gold", "pred", "match", "claim P/R/F1",
              "attr", "end-to-end P/R/F1", "speakers P/R/F1");
  for (const auto& s : scores) {
    print_row(s.id, s.counts);
    if (misses)
      for (const std::string& m : s.misses) std::printf("    %s\n", m.c_str());
  }
  print_row("TOTAL", total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "isnad " << isnad::version() << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "extract") return run_extract(args);
  if (command == "eval") return run_eval(args);
  return usage_error("unknown command '" + command + "'");
}
