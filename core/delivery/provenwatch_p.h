#pragma once

#include "core/nats/jetstream.h"
#include "core/nats/natserror.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

namespace cotal::delivery {

struct DaemonContext;

// When a watched key-value cache (history 1) may stand in for fresh reads of its bucket.
//
// A fresh read returns the newest write the server stored before answering. One `STREAM.INFO`
// answers how far the stream has got (its last sequence); a watch that has delivered that far, in
// order and deletes included, holds each key's newest write, so its answer is at least as fresh.
// The same answer shows whether anything left the stream behind the watch's back: its creation
// time (read before the watch starts, so a stream provisioned again is another stream), one
// message per key, and as many keys as the watch has seen (a purge or a deleted message). Then
// the watch is restarted and the caller reads fresh meanwhile, as it does while the watch is
// down, has failed (tried again after 30 s) or the credential may not read the stream's info.
class ProvenWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvenWatch)

public:
    // The watched cache, as the proof needs it.
    struct Cache
    {
        std::function<void()> start; // (re)starts the watch from an empty cache
        std::function<void()> stop;
        std::function<bool()> isLoaded;
        std::function<quint64()> watchedRevision;   // the newest revision delivered
        std::function<qsizetype()> watchedKeyCount; // keys with a record or a removal marker
    };

    // `what` names the cache in the log ("ACL", "channel registry"); `freshReads` says what
    // happens without it ("ACLs are read fresh").
    ProvenWatch(DaemonContext *context, QString stream, QString what, QString freshReads,
                Cache cache, std::function<nats::JetStream()> jetStream, QObject *parent = nullptr);
    ~ProvenWatch() override;

    void start();
    void close();
    // The watch failed: fresh reads until it is tried again.
    void watchFailed(const nats::NatsError &error);

    // True when the cache answers like a fresh read now; false when the caller must read fresh.
    // Costs one request while the watch is up.
    QFuture<bool> current();

private:
    enum class Standing
    {
        Current,  // answers like a fresh read
        Unproven, // a write not delivered yet, or the watch already past this answer
        Changed,  // the stream changed behind the watch's back: rebuild
    };

    Standing standingOf(const QJsonObject &info) const;
    void denyStreamInfo(const nats::NatsError &error);

    DaemonContext *m_context;
    QString m_stream;
    QString m_what;
    QString m_freshReads;
    Cache m_cache;
    std::function<nats::JetStream()> m_jetStream;
    bool m_streamInfoGranted = true;
    bool m_up = false; // started on a known stream and not failed since
    bool m_starting = false;
    quint64 m_epoch = 0;       // bumps at each (re)start: older answers are not judged
    QString m_created;         // the stream the watch reads, by its creation time
    quint64 m_lastAtStart = 0; // its last sequence before the watch started
    QDeadlineTimer m_retry{0}; // when a failed start or watch may be tried again
};

} // namespace cotal::delivery
