#include "core/delivery/kvmirror_p.h"

#include <algorithm>

namespace cotal::delivery {

KvMirror::KvMirror(nats::KeyValue bucket, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
{}

KvMirror::~KvMirror() = default;

void KvMirror::start()
{
    stop();
    m_entries.clear();
    m_watchedRevision = 0;
    m_loaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket);
    connect(m_watcher.get(), &nats::KvWatcher::entries, this,
            [this](const QList<nats::KvEntry> &batch) {
                for (const nats::KvEntry &entry : batch) {
                    m_watchedRevision = std::max(m_watchedRevision, entry.revision);
                    m_entries.insert(entry.key, entry);
                }
            });
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this,
            [this] { m_loaded = true; });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &KvMirror::watchFailed);
    m_watcher->start();
}

void KvMirror::stop()
{
    m_watcher.reset();
}

std::optional<QByteArray> KvMirror::value(const QString &key) const
{
    const auto entry = m_entries.constFind(key);
    if (entry == m_entries.cend() || !entry->isLive())
        return std::nullopt;
    return entry->value;
}

} // namespace cotal::delivery
