#include "core/endpoint/messageingest.h"

#include "core/wire/subjects.h"

#include <QDateTime>

namespace cotal::endpoint {

namespace {

using Path = ReceivedMessage::Path;

// A payload that parsed but has no usable `from` is a sender mismatch (wire.md §7); every other
// decode failure makes the envelope unusable, which the SPEC files under malformed-json.
Anomaly::Reason reasonFor(const wire::WireError &error)
{
    if (error.code != wire::WireErrorCode::MalformedJson &&
        error.detail.startsWith(QLatin1String("CotalMessage.from")))
        return Anomaly::Reason::SenderMismatch;
    return Anomaly::Reason::MalformedJson;
}

} // namespace

MessageIngest::MessageIngest(QObject *parent)
    : QObject(parent)
{}

void MessageIngest::acceptCore(const QList<nats::NatsMessage> &batch, Path path)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_batch.reserve(m_batch.size() + batch.size());
    for (const nats::NatsMessage &message : batch)
        acceptCoreOne(message, path, now);
}

void MessageIngest::acceptCoreOne(const nats::NatsMessage &message, Path path, qint64 now)
{
    const std::optional<wire::ParsedSubject> parsed = wire::parseSubject(message.subject);
    if (!parsed) {
        // The tap also sees Plane-3 deliveries: a bare CotalMessage on the sender-less
        // dlv.<owner> subject. Mixed-inbox entries, reserved subjects and anything else that is
        // not a delivery message are not surfaced.
        if (path == Path::Tap) {
            if (!wire::parseDlvOwner(message.subject)) {
                // A delivery-kind subject that does not parse is malformed; anything else
                // (dinbox, reserved, a foreign kind) is simply not a delivery message.
                const QStringView kind = QStringView(message.subject).split(u'.').value(2);
                if (kind == u"chat" || kind == u"inst" || kind == u"svc")
                    reject(Anomaly::Reason::MalformedSubject, path, message.subject,
                           QStringLiteral("delivery subject without a sender position"), nullptr,
                           now);
                return;
            }
            wire::Result<wire::CotalMessage> decoded = wire::decodeCotalMessage(message.data);
            if (!decoded) {
                reject(reasonFor(decoded.error()), path, message.subject, decoded.error().detail,
                       nullptr, now);
                return;
            }
            offer(ReceivedMessage{std::move(decoded).value(), wire::DeliveryKind::Channel, path,
                                  false, false, message.subject, 0, now},
                  nullptr);
            return;
        }
        reject(Anomaly::Reason::MalformedSubject, path, message.subject,
               QStringLiteral("subject has no sender position"), nullptr, now);
        return;
    }
    if (parsed->kind == wire::SubjectKind::Ctl)
        return; // control traffic carries no delivery message
    if (path == Path::Live && parsed->kind != wire::SubjectKind::Chat)
        return;

    wire::Result<wire::CotalMessage> decoded = wire::decodeCotalMessage(message.data);
    if (!decoded) {
        reject(reasonFor(decoded.error()), path, message.subject, decoded.error().detail, nullptr,
               now);
        return;
    }
    if (decoded->from.id != parsed->sender) {
        reject(Anomaly::Reason::SenderMismatch, path, message.subject,
               QStringLiteral("from.id \"%1\" is not the subject's sender \"%2\"")
                   .arg(decoded->from.id, parsed->sender),
               nullptr, now);
        return;
    }
    // Own echo on a joined channel is dropped; the tap shows everything, own sends included.
    if (path == Path::Live && decoded->from.id == m_ownId)
        return;
    offer(ReceivedMessage{std::move(decoded).value(), *wire::deliveryKindOf(parsed->kind), path,
                          false, false, message.subject, 0, now},
          nullptr);
}

void MessageIngest::acceptDurable(const QList<nats::JsMessage> &batch, Path path)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_batch.reserve(m_batch.size() + batch.size());
    for (const nats::JsMessage &copy : batch)
        acceptDurableOne(copy, path, now);
}

void MessageIngest::acceptDurableOne(const nats::JsMessage &copy, Path path, qint64 now)
{
    const nats::NatsMessage &message = copy.message();
    wire::DeliveryKind kind = wire::DeliveryKind::Channel;
    std::optional<wire::ParsedSubject> parsed;
    if (path != Path::Dlv) {
        // DM and TASK copies: the subject must be a unicast / anycast with a sender.
        parsed = wire::parseSubject(message.subject);
        const wire::SubjectKind expected =
            path == Path::Dm ? wire::SubjectKind::Inst : wire::SubjectKind::Svc;
        if (!parsed || parsed->kind != expected) {
            reject(Anomaly::Reason::MalformedSubject, path, message.subject,
                   QStringLiteral("not a %1 subject")
                       .arg(path == Path::Dm ? QLatin1String("unicast") : QLatin1String("anycast")),
                   &copy, now);
            return;
        }
        kind = *wire::deliveryKindOf(parsed->kind);
    }

    wire::Result<wire::CotalMessage> decoded = wire::decodeCotalMessage(message.data);
    if (!decoded) {
        // DLV copies are not sender-checked, so any decode failure there is malformed-json.
        const Anomaly::Reason reason =
            path == Path::Dlv ? Anomaly::Reason::MalformedJson : reasonFor(decoded.error());
        reject(reason, path, message.subject, decoded.error().detail, &copy, now);
        return;
    }
    // DLV is the trusted path: only the delivery daemon may publish there (wire.md §7).
    if (parsed && decoded->from.id != parsed->sender) {
        reject(Anomaly::Reason::SenderMismatch, path, message.subject,
               QStringLiteral("from.id \"%1\" is not the subject's sender \"%2\"")
                   .arg(decoded->from.id, parsed->sender),
               &copy, now);
        return;
    }
    if (decoded->from.id == m_ownId) {
        copy.ack();
        return;
    }
    offer(ReceivedMessage{std::move(decoded).value(), kind, path, false, true, message.subject,
                          copy.metadata().streamSequence, now},
          &copy);
}

void MessageIngest::acceptHistorical(QList<ReceivedMessage> messages)
{
    m_batch.reserve(m_batch.size() + messages.size());
    for (ReceivedMessage &message : messages)
        offer(std::move(message), nullptr);
}

void MessageIngest::offer(ReceivedMessage &&message, const nats::JsMessage *durable)
{
    if (m_handled.contains(message.message.id)) {
        if (durable)
            durable->ack();
        return;
    }
    const auto pending = m_batchIndex.constFind(message.message.id);
    if (pending != m_batchIndex.constEnd()) {
        // Never downgrade: a durable copy of a pending id makes the pending entry durable.
        if (durable) {
            ReceivedMessage &kept = m_batch[*pending];
            kept.durableCopy = true;
            if (!kept.streamSequence)
                kept.streamSequence = message.streamSequence;
            m_acks.push_back(*durable);
        }
        return;
    }
    m_batchIndex.insert(message.message.id, m_batch.size());
    if (durable)
        m_acks.push_back(*durable);
    m_batch.append(std::move(message));
    if (m_batch.size() >= kMaxBatch)
        emitBatch();
    else
        scheduleFlush();
}

void MessageIngest::reject(Anomaly::Reason reason, Path path, const QString &subject,
                           const QString &detail, const nats::JsMessage *durable, qint64 now)
{
    switch (reason) {
    case Anomaly::Reason::MalformedJson:
        ++m_counters.malformedJson;
        break;
    case Anomaly::Reason::SenderMismatch:
        ++m_counters.senderMismatch;
        break;
    case Anomaly::Reason::MalformedSubject:
        ++m_counters.malformedSubject;
        break;
    case Anomaly::Reason::ForgedPresence:
        ++m_counters.forgedPresence;
        break;
    }
    if (durable) {
        // A permanent anomaly must not redeliver (wire.md §7).
        durable->term();
        ++m_counters.terminated;
    }
    m_countersDirty = true;
    scheduleFlush();
    emit anomaly(Anomaly{reason, path, subject, detail, durable != nullptr, now});
}

void MessageIngest::reportForgedPresence(const QString &subject, const QString &detail)
{
    reject(Anomaly::Reason::ForgedPresence, Path::Presence, subject, detail, nullptr,
           QDateTime::currentMSecsSinceEpoch());
}

void MessageIngest::resetDedup()
{
    m_handled.clear();
}

void MessageIngest::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &MessageIngest::flush, Qt::QueuedConnection);
}

void MessageIngest::flush()
{
    m_flushScheduled = false;
    emitBatch();
}

void MessageIngest::emitBatch()
{
    QList<ReceivedMessage> batch;
    batch.swap(m_batch);
    std::vector<nats::JsMessage> acks;
    acks.swap(m_acks);
    m_batchIndex.clear();
    for (const ReceivedMessage &message : std::as_const(batch))
        m_handled.insert(message.message.id);
    if (!batch.isEmpty())
        emit messagesReceived(batch);
    for (const nats::JsMessage &copy : acks)
        copy.ack();
    if (m_countersDirty) {
        m_countersDirty = false;
        emit countersChanged(m_counters);
    }
}

} // namespace cotal::endpoint
