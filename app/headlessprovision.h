#pragma once

#include "core/nats/connectionoptions.h"
#include "core/space/spaceprovisioner.h"

#include <QString>

namespace cotal::app {

struct ProvisionRequest
{
    nats::ConnectionOptions connection;
    QString space;
    int replicas = 1;
    space::SpaceProvisioner::DefaultDeliveryClass defaultClass =
        space::SpaceProvisioner::DefaultDeliveryClass::Durable;
};

// `--headless --provision`: creates the space's streams and buckets once, reports each on
// stderr and returns the exit code (0 usable, 1 not). Runs inside the caller's event loop.
int provisionSpace(const ProvisionRequest &request, int timeoutMs);

} // namespace cotal::app
