#pragma once

#include "core/nats/jetstream.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <deque>
#include <functional>
#include <optional>

namespace cotal::endpoint {

struct HistoryEntry
{
    nats::NatsMessage message;
    quint64 sequence = 0;
};

struct HistoryRead
{
    QList<HistoryEntry> entries;
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// The contained single-filter history read (endpoint.md §8.1): one named consumer
// `chathist_<token(id)>` on CHAT_<S>, created through the named create form (the whole read-ACL
// mechanism in auth mode), read, and always deleted. Reads are serialised because they share
// the consumer name.
class HistoryReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    struct Start
    {
        quint64 sequence = 1;          // by_start_sequence when no time is given
        std::optional<QDateTime> time; // by_start_time
    };

    static constexpr int kFetchBatch = 256;
    static constexpr int kFetchExpiresMs = 5000;
    static constexpr qint64 kInactiveThresholdNs = 30'000'000'000;

    explicit HistoryReader(QObject *parent = nullptr);

    // Binds to a connection (or unbinds with nullptr); queued reads fail when unbound.
    void bind(nats::NatsConnection *connection, QString stream, QString consumer);

    // Reads the messages of `filterSubject` from `start`, stopping after sequence `until` (0 =
    // no bound) or `limit` messages (0 = no limit).
    QFuture<HistoryRead> read(const QString &filterSubject, Start start, quint64 until = 0,
                              int limit = 0);

    // The exact create config (storage.md §4), key order as the reference sends it.
    static QByteArray consumerConfig(const QString &name, const QString &filterSubject,
                                     const Start &start);

private:
    struct Job;
    void runNext();
    void fetchMore(std::shared_ptr<Job> job);
    void finish(std::shared_ptr<Job> job);

    nats::NatsConnection *m_connection = nullptr;
    QString m_stream;
    QString m_consumer;
    std::deque<std::shared_ptr<Job>> m_queue;
    bool m_running = false;
};

} // namespace cotal::endpoint
