#include "core/space/agentprovisioner.h"

#include "core/nats/keyvalue.h"
#include "core/wire/aclrecord.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QDateTime>

namespace cotal::space {

namespace {

constexpr qint64 kAckWaitNs = 60'000'000'000;

nats::NatsError named(nats::NatsError error, const QString &what)
{
    error.message = QStringLiteral("%1: %2").arg(what, error.message);
    return error;
}

} // namespace

AgentProvisioner::AgentProvisioner(nats::JetStream jetStream, QString space)
    : m_jetStream(std::move(jetStream))
    , m_space(std::move(space))
{}

QByteArray AgentProvisioner::durableConfig(const QString &name, const QString &filter,
                                           bool deliverAll)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"durable_name")
        .string(name)
        .key(u"filter_subject")
        .string(filter)
        .key(u"ack_policy")
        .string(u"explicit")
        .key(u"ack_wait")
        .integer(kAckWaitNs);
    if (deliverAll)
        writer.key(u"deliver_policy").string(u"all");
    writer.endObject();
    return writer.take();
}

QFuture<nats::NatsError> AgentProvisioner::provision(const AgentSetup &agent) const
{
    struct Durable
    {
        QString stream;
        QString name;
        QString filter;
        bool deliverAll;
    };
    QList<Durable> durables{
        {wire::dmStreamName(m_space), wire::dmConsumerName(agent.id),
         wire::dmInboxFilter(m_space, agent.id), true},
        {wire::dlvStreamName(m_space), wire::dlvConsumerName(agent.id),
         wire::dlvSubject(m_space, agent.id), true},
    };
    if (!agent.role.isEmpty())
        durables.append({wire::taskStreamName(m_space), wire::svcConsumerName(agent.role),
                         wire::roleQueueFilter(m_space, agent.role), false});

    QList<QFuture<nats::NatsError>> steps;
    for (const Durable &durable : std::as_const(durables)) {
        steps.append(
            m_jetStream
                .createConsumer(durable.stream, durable.name, durable.filter,
                                durableConfig(durable.name, durable.filter, durable.deliverAll))
                .then([name = durable.name](const nats::ApiResult &created) {
                    return created.ok() ? nats::NatsError{} : named(created.error, name);
                }));
    }
    wire::AclRecord acl;
    acl.allowSubscribe = agent.allowSubscribe;
    acl.revision = 1;
    acl.updatedAt = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
    const nats::KeyValue acls(m_jetStream, wire::aclBucket(m_space));
    steps.append(acls.create(agent.id, wire::encodeAclRecord(acl))
                     .then([bucket = acls.bucket()](const nats::KvResult &written) {
                         return written.ok() ? nats::NatsError{} : named(written.error, bucket);
                     }));
    return QtFuture::whenAll(steps.begin(), steps.end())
        .then([](const QList<QFuture<nats::NatsError>> &done) {
            for (const QFuture<nats::NatsError> &step : done) {
                if (step.result().isError())
                    return step.result();
            }
            return nats::NatsError{};
        });
}

} // namespace cotal::space
