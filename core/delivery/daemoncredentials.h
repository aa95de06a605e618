#pragma once

#include "core/nats/connectionoptions.h"
#include "core/wire/creds.h"

namespace cotal::delivery {

// The user creds a daemon connection carries: its creds text, else its creds file, parsed. The
// file's bytes are wiped once parsed; errors never quote the secret.
wire::Result<wire::UserCreds> readUserCreds(const nats::ConnectionOptions &connection);

} // namespace cotal::delivery
