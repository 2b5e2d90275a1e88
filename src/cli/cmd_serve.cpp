// `nigehbaan serve`: the review API over one case until interrupted (Ctrl-C / SIGTERM).
#include <signal.h>

#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "serve/server.h"
#include "store/case_store.h"

namespace ngb::cli {
namespace {

// Splits HOST:PORT ("[::1]:8080" for IPv6). False when malformed.
bool ParseListen(const std::string& text, std::string& host, int& port) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 >= text.size()) return false;
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string p = text.substr(colon + 1);
  if (host.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
  port = std::stoi(p);
  return port >= 0 && port <= 65535;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string case_dir, listen = "127.0.0.1:8080", cert, key;
    std::vector<std::string> host_names;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the review API for a case (loopback unless told otherwise)");
  cmd->add_option("--case", f->case_dir, "Case folder")->required();
  cmd->add_option("--listen", f->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  cmd->add_option("--cert", f->cert, "TLS certificate (PEM); with --key serves HTTPS");
  cmd->add_option("--key", f->key, "TLS private key (PEM)");
  cmd->add_option("--host-name", f->host_names,
                  "A name the browser uses for this server (Host header); IP addresses and localhost are always accepted");
  cmd->callback([f, &ctx] {
    serve::ServeOptions o;
    if (!ParseListen(f->listen, o.host, o.port)) {
      PrintError("--listen wants HOST:PORT");
      ctx.exit_code = kExitFatal;
      return;
    }
    o.host_names = f->host_names;
    o.cert_file = f->cert;
    o.key_file = f->key;
    o.actor_note = ctx.command_line;
    Result<store::CaseStore> cs = store::CaseStore::Open(f->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    // SIGINT/SIGTERM are taken by a waiting thread that stops the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    Result<std::unique_ptr<serve::ReviewServer>> server = serve::ReviewServer::Create(std::move(*cs), o);
    if (!server.ok()) {
      PrintError(server.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    Result<int> port = (*server)->Bind();
    if (!port.ok()) {
      PrintError(port.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1") {
      std::cerr << "warning: listening beyond this machine (" << o.host << ")"
                << ((*server)->tls() ? "" : " without TLS: passwords and cookies cross the network in clear") << "\n";
    }
    std::cout << "Serving " << f->case_dir << " at " << ((*server)->tls() ? "https" : "http") << "://" << o.host
              << ":" << *port << "/ (Ctrl-C stops)" << std::endl;
    serve::ReviewServer* raw = server->get();
    std::thread waiter([raw, signals] {
      int sig = 0;
      sigwait(&signals, &sig);
      raw->Stop();
    });
    Status run = (*server)->Run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    if (!run.ok()) {
      PrintError(run.ToString());
      ctx.exit_code = kExitFatal;
    }
  });
}

}  // namespace ngb::cli
