#pragma once

namespace cotal::app {

// True when the command line asks for a headless run (`--headless`); checked before any
// QApplication exists, so the daemon never needs a display.
bool isHeadlessInvocation(int argc, char *argv[]);

// `cotal-console --headless --deliver --space S [connection options]`: the delivery daemon
// alone on a QCoreApplication, logging to stderr. Returns the process exit code: 0 after a
// clean SIGINT/SIGTERM stop (lease released), 1 when the daemon could not start or lost its
// lease, 2 for a command-line error. `--provision` instead creates the space's streams
// (`--replicas N`, `--default-class`) and exits 0 when the space is usable.
int runHeadless(int argc, char *argv[]);

} // namespace cotal::app
