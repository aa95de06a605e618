#include "tests/support/authmesh.h"

#include "core/nats/jetstream.h"
#include "core/space/agentprovisioner.h"
#include "core/space/spaceprovisioner.h"
#include "tests/integration/endpointtestsupport.h"

namespace cotal::testing::authmesh {

QString creds(const QString &name)
{
    return QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/%1.creds").arg(name);
}

QString serverConfigTemplate()
{
    return QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/server.conf.template");
}

bool provision(const QString &url)
{
    std::unique_ptr<nats::NatsConnection> connection =
        openRaw(url, kProvisioner, creds(QStringLiteral("provisioner")));
    if (!connection)
        return false;
    nats::JetStream js(connection.get());
    const space::ProvisionResult space =
        awaitFuture(space::SpaceProvisioner(js, kSpace)
                        .provision(space::SpaceProvisioner::DefaultDeliveryClass::Durable));
    if (!space.ok()) {
        qWarning() << "provision:" << space.error.describe();
        return false;
    }
    // provisionAgent for both agents (authmesh/README.md: their roles and ACLs).
    const QList<space::AgentSetup> agents{
        {kAlice, QStringLiteral("planner"), {QStringLiteral("general"), QStringLiteral("team.>")}},
        {kBob,
         QStringLiteral("reviewer"),
         {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")}}};
    for (const space::AgentSetup &agent : agents) {
        const nats::NatsError error =
            awaitFuture(space::AgentProvisioner(js, kSpace).provision(agent));
        if (error.isError()) {
            qWarning() << "provision agent" << agent.id << error.describe();
            return false;
        }
    }
    return true;
}

} // namespace cotal::testing::authmesh
