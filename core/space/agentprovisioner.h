#pragma once

#include "core/nats/jetstream.h"
#include "core/nats/natserror.h"

#include <QFuture>
#include <QString>
#include <QStringList>

namespace cotal::space {

// What the provisioner sets up for one agent of an auth-mode space.
struct AgentSetup
{
    QString id;                 // the agent's user public key
    QString role;               // its anycast pool; empty: none
    QStringList allowSubscribe; // its read ACL
};

// The reference's provisionAgent (provision.ts): the bind-only durables an agent credential may
// use but not create (`dm_<id>` on DM, `dlv_<id>` on DLV), its role's queue `svc_<role>` on TASK
// (idempotent), and its read-ACL record at revision 1. Runs through a provisioner connection;
// continuations run on its thread. The result is the first failure, naming what failed.
class AgentProvisioner final
{
public:
    AgentProvisioner(nats::JetStream jetStream, QString space);

    QFuture<nats::NatsError> provision(const AgentSetup &agent) const;

    // The CONSUMER.CREATE config the reference sends for these durables.
    static QByteArray durableConfig(const QString &name, const QString &filter, bool deliverAll);

private:
    nats::JetStream m_jetStream;
    QString m_space;
};

} // namespace cotal::space
