// PDF of the HTML report through headless Chromium's print-to-PDF (Debian package `chromium`).
// Chromium runs as a child process with its own profile, home and cache inside `work_dir`
// (nothing is written to the user's home), without its sandbox only when running as root (the
// sandbox cannot start there), and is killed if it takes longer than the timeout. The page
// layout comes from the report's print CSS (A4, page breaks); Chromium's header and footer
// (date, file URL) are turned off.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"

namespace ngb::report {

struct PdfOptions {
  std::string chromium = "/usr/bin/chromium";  // or $NGB_CHROMIUM when set (CLI)
  std::string work_dir;                        // REQUIRED: an existing, empty, private folder
  int timeout_seconds = 300;
};

// Prints the HTML file `html_path` (absolute) to `pdf_path`, then checks that the PDF exists,
// is non-empty and starts with "%PDF-". Errors: "chromium_missing" (not installed or not
// executable), "pdf_failed" (Chromium failed or timed out; detail has the end of its log),
// "pdf_empty" (no usable file written).
Status PrintHtmlToPdf(const std::string& html_path, const std::string& pdf_path, const PdfOptions& options);

// Arguments Chromium is run with (argv[0] included), for tests and the documentation.
std::vector<std::string> ChromiumArguments(const std::string& chromium, const std::string& html_path,
                                           const std::string& pdf_path, const std::string& work_dir, bool as_root);

}  // namespace ngb::report
