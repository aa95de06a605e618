#include "core/space/presenceroster.h"

#include <QDateTime>
#include <QMap>
#include <algorithm>

namespace cotal::space {

namespace {

wire::Presence offlineCopy(wire::Presence presence)
{
    presence.status = wire::PresenceStatus::Offline;
    presence.attention.reset();
    presence.channelModes.clear();
    return presence;
}

// Channel modes compare as maps: order does not matter and absent equals empty.
QMap<QString, wire::ChannelMode> modeMap(const wire::Presence &presence)
{
    QMap<QString, wire::ChannelMode> modes;
    for (const wire::ChannelModeEntry &entry : presence.channelModes)
        modes.insert(entry.channel, entry.mode);
    return modes;
}

bool isOffline(const wire::Presence &presence)
{
    return presence.status == wire::PresenceStatus::Offline;
}

// A heartbeat rewrites `ts` (and maybe the card) but none of what a roster reports.
bool sameReportedState(const wire::Presence &a, const wire::Presence &b)
{
    return a.status == b.status && a.activity == b.activity && a.attention == b.attention &&
           modeMap(a) == modeMap(b);
}

} // namespace

PresenceRoster::PresenceRoster(nats::KeyValue bucket, Clock clock, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    m_sweepTimer.setInterval(kSweepIntervalMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &PresenceRoster::sweep);
}

PresenceRoster::~PresenceRoster() = default;

void PresenceRoster::start()
{
    stop();
    m_roster.clear();
    m_initialLoaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket);
    connect(m_watcher.get(), &nats::KvWatcher::entries, this, &PresenceRoster::handleEntries);
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this, [this] {
        if (m_initialLoaded)
            return;
        m_initialLoaded = true;
        emit initialRosterLoaded();
    });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &PresenceRoster::watchFailed);
    m_watcher->start();
    m_sweepTimer.start();
}

void PresenceRoster::stop()
{
    m_sweepTimer.stop();
    m_watcher.reset();
}

QList<wire::Presence> PresenceRoster::snapshot() const
{
    QList<wire::Presence> list(m_roster.cbegin(), m_roster.cend());
    std::sort(list.begin(), list.end(), [](const wire::Presence &a, const wire::Presence &b) {
        const int byName = QString::localeAwareCompare(a.card.name, b.card.name);
        return byName != 0 ? byName < 0 : a.card.id < b.card.id;
    });
    return list;
}

std::optional<wire::Presence> PresenceRoster::find(const QString &id) const
{
    const auto it = m_roster.constFind(id);
    return it == m_roster.cend() ? std::nullopt : std::optional(*it);
}

QFuture<nats::KvResult> PresenceRoster::publish(const wire::Presence &presence) const
{
    return m_bucket.put(presence.card.id, wire::encodePresence(presence));
}

bool PresenceRoster::isStale(const wire::Presence &presence, qint64 now) const
{
    return double(now) - presence.ts > double(kLivenessMs);
}

void PresenceRoster::handleEntries(const QList<nats::KvEntry> &batch)
{
    QList<PresenceEvent> events;
    QStringList forged;
    for (const nats::KvEntry &entry : batch)
        apply(entry, &events, &forged);
    if (!forged.isEmpty())
        emit forgeriesDropped(forged);
    if (!events.isEmpty())
        emit changed(events);
}

void PresenceRoster::apply(const nats::KvEntry &entry, QList<PresenceEvent> *events,
                           QStringList *forged)
{
    const auto known = m_roster.constFind(entry.key);
    const std::optional<wire::Presence> previous =
        known == m_roster.cend() ? std::nullopt : std::optional(*known);

    // 1. A deleted or purged key takes a known, online peer offline.
    if (!entry.isLive()) {
        if (previous && !isOffline(*previous)) {
            const wire::Presence offline = offlineCopy(*previous);
            m_roster.insert(entry.key, offline);
            events->append({PresenceEvent::Type::Offline, offline, previous});
        }
        return;
    }

    // 2–3. Undecodable values are ignored; a card.id other than the key is a forgery.
    wire::Result<wire::Presence> decoded = wire::decodePresence(entry.value, entry.key);
    if (!decoded) {
        if (decoded.error().code == wire::WireErrorCode::SenderMismatch) {
            ++m_forgeries;
            forged->append(entry.key);
        } else {
            ++m_undecodable;
        }
        return;
    }

    // 4. Stale or `offline` records are stored as offline copies.
    wire::Presence next = std::move(decoded).value();
    if (isOffline(next) || isStale(next, m_clock()))
        next = offlineCopy(std::move(next));
    m_roster.insert(entry.key, next);

    // 5. First seen already offline: roster only.
    if (!previous) {
        events->append({isOffline(next) ? PresenceEvent::Type::Listed : PresenceEvent::Type::Join,
                        next, previous});
        return;
    }
    // 6. A heartbeat: nothing a listener reports has changed.
    if (!isOffline(*previous) && !isOffline(next) && sameReportedState(*previous, next))
        return;
    // 7.
    PresenceEvent::Type type = PresenceEvent::Type::Update;
    if (isOffline(next))
        type = PresenceEvent::Type::Offline;
    else if (isOffline(*previous))
        type = PresenceEvent::Type::Join;
    events->append({type, next, previous});
}

void PresenceRoster::sweep()
{
    const qint64 now = m_clock();
    QList<PresenceEvent> events;
    for (auto it = m_roster.begin(); it != m_roster.end(); ++it) {
        if (isOffline(*it) || !isStale(*it, now))
            continue;
        const wire::Presence previous = *it;
        *it = offlineCopy(previous);
        events.append({PresenceEvent::Type::Offline, *it, previous});
    }
    if (!events.isEmpty())
        emit changed(events);
}

} // namespace cotal::space
