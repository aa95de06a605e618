#pragma once

// Shared by the delivery daemon's integration tests and its benchmark: a test-thread connection
// that plays the provisioner (streams, ACL rows, channel classes, dlv_<id> durables), a raw
// control caller, a chat publisher and readers of the Plane-3 streams.

#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/space/agentprovisioner.h"
#include "core/space/memberregistry.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/aclrecord.h"
#include "core/wire/control.h"
#include "core/wire/deliverylease.h"
#include "core/wire/jsonreader.h"
#include "core/wire/message.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <optional>

namespace cotal::testing {

inline constexpr int kKitWaitMs = 30000;

// Spins the event loop until the future finished; no value on a hang or a failed future.
template<typename T>
std::optional<T> awaitResult(const QFuture<T> &future, int timeoutMs = kKitWaitMs)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return std::nullopt;
    try {
        if (future.isCanceled() || future.resultCount() == 0)
            return std::nullopt;
        return future.result();
    } catch (...) {
        return std::nullopt;
    }
}

inline bool awaitDone(const QFuture<void> &future, int timeoutMs = kKitWaitMs)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

inline QString randomId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

class DeliveryKit final
{
public:
    DeliveryKit(QString url, QString space, nats::ConnectionOptions base = {})
        : m_space(std::move(space))
        , m_js(&m_connection)
    {
        m_options = std::move(base);
        if (m_options.servers.isEmpty())
            m_options.servers = {std::move(url)};
        if (m_options.inboxId.isEmpty())
            m_options.inboxId = QStringLiteral("kit") + randomId().left(8);
        m_options.name = QStringLiteral("delivery-test-kit");
    }

    const QString &space() const { return m_space; }
    nats::NatsConnection &connection() { return m_connection; }
    nats::JetStream &jetStream() { return m_js; }

    // Connects; with `provision` also creates the space's streams and buckets (durable default)
    // with `replicas` copies each.
    QString open(bool provision = true, int replicas = 1)
    {
        const auto opened = awaitResult(m_connection.open(m_options));
        if (!opened)
            return QStringLiteral("open did not finish");
        if (opened->isError())
            return opened->describe();
        if (!provision)
            return {};
        space::SpaceProvisioner provisioner(m_js, m_space);
        provisioner.setReplicas(replicas);
        const auto result = awaitResult(
            provisioner.provision(space::SpaceProvisioner::DefaultDeliveryClass::Durable));
        if (!result)
            return QStringLiteral("provisioning did not finish");
        return result->ok() ? QString() : result->error.describe();
    }

    nats::KeyValue bucket(const QString &name) { return nats::KeyValue(m_js, name); }

    bool putAcl(const QString &owner, const QStringList &allow)
    {
        wire::AclRecord record;
        record.allowSubscribe = allow;
        record.revision = ++m_aclRevision;
        record.updatedAt = double(QDateTime::currentMSecsSinceEpoch());
        const auto put =
            awaitResult(bucket(wire::aclBucket(m_space)).put(owner, wire::encodeAclRecord(record)));
        return put && put->ok();
    }

    // A durable membership written with the registry's own commit algorithm, as the daemon
    // writes one at join (activated or not) or, with `leaveCursor`, at leave.
    bool commitMember(const QString &channel, const QString &owner, bool activated,
                      std::optional<qint64> leaveCursor = {}, qint64 joinCursor = 0)
    {
        wire::MembershipRecord record;
        record.channel = channel;
        record.owner = owner;
        record.generation = 1;
        record.joinCursor = joinCursor;
        record.activated = activated;
        record.writerIdentity = QStringLiteral("test");
        record.updatedAt = double(QDateTime::currentMSecsSinceEpoch());
        record.leaveCursor = leaveCursor;
        if (leaveCursor)
            record.state = wire::MemberState::LiveConfirmed;
        const space::MemberRegistry members(bucket(wire::membersBucket(m_space)));
        const auto written = awaitResult(members.commitMember(record));
        return written && written->ok();
    }

    bool purgeAcl(const QString &owner)
    {
        const auto purged = awaitResult(bucket(wire::aclBucket(m_space)).purge(owner));
        return purged && purged->ok();
    }

    bool setChannelClass(const QString &channel, bool durable)
    {
        const QByteArray value = durable ? QByteArrayLiteral("{\"deliveryClass\":\"durable\"}")
                                         : QByteArrayLiteral("{\"deliveryClass\":\"live\"}");
        const auto put = awaitResult(bucket(wire::channelsBucket(m_space)).put(channel, value));
        return put && put->ok();
    }

    // dlv_<id> exactly as the provisioner creates it at spawn (fixtures/js-api-requests.json).
    bool createDlvConsumer(const QString &owner)
    {
        return createDurable(wire::dlvStreamName(m_space), wire::dlvConsumerName(owner),
                             wire::dlvSubject(m_space, owner), true);
    }

    // Everything provisionAgent gives an agent in auth mode, where agents cannot create their
    // own durables: dm_<id>, dlv_<id> and svc_<role> (authmesh/README.md).
    bool createAgentConsumers(const QString &owner, const QString &role)
    {
        return createDurable(wire::dmStreamName(m_space), wire::dmConsumerName(owner),
                             wire::dmInboxFilter(m_space, owner), true) &&
               createDlvConsumer(owner) &&
               createDurable(wire::taskStreamName(m_space), wire::svcConsumerName(role),
                             wire::roleQueueFilter(m_space, role), false);
    }

    // A ctl.delivery request sent as `caller` claiming `fromId`, answered on `replySubject`
    // (default: the caller's own bounded lane). No value on timeout.
    std::optional<nats::RequestResult>
    control(const QString &caller, const QString &op, const wire::JsonObject &args,
            const QString &fromId = {}, const QString &replySubject = {}, int timeoutMs = 10000)
    {
        wire::ControlRequest request;
        request.op = op;
        request.args = args;
        request.from.id = fromId.isEmpty() ? caller : fromId;
        request.from.name = QStringLiteral("tester");
        const QString reply = replySubject.isEmpty()
                                  ? wire::controlReplySubject(m_space, QStringLiteral("delivery"),
                                                              caller, wire::newReplyId())
                                  : replySubject;
        return awaitResult(m_connection.requestOn(
                               reply,
                               wire::controlSubject(m_space, QStringLiteral("delivery"), caller),
                               wire::encodeControlRequest(request), timeoutMs),
                           timeoutMs + 5000);
    }

    static wire::JsonObject channelArgs(const QString &channel,
                                        std::optional<qint64> generation = {})
    {
        wire::JsonObject args;
        args.insert(QStringLiteral("channel"), wire::JsonValue(channel));
        if (generation)
            args.insert(QStringLiteral("generation"), wire::JsonValue(*generation));
        return args;
    }

    // durableJoin as `owner`; the generation when the daemon answered durable:true.
    std::optional<qint64> durableJoin(const QString &owner, const QString &channel)
    {
        const auto result =
            control(owner, QStringLiteral("durableJoin"), channelArgs(channel), {}, {}, 30000);
        if (!result || !result->ok())
            return std::nullopt;
        const auto reply = wire::decodeControlReply(result->reply.data);
        if (!reply || !reply->ok || !reply->data)
            return std::nullopt;
        const auto data = wire::DurableJoinResult::fromData(*reply->data);
        if (!data || !data->durable)
            return std::nullopt;
        return data->generation.value_or(0);
    }

    bool durableLeave(const QString &owner, const QString &channel, qint64 generation)
    {
        const auto result =
            control(owner, QStringLiteral("durableLeave"), channelArgs(channel, generation));
        if (!result || !result->ok())
            return false;
        const auto reply = wire::decodeControlReply(result->reply.data);
        return reply && reply->ok;
    }

    // One chat message from `sender` (open mesh: anyone may claim any id) with Nats-Msg-Id.
    static QByteArray chatPayload(const QString &space, const QString &id, const QString &sender,
                                  const QString &channel, const QString &text,
                                  const QStringList &mentions = {})
    {
        wire::CotalMessage message;
        message.id = id;
        message.ts = double(QDateTime::currentMSecsSinceEpoch());
        message.space = space;
        message.from.id = sender;
        message.from.name = sender.left(12);
        message.route = wire::Route{wire::RouteKind::Channel, channel};
        message.mentions = mentions;
        message.parts = {wire::Part::makeText(text)};
        return wire::encodeCotalMessage(message);
    }

    std::optional<nats::PubAck> post(const QString &sender, const QString &channel,
                                     const QString &text, QString *idOut = nullptr,
                                     const QStringList &mentions = {})
    {
        const QString id = randomId();
        if (idOut)
            *idOut = id;
        const auto subject = wire::chatSubject(m_space, sender, channel);
        if (!subject)
            return std::nullopt;
        return awaitResult(m_js.publish(*subject,
                                        chatPayload(m_space, id, sender, channel, text, mentions),
                                        {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}}));
    }

    // Messages stored on one subject of a stream (STREAM.INFO with subjects_filter).
    std::optional<qint64> subjectCount(const QString &stream, const QString &subject)
    {
        const QByteArray body =
            "{\"subjects_filter\":" +
            QJsonDocument(QJsonArray{subject}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
            '}';
        const auto info = awaitResult(m_js.api(QStringLiteral("STREAM.INFO.") + stream, body));
        if (!info || !info->ok())
            return std::nullopt;
        return info->body.value(QLatin1String("state"))
            .toObject()
            .value(QLatin1String("subjects"))
            .toObject()
            .value(subject)
            .toInteger(0);
    }

    std::optional<qint64> dlvCount(const QString &owner)
    {
        return subjectCount(wire::dlvStreamName(m_space), wire::dlvSubject(m_space, owner));
    }

    std::optional<qint64> inboxCount(const QString &owner)
    {
        return subjectCount(wire::inboxStreamName(m_space), wire::dinboxSubject(m_space, owner));
    }

    // The live lease record; no value when there is none (or it could not be read).
    std::optional<wire::DeliveryLease> lease()
    {
        const auto entry = awaitResult(
            bucket(wire::deliveryBucket(m_space)).get(wire::kDeliveryLeaseKey.toString()));
        if (!entry || !entry->ok() || !entry->entry.isLive())
            return std::nullopt;
        const auto decoded = wire::decodeDeliveryLease(entry->entry.value);
        if (!decoded)
            return std::nullopt;
        return decoded.value();
    }

private:
    bool createDurable(const QString &stream, const QString &name, const QString &filter,
                       bool deliverAll)
    {
        const auto created = awaitResult(
            m_js.createConsumer(stream, name, filter,
                                space::AgentProvisioner::durableConfig(name, filter, deliverAll)));
        return created &&
               (created->ok() || created->error.kind == nats::NatsErrorKind::AlreadyExists);
    }

    QString m_space;
    nats::ConnectionOptions m_options;
    nats::NatsConnection m_connection;
    nats::JetStream m_js;
    qint64 m_aclRevision = 0;
};

} // namespace cotal::testing
