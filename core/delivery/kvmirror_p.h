#pragma once

#include "core/nats/keyvalue.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace cotal::delivery {

// A watched copy of a key-value bucket as the server holds it: each key's newest entry, removal
// markers included, undecoded, so what it answers is what a fresh read of the key would return.
class KvMirror final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KvMirror)

public:
    explicit KvMirror(nats::KeyValue bucket, QObject *parent = nullptr);
    ~KvMirror() override;

    // Starts the watch from an empty copy.
    void start();
    void stop();
    bool isLoaded() const { return m_loaded; }
    quint64 watchedRevision() const { return m_watchedRevision; }
    qsizetype watchedKeyCount() const { return m_entries.size(); }
    // The key's value; none when it has no record or its newest is a removal marker.
    std::optional<QByteArray> value(const QString &key) const;

signals:
    void watchFailed(const cotal::nats::NatsError &error);

private:
    nats::KeyValue m_bucket;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    QHash<QString, nats::KvEntry> m_entries;
    quint64 m_watchedRevision = 0;
    bool m_loaded = false;
};

} // namespace cotal::delivery
