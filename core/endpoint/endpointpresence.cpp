#include "core/endpoint/endpoint_p.h"
#include "core/wire/channels.h"

#include <QCollator>
#include <QDateTime>
#include <QPromise>
#include <algorithm>

namespace cotal::endpoint {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isOffline(const wire::Presence &presence)
{
    return presence.status == wire::PresenceStatus::Offline;
}

// The offline copy: advisory attention and channel modes dropped (endpoint.md §3.3).
wire::Presence offlineCopy(wire::Presence presence)
{
    presence.status = wire::PresenceStatus::Offline;
    presence.attention.reset();
    presence.channelModes.clear();
    return presence;
}

// Channel modes compare as maps: order does not matter, absent == empty.
QMap<QString, wire::ChannelMode> modeMap(const wire::Presence &presence)
{
    QMap<QString, wire::ChannelMode> modes;
    for (const wire::ChannelModeEntry &entry : presence.channelModes)
        modes.insert(entry.channel, entry.mode);
    return modes;
}

} // namespace

wire::Presence Endpoint::Private::ownRecord(bool offline) const
{
    wire::Presence record;
    record.card = m_options.card;
    record.status = offline ? wire::PresenceStatus::Offline : m_status;
    if (!m_activity.isEmpty())
        record.activity = m_activity;
    if (!offline) {
        record.attention = m_attention;
        for (auto it = m_channelModes.constBegin(); it != m_channelModes.constEnd(); ++it)
            record.channelModes.append(wire::ChannelModeEntry{it.key(), it.value()});
    }
    record.ts = double(nowMs());
    return record;
}

void Endpoint::Private::publishPresence()
{
    if (!m_options.registerPresence || !m_presenceKv || m_stopped)
        return;
    m_presenceKv->put(m_id, wire::encodePresence(ownRecord(false)))
        .then(q, [this, epoch = m_epoch](const nats::KvResult &written) {
            if (!written.ok() && epoch == m_epoch)
                report(QStringLiteral("presence: %1").arg(written.error.describe()));
        });
}

QFuture<void> Endpoint::Private::publishOffline()
{
    // Best effort: the final record without attention and channel modes (endpoint.md §3.1).
    return m_presenceKv->put(m_id, wire::encodePresence(ownRecord(true)))
        .then(q, [](const nats::KvResult &) {});
}

void Endpoint::Private::handlePresenceEntries(const QList<nats::KvEntry> &entries)
{
    const qint64 now = nowMs();
    QList<PresenceEvent> events;
    bool changed = false;
    for (const nats::KvEntry &entry : entries) {
        const auto known = m_roster.find(entry.key);
        if (!entry.isLive()) {
            if (known != m_roster.end() && !isOffline(*known)) {
                *known = offlineCopy(*known);
                events.append(PresenceEvent{PresenceEvent::Type::Offline, *known});
                changed = true;
            }
            continue;
        }
        wire::Result<wire::Presence> decoded = wire::decodePresence(entry.value);
        if (!decoded)
            continue;
        wire::Presence record = std::move(decoded).value();
        if (record.card.id != entry.key) {
            m_ingest->reportForgedPresence(
                QStringLiteral("$KV.%1.%2").arg(m_presenceKv->bucket(), entry.key),
                QStringLiteral("card.id \"%1\" under key \"%2\"").arg(record.card.id, entry.key));
            continue;
        }
        if (now - qint64(record.ts) > m_options.ttlMs || isOffline(record))
            record = offlineCopy(record);
        if (known == m_roster.end() && isOffline(record)) {
            m_roster.insert(entry.key, record);
            changed = true;
            continue;
        }
        if (known != m_roster.end() && !isOffline(*known) && !isOffline(record) &&
            known->status == record.status && known->activity == record.activity &&
            known->attention == record.attention && modeMap(*known) == modeMap(record)) {
            // A heartbeat: no event, but the roster's ages start again from its timestamp.
            *known = record;
            changed = true;
            continue;
        }
        PresenceEvent::Type type = PresenceEvent::Type::Update;
        if (isOffline(record))
            type = PresenceEvent::Type::Offline;
        else if (known == m_roster.end() || isOffline(*known))
            type = PresenceEvent::Type::Join;
        m_roster.insert(entry.key, record);
        events.append(PresenceEvent{type, record});
        changed = true;
    }
    if (!events.isEmpty())
        emit q->presenceEvents(events);
    if (changed)
        emit q->rosterChanged(sortedRoster());
}

void Endpoint::Private::sweepRoster()
{
    // Bucket TTL expiry emits nothing, so staleness is found by timestamp (endpoint.md §3.2).
    const qint64 now = nowMs();
    QList<PresenceEvent> events;
    for (auto it = m_roster.begin(); it != m_roster.end(); ++it) {
        if (isOffline(*it) || now - qint64(it->ts) <= m_options.ttlMs)
            continue;
        *it = offlineCopy(*it);
        events.append(PresenceEvent{PresenceEvent::Type::Offline, *it});
    }
    if (events.isEmpty())
        return;
    emit q->presenceEvents(events);
    emit q->rosterChanged(sortedRoster());
}

QList<wire::Presence> Endpoint::Private::sortedRoster() const
{
    QList<wire::Presence> roster = m_roster.values();
    QCollator collator;
    std::sort(roster.begin(), roster.end(),
              [&collator](const wire::Presence &a, const wire::Presence &b) {
                  const int order = collator.compare(a.card.name, b.card.name);
                  return order != 0 ? order < 0 : a.card.id < b.card.id;
              });
    return roster;
}

void Endpoint::Private::handleRegistryEntries(const QList<nats::KvEntry> &entries)
{
    bool changed = false;
    for (const nats::KvEntry &entry : entries) {
        if (entry.key == wire::kChannelDefaultsKey) {
            if (!entry.isLive()) {
                m_registry.defaults = RegistryEntry{};
                changed = true;
            } else if (std::optional<RegistryEntry> decoded = decodeRegistryEntry(entry.value)) {
                m_registry.defaults = std::move(*decoded);
                changed = true;
            }
            continue;
        }
        if (!entry.isLive()) {
            changed |= m_registry.channels.remove(entry.key) > 0;
        } else if (std::optional<RegistryEntry> decoded = decodeRegistryEntry(entry.value)) {
            m_registry.channels.insert(entry.key, std::move(*decoded));
            changed = true;
        }
    }
    if (changed)
        emit q->channelsChanged();
}

ChannelPolicy Endpoint::Private::cachedPolicy(const QString &channel) const
{
    return m_registry.resolve(channel);
}

QFuture<ChannelPolicy> Endpoint::Private::freshPolicy(const QString &channel)
{
    if (!m_channelsKv)
        return QtFuture::makeReadyFuture(cachedPolicy(channel));
    // Channel key (concrete only: wildcards are illegal keys) and `=defaults`, read fresh.
    const nats::KeyValue kv = *m_channelsKv;
    QFuture<nats::KvResult> own = wire::isConcreteChannel(channel)
                                      ? kv.get(channel)
                                      : QtFuture::makeReadyFuture(nats::KvResult{
                                            {}, {nats::NatsErrorKind::NotFound, {}, 0, 0, {}, {}}});
    return own
        .then(q,
              [this, kv](const nats::KvResult &channelRead) {
                  return kv.get(wire::kChannelDefaultsKey.toString())
                      .then(q, [channelRead](const nats::KvResult &read) {
                          std::optional<RegistryEntry> channelEntry;
                          if (channelRead.ok() && channelRead.entry.isLive())
                              channelEntry = decodeRegistryEntry(channelRead.entry.value);
                          RegistryEntry defaults;
                          if (read.ok() && read.entry.isLive())
                              defaults =
                                  decodeRegistryEntry(read.entry.value).value_or(RegistryEntry{});
                          return resolvePolicy(channelEntry ? &*channelEntry : nullptr, defaults);
                      });
              })
        .unwrap();
}

} // namespace cotal::endpoint
