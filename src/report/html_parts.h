// Pieces of the HTML report shared by its section writers (html_report.cpp, html_items.cpp).
// Internal to src/report.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "report/html_report.h"
#include "report/html_text.h"
#include "store/sqlite.h"

namespace ngb::report::html {

// Escaped text (see HtmlText).
inline std::string E(std::string_view raw) { return HtmlText(raw); }

// <table class="kv"> of (label, value-as-HTML) rows. Labels are trusted literals.
void KeyValues(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& rows);

// "1 — CSAM" etc.; "uncategorised" for nullopt.
std::string CategoryLabel(const std::optional<int>& category);

// A hash inside <code class="hash">.
std::string Hash(std::string_view hex);

// The pertinent items section (html_items.cpp).
Result<HtmlReportStats> WriteItems(store::Db& db, const HtmlReportOptions& options, std::ostream& out);

}  // namespace ngb::report::html
