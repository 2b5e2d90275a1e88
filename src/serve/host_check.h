// Host-header check against DNS rebinding: a page from another site whose name an attacker
// re-points at this machine's address can reach the server, but its requests carry the attacker's
// name in Host. Accepted: Host equal to "NAME:PORT" (or just NAME when the port is the scheme's
// default) where NAME is an IP literal (v4, or v6 in brackets), "localhost", or one of the names
// given with --host-name; PORT must be the bound port. Nothing else.
// Thread-safety: pure function.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ngb::serve {

bool HostAllowed(std::string_view host_header, int port, bool tls, const std::vector<std::string>& names);

}  // namespace ngb::serve
