#include "core/endpoint/endpoint_p.h"
#include "core/wire/channels.h"
#include "core/wire/control.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/subjects.h"

#include <QDateTime>
#include <QUuid>

namespace cotal::endpoint {

namespace {

SendResult failedSend(nats::NatsErrorKind kind, QString message)
{
    SendResult result;
    result.error.kind = kind;
    result.error.message = std::move(message);
    return result;
}

} // namespace

QFuture<SendResult> Endpoint::Private::send(wire::Route route, const QList<wire::Part> &parts,
                                            const SendOptions &options)
{
    using nats::NatsErrorKind;
    if (!connected() || m_state != State::Connected) {
        SendResult result;
        result.error = notReady();
        return QtFuture::makeReadyFuture(result);
    }
    const QString space = m_options.space;
    QString subject;
    switch (route.kind) {
    case wire::RouteKind::Channel: {
        if (route.target.isEmpty()) {
            // Default target: the first concrete boot channel, else "general" (wire.md §6.1).
            route.target = QStringLiteral("general");
            for (const QString &channel : std::as_const(m_options.channels)) {
                if (wire::isConcreteChannel(channel)) {
                    route.target = channel;
                    break;
                }
            }
        }
        const wire::Result<QString> valid = wire::validateConcreteChannel(route.target);
        if (!valid)
            return QtFuture::makeReadyFuture(failedSend(
                NatsErrorKind::InvalidArgument, QStringLiteral("cannot publish to \"%1\": %2")
                                                    .arg(route.target, valid.error().detail)));
        subject = *wire::chatSubject(space, m_id, route.target);
        break;
    }
    case wire::RouteKind::Direct:
        if (route.target.isEmpty())
            return QtFuture::makeReadyFuture(
                failedSend(NatsErrorKind::InvalidArgument, QStringLiteral("no target id")));
        subject = wire::unicastSubject(space, route.target, m_id);
        break;
    case wire::RouteKind::Service:
        if (route.target.isEmpty())
            return QtFuture::makeReadyFuture(
                failedSend(NatsErrorKind::InvalidArgument, QStringLiteral("no target role")));
        subject = wire::anycastSubject(space, route.target, m_id);
        break;
    }

    wire::CotalMessage message;
    message.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.ts = double(QDateTime::currentMSecsSinceEpoch());
    message.space = space;
    message.from = wire::EndpointRef{m_id, m_options.card.name, m_options.card.role};
    message.route = std::move(route);
    message.mentions = wire::normalizeMentions(options.mentions);
    message.parts = parts;
    message.replyTo = options.replyTo;
    message.contextId = options.contextId;

    const QString id = message.id;
    m_ownSends.hold(id);
    return m_js->publish(subject, wire::encodeCotalMessage(message), {{"Nats-Msg-Id", id.toUtf8()}})
        .then(q, [this, id, subject](const nats::PubAck &ack) {
            SendResult result;
            result.id = id;
            result.subject = subject;
            result.ack = ack;
            result.error = ack.error;
            if (const QList<ReceivedMessage> copies = m_ownSends.settle(id, result.ok());
                !copies.isEmpty())
                emit q->messagesReceived(copies);
            return result;
        });
}

QFuture<ControlResult> Endpoint::Private::control(const QString &service, const QString &op,
                                                  const QByteArray &argsJson, int timeoutMs)
{
    if (!m_connection) {
        ControlResult result;
        result.natsError = notReady();
        result.error = result.natsError.message;
        return QtFuture::makeReadyFuture(result);
    }
    const QString space = m_options.space;
    const QString request = wire::controlSubject(space, service, m_id);
    // A single-use reply lane under the request subject: the responder's boundReply guard
    // accepts nothing else, and the random suffix keeps it unguessable (wire.md §8.3).
    const QString reply = wire::controlReplySubject(space, service, m_id, wire::newReplyId());
    // Never ask what the credential may not: the broker would log a violation and say nothing.
    if (!m_grants.mayPublish(request) || !m_grants.maySubscribe(reply)) {
        ControlResult result;
        result.natsError = endpointError(nats::NatsErrorKind::PermissionDenied,
                                         QStringLiteral("this credential may not send %1 control "
                                                        "requests")
                                             .arg(service));
        result.natsError.operation = QStringLiteral("publish");
        result.natsError.subject = request;
        result.error = result.natsError.describe();
        return QtFuture::makeReadyFuture(result);
    }
    wire::JsonWriter body;
    body.beginObject().key(u"op").string(op).key(u"args").rawJson(argsJson).key(u"from");
    wire::writeEndpointRef(body, wire::EndpointRef{m_id, m_options.card.name, m_options.card.role});
    body.endObject();
    return m_connection->requestOn(reply, request, body.take(), timeoutMs)
        .then(q, [](const nats::RequestResult &answer) {
            ControlResult result;
            if (!answer.ok()) {
                result.natsError = answer.error;
                result.error = answer.error.describe();
                switch (answer.error.kind) {
                case nats::NatsErrorKind::NoResponders:
                    result.status = ControlResult::Status::NoResponders;
                    break;
                case nats::NatsErrorKind::Timeout:
                    result.status = ControlResult::Status::Timeout;
                    break;
                default:
                    result.status = ControlResult::Status::Failed;
                    break;
                }
                return result;
            }
            wire::Result<wire::ControlReply> decoded = wire::decodeControlReply(answer.reply.data);
            if (!decoded) {
                result.status = ControlResult::Status::Failed;
                result.error = QStringLiteral("undecodable control reply");
                return result;
            }
            result.status =
                decoded->ok ? ControlResult::Status::Ok : ControlResult::Status::Refused;
            result.data = decoded->data.value_or(wire::JsonValue{});
            result.error = decoded->error.value_or(QString());
            return result;
        });
}

} // namespace cotal::endpoint
