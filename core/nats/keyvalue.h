#pragma once

#include "core/nats/jetstream.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>

namespace cotal::nats {

struct KvEntry
{
    enum class Operation
    {
        Put,
        Delete,
        Purge,
    };

    QString bucket;
    QString key;
    QByteArray value;
    quint64 revision = 0;
    QDateTime created;
    Operation operation = Operation::Put;

    bool isLive() const { return operation == Operation::Put; }
};

struct KvResult
{
    // For reads the entry; for writes entry.revision is the new revision. On a RevisionConflict
    // entry.revision is the key's current revision (0 when the server did not say).
    KvEntry entry;
    NatsError error; // NotFound for a missing key, RevisionConflict for a lost CAS
    bool ok() const { return !error.isError(); }
};

// history(): every stored revision of one key, oldest first, delete/purge markers included.
struct KvHistoryResult
{
    QList<KvEntry> entries;
    NatsError error;
    bool ok() const { return !error.isError(); }
};

// keys(): the keys whose newest entry is a live value.
struct KvKeysResult
{
    QStringList keys;
    NatsError error;
    bool ok() const { return !error.isError(); }
};

// One KV bucket, bound (opened) the way the reference opens it: reads through STREAM.MSG.GET,
// writes through JetStream publishes on $KV.<bucket>.<key> (storage.md §3.1).
class KeyValue final
{
public:
    KeyValue(JetStream jetStream, QString bucket);

    const QString &bucket() const { return m_bucket; }
    const JetStream &jetStream() const { return m_jetStream; }
    QString streamName() const { return QStringLiteral("KV_") + m_bucket; }
    QString subjectFor(const QString &key) const;

    QFuture<KvResult> get(const QString &key) const;
    QFuture<KvResult> put(const QString &key, const QByteArray &value) const;
    // Fails with AlreadyExists-like RevisionConflict when a live value exists; re-creates over
    // a delete/purge marker.
    QFuture<KvResult> create(const QString &key, const QByteArray &value) const;
    // Compare-and-set on `revision`; RevisionConflict when the key moved on.
    QFuture<KvResult> update(const QString &key, const QByteArray &value, quint64 revision) const;
    // Delete marker; with a non-zero `revision` only if still at that revision.
    QFuture<KvResult> remove(const QString &key, quint64 revision = 0) const;
    QFuture<KvResult> purge(const QString &key) const;
    QFuture<KvHistoryResult> history(const QString &key) const;
    QFuture<KvKeysResult> keys() const;

    // Creates the bucket with the reference's stream config (storage.md §3). ttlMs 0 = none.
    // Like the reference, an existing bucket is opened, never reconfigured: the body is the
    // STREAM.INFO of whichever stream now exists, so callers can compare its config.
    QFuture<ApiResult> createBucket(qint64 ttlMs = 0, int history = 1, qint64 maxBytes = -1) const;
    // The STREAM.CREATE body createBucket() sends, field order as the reference client builds it.
    // `replicas` > 1 only on a JetStream cluster; 1 is the reference's body byte for byte.
    static QByteArray bucketConfig(const QString &bucket, qint64 ttlMs = 0, int history = 1,
                                   qint64 maxBytes = -1, int replicas = 1);

private:
    JetStream m_jetStream;
    QString m_bucket;
};

// Watches a bucket through an ordered push consumer created with the named form. Emits the
// initial values (last per key), then initialValuesDone() once, then every update. Re-creates
// its consumer after a gap, a missed heartbeat or a reconnect, resuming after the last seen
// revision.
class KvWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KvWatcher)

public:
    enum class Mode
    {
        InitialValuesThenUpdates,
        UpdatesOnly,
    };

    KvWatcher(KeyValue bucket, QString keyFilter = QStringLiteral(">"),
              Mode mode = Mode::InitialValuesThenUpdates, QObject *parent = nullptr);
    ~KvWatcher() override;

    void start();

signals:
    void entries(const QList<cotal::nats::KvEntry> &batch);
    void initialValuesDone();
    void failed(const cotal::nats::NatsError &error);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::nats
