#pragma once

#include "core/endpoint/handledids.h"
#include "core/endpoint/receivedmessage.h"
#include "core/nats/jetstream.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <vector>

namespace cotal::endpoint {

// The receive pipeline of one endpoint (endpoint.md §6, §9; wire.md §7). Every copy is decoded
// once, checked, deduplicated by id against what was surfaced and what is pending, and collected
// into one batch per event-loop turn, or of at most kMaxBatch messages when a burst brings more
// (a receiver then never gets one huge batch to digest in one go). The batch is emitted with ONE
// signal; the durable copies in it are acked only after that emission ("ack only after
// surfaced").
class MessageIngest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageIngest)

public:
    static constexpr qsizetype kMaxBatch = 2048;

    explicit MessageIngest(QObject *parent = nullptr);

    void setOwnId(const QString &id) { m_ownId = id; }

    // Core copies: a joined channel's subscription (Path::Live) or the tap (Path::Tap).
    void acceptCore(const QList<nats::NatsMessage> &batch, ReceivedMessage::Path path);
    // JetStream copies from dm_/svc_/dlv_ (Path::Dm, Path::Task, Path::Dlv).
    void acceptDurable(const QList<nats::JsMessage> &batch, ReceivedMessage::Path path);
    // Already validated join-backfill messages (historical, no-op acks).
    void acceptHistorical(QList<ReceivedMessage> messages);

    // A presence entry whose card.id is not its key (storage.md §5.1 forgery guard).
    void reportForgedPresence(const QString &subject, const QString &detail);

    AnomalyCounters counters() const { return m_counters; }
    // Forgets surfaced ids (a fresh session); counters are kept.
    void resetDedup();

signals:
    void messagesReceived(const QList<cotal::endpoint::ReceivedMessage> &batch);
    void anomaly(const cotal::endpoint::Anomaly &anomaly);
    void countersChanged(const cotal::endpoint::AnomalyCounters &counters);

private:
    void acceptCoreOne(const nats::NatsMessage &message, ReceivedMessage::Path path, qint64 now);
    void acceptDurableOne(const nats::JsMessage &copy, ReceivedMessage::Path path, qint64 now);
    // Adds a checked message; returns false when it was a duplicate (the durable handle, if
    // any, is then acked or attached to the pending copy).
    void offer(ReceivedMessage &&message, const nats::JsMessage *durable);
    void reject(Anomaly::Reason reason, ReceivedMessage::Path path, const QString &subject,
                const QString &detail, const nats::JsMessage *durable, qint64 now);
    void scheduleFlush();
    void flush();
    void emitBatch();

    QString m_ownId;
    HandledIds m_handled;
    QList<ReceivedMessage> m_batch;
    QHash<QString, qsizetype> m_batchIndex; // id → position in m_batch
    std::vector<nats::JsMessage> m_acks;    // durable handles of the pending batch
    AnomalyCounters m_counters;
    bool m_countersDirty = false;
    bool m_flushScheduled = false;
};

} // namespace cotal::endpoint
