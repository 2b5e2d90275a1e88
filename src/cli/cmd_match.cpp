// `nigehbaan match [--json] [--max-distance 31] [--set NAME]... [--type T] [--library DIR]
//                  (FILE... | --hash HEX... | --hashes-from FILE)`
// Prints every hash-set match of each file or hash. Files are hashed as `hash` does (PDQ with the
// 8 rotations/mirrors from the pixels); hashes are recognised by length (32 MD5, 40 SHA-1, 64
// SHA-256 and PDQ — `--type` picks one).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/file_hashes.h"
#include "core/provenance.h"
#include "hashset/matcher.h"
#include "report/item_fields.h"

namespace ngb::cli {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsHex(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// One hash given as text: fills the query; false when its length or type does not fit.
bool HashQuery(const std::string& hex, const std::string& type, hashset::MatchQuery& q,
               std::vector<Hash256>& pdq) {
  if (!IsHex(hex)) return false;
  const size_t n = hex.size();
  if ((type.empty() || type == "md5") && n == 32) q.md5 = hex;
  else if ((type.empty() || type == "sha1") && n == 40) q.sha1 = hex;
  else if (n == 64 && (type.empty() || type == "sha256" || type == "pdq")) {
    if (type != "pdq") q.sha256 = hex;
    if (type != "sha256") pdq.push_back(*Hash256::ParseHex(hex));
  } else {
    return false;
  }
  q.pdq = pdq;
  return true;
}

}  // namespace

void AddMatchCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> files, hashes;
    std::string hashes_from, type, library;
    std::vector<std::string> sets;
    int max_distance = 31;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("match", "Look files or hashes up in the hash-set library");
  cmd->add_option("FILE", f->files, "Files to hash and look up");
  cmd->add_option("--hash", f->hashes, "Hashes to look up (hex; repeatable)");
  cmd->add_option("--hashes-from", f->hashes_from, "File with one hash per line (text after a comma or space is ignored)");
  cmd->add_option("--type", f->type, "Type of the given hashes")->check(CLI::IsMember({"md5", "sha1", "sha256", "pdq"}));
  cmd->add_option("--set", f->sets, "Only this hash set (repeatable; default: every set)");
  cmd->add_option("--max-distance", f->max_distance, "Largest PDQ Hamming distance that matches (default 31)")->check(CLI::Range(0, 256));
  cmd->add_option("--library", f->library, "Hash-set library (default: $NIGEHBAAN_HASHSETS or ~/.local/share/nigehbaan/hashsets)");
  cmd->add_flag("--json", f->json, "One JSON object per line per input");
  cmd->callback([f, &ctx] {
    if (f->files.empty() && f->hashes.empty() && f->hashes_from.empty()) {
      PrintError("match: give FILE..., --hash HEX... or --hashes-from FILE");
      ctx.exit_code = kExitFatal;
      return;
    }
    hashset::MatcherOptions mo;
    mo.sets = f->sets;
    mo.max_distance = f->max_distance;
    const std::filesystem::path dir =
        f->library.empty() ? hashset::HashSetLibrary::DefaultDir() : std::filesystem::path(f->library);
    Result<std::unique_ptr<hashset::Matcher>> matcher = hashset::Matcher::Open(dir, mo);
    if (!matcher.ok()) {
      PrintError("hash sets: " + matcher.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    bool problems = false;
    auto print = [&](const std::string& input, const std::vector<HashMatch>& matches, const std::string& error) {
      if (f->json) {
        nlohmann::ordered_json j;
        j["input"] = DisplayPath(input);
        j["matches"] = report::MatchesJson(matches);
        if (!error.empty()) j["error"] = error;
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
      }
      std::cout << DisplayPath(input) << ": " << (error.empty() ? std::to_string(matches.size()) + " match(es)" : error)
                << "\n";
      for (const HashMatch& m : matches) {
        std::cout << "  " << m.kind << "  " << m.set << "  " << m.type << "  " << m.hash;
        if (m.type == "pdq") std::cout << "  distance " << m.distance;
        if (m.category) std::cout << "  category " << *m.category;
        std::cout << "\n";
      }
    };
    // Files.
    analyse::PdqOptions options;
    PdqHasher hasher;
    std::vector<uint8_t> whole;
    for (const std::string& path : f->files) {
      FileHashes h = HashFile(path, /*dihedral=*/true, analyse::DihedralFrom::kPixels, options, hasher, whole);
      std::vector<HashMatch> matches;
      std::vector<Hash256> pdq;
      if (h.dihedral) {
        const PdqDihedral& d = *h.dihedral;
        pdq = {d.orig, d.rot90, d.rot180, d.rot270, d.flipx, d.flipy, d.flipp, d.flipm};
      }
      hashset::MatchQuery q;
      q.md5 = h.digests.md5;
      q.sha1 = h.digests.sha1;
      q.sha256 = h.digests.sha256;
      q.pdq = pdq;
      if (h.pdq) q.pdq_quality = h.pdq->quality;
      (*matcher)->Match(q, &matches);
      const bool read_failed = h.digests.sha256.empty();
      problems |= read_failed;
      print(path, matches, read_failed ? h.error.ToString() : "");
    }
    // Hashes.
    std::vector<std::string> hashes = f->hashes;
    if (!f->hashes_from.empty()) {
      std::ifstream in(f->hashes_from);
      if (!in) {
        PrintError("cannot read " + f->hashes_from);
        ctx.exit_code = kExitFatal;
        return;
      }
      std::string line;
      while (std::getline(in, line)) {
        const size_t start = line.find_first_not_of(" \t\xEF\xBB\xBF");
        if (start == std::string::npos || line[start] == '#') continue;
        const size_t end = line.find_first_of(", \t\r", start);
        hashes.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
      }
    }
    for (const std::string& given : hashes) {
      const std::string hex = Lower(given);
      hashset::MatchQuery q;
      std::vector<Hash256> pdq;
      std::vector<HashMatch> matches;
      if (!HashQuery(hex, f->type, q, pdq)) {
        problems = true;
        print(given, matches, "not a " + (f->type.empty() ? std::string("md5/sha1/sha256/pdq") : f->type) + " hash");
        continue;
      }
      (*matcher)->Match(q, &matches);
      print(given, matches, "");
    }
    ctx.exit_code = problems ? kExitProblems : kExitOk;
  });
}

}  // namespace ngb::cli
