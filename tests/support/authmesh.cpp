#include "tests/support/authmesh.h"

#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "tests/integration/endpointtestsupport.h"

#include <QDateTime>

namespace cotal::testing::authmesh {

namespace {

QByteArray durableConfig(const QString &name, const QString &filter, bool deliverAll)
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
        .integer(60000000000);
    if (deliverAll)
        writer.key(u"deliver_policy").string(u"all");
    writer.endObject();
    return writer.take();
}

QByteArray aclRow(const QStringList &allowSubscribe)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"allowSubscribe")
        .stringList(allowSubscribe)
        .key(u"revision")
        .integer(1)
        .key(u"updatedAt")
        .integer(QDateTime::currentMSecsSinceEpoch())
        .endObject();
    return writer.take();
}

} // namespace

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
    struct Durable
    {
        QString stream;
        QString name;
        QString filter;
        bool deliverAll;
    };
    QList<Durable> durables;
    for (const QString &id : {kAlice, kBob}) {
        durables.append({wire::dmStreamName(kSpace), wire::dmConsumerName(id),
                         wire::dmInboxFilter(kSpace, id), true});
        durables.append({wire::dlvStreamName(kSpace), wire::dlvConsumerName(id),
                         wire::dlvSubject(kSpace, id), true});
    }
    for (const QString &role : {QStringLiteral("planner"), QStringLiteral("reviewer")})
        durables.append({wire::taskStreamName(kSpace), wire::svcConsumerName(role),
                         wire::roleQueueFilter(kSpace, role), false});
    for (const Durable &durable : std::as_const(durables)) {
        const nats::ApiResult created = awaitFuture(
            js.createConsumer(durable.stream, durable.name, durable.filter,
                              durableConfig(durable.name, durable.filter, durable.deliverAll)));
        if (!created.ok()) {
            qWarning() << "consumer" << durable.name << created.error.describe();
            return false;
        }
    }
    const nats::KeyValue acl(js, wire::aclBucket(kSpace));
    const QList<QPair<QString, QStringList>> rows{
        {kAlice, {QStringLiteral("general"), QStringLiteral("team.>")}},
        {kBob, {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")}}};
    for (const auto &[id, allow] : rows) {
        const nats::KvResult written = awaitFuture(acl.create(id, aclRow(allow)));
        if (!written.ok()) {
            qWarning() << "acl" << id << written.error.describe();
            return false;
        }
    }
    return true;
}

} // namespace cotal::testing::authmesh
