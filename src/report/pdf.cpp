#include "report/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

namespace ngb::report {
namespace {

// The file:// URL of an absolute path, percent-encoding everything but unreserved characters and '/'.
std::string FileUrl(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

std::string Tail(const std::string& file, size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (s.size() > max_bytes) s = s.substr(s.size() - max_bytes);
  return s;
}

}  // namespace

std::vector<std::string> ChromiumArguments(const std::string& chromium, const std::string& html_path,
                                           const std::string& pdf_path, const std::string& work_dir, bool as_root) {
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--disable-extensions",
                                   "--disable-background-networking",
                                   "--disable-sync",
                                   "--user-data-dir=" + work_dir + "/profile",
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + pdf_path};
  if (as_root) args.insert(args.begin() + 2, "--no-sandbox");
  args.push_back(FileUrl(html_path));
  return args;
}

Status PrintHtmlToPdf(const std::string& html_path, const std::string& pdf_path, const PdfOptions& options) {
  if (access(options.chromium.c_str(), X_OK) != 0) {
    return Status::Error("chromium_missing", options.chromium + " not found: install the Debian package chromium");
  }
  if (options.work_dir.empty()) return Status::Error("pdf_failed", "no work folder");
  unlink(pdf_path.c_str());
  const std::vector<std::string> args =
      ChromiumArguments(options.chromium, html_path, pdf_path, options.work_dir, geteuid() == 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const std::string home = "HOME=" + options.work_dir, config = "XDG_CONFIG_HOME=" + options.work_dir + "/config",
                    cache = "XDG_CACHE_HOME=" + options.work_dir + "/cache";
  std::vector<std::string> env_strings = {home, config, cache};
  for (const char* keep : {"PATH", "LANG", "LC_ALL", "TZ", "FONTCONFIG_PATH"}) {
    if (const char* v = getenv(keep)) env_strings.push_back(std::string(keep) + "=" + v);
  }
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string log = options.work_dir + "/chromium.log";
  const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0) return Status::Error("pdf_failed", "cannot create " + log);
  const pid_t pid = fork();
  if (pid < 0) {
    close(log_fd);
    return Status::Error("pdf_failed", "fork failed");
  }
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, 0);
    dup2(log_fd, 1);
    dup2(log_fd, 2);
    setpgid(0, 0);  // its own process group, so a timeout kills its helpers too
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(log_fd);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return Status::Error("pdf_failed", "waitpid failed");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Status::Error("pdf_failed", "chromium took longer than " + std::to_string(options.timeout_seconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(-pid, SIGKILL);  // helpers left behind in its group, if any
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::Error("pdf_failed", "chromium exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                           ": " + Tail(log, 600));
  }
  std::ifstream pdf(pdf_path, std::ios::binary);
  char head[5] = {};
  if (!pdf || !pdf.read(head, 5) || std::string_view(head, 5) != "%PDF-") {
    return Status::Error("pdf_empty", "chromium wrote no PDF to " + pdf_path + ": " + Tail(log, 600));
  }
  return Status::Ok();
}

}  // namespace ngb::report
