#include "serve/host_check.h"

#include <arpa/inet.h>

#include <algorithm>

namespace ngb::serve {
namespace {

bool IsIpv4(std::string_view s) {
  in_addr a{};
  return s.size() < 16 && inet_pton(AF_INET, std::string(s).c_str(), &a) == 1;
}

bool IsIpv6(std::string_view s) {
  in6_addr a{};
  return s.size() < 46 && inet_pton(AF_INET6, std::string(s).c_str(), &a) == 1;
}

bool EqualNoCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

bool HostAllowed(std::string_view host, int port, bool tls, const std::vector<std::string>& names) {
  if (host.empty() || host.size() > 300) return false;
  std::string_view name = host, port_text;
  if (host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    name = host.substr(1, close - 1);
    std::string_view rest = host.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port_text = rest.substr(1);
    }
    if (!IsIpv6(name)) return false;
  } else {
    const size_t colon = host.rfind(':');
    if (colon != std::string_view::npos) {
      name = host.substr(0, colon);
      port_text = host.substr(colon + 1);
    }
  }
  const int default_port = tls ? 443 : 80;
  if (port_text.empty()) {
    if (port != default_port) return false;
  } else if (port_text != std::to_string(port)) {
    return false;
  }
  if (host.front() == '[') return true;
  if (IsIpv4(name) || EqualNoCase(name, "localhost")) return true;
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return EqualNoCase(name, n); });
}

}  // namespace ngb::serve
