#pragma once

#include "core/nats/keyvalue.h"
#include "core/wire/presence.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::space {

// One roster change, as endpoint.md §3.3 reports it.
struct PresenceEvent
{
    enum class Type
    {
        Join,    // new peer, or back from offline
        Update,  // status, activity, attention or channel modes changed
        Offline, // deleted/purged key, `offline` record, or stale past the liveness window
        // A peer first seen already offline: the reference emits no presence event, only a
        // roster refresh, so listeners that announce joins and leaves skip it.
        Listed,
    };

    Type type = Type::Join;
    wire::Presence presence;                // the roster entry after the change
    std::optional<wire::Presence> previous; // the entry before, if there was one
};

// The live roster of a space, built from a watch of `cotal_presence_<S>` exactly as
// endpoint.md §3.3 says, plus the mandatory staleness sweep (bucket TTL expiry emits nothing).
// Lives on its connection's thread; every change of one drain arrives as one `changed` batch.
class PresenceRoster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceRoster)

public:
    using Clock = std::function<qint64()>; // epoch ms

    static constexpr int kSweepIntervalMs = 2000;
    static constexpr qint64 kLivenessMs = 6000;

    // `clock` defaults to the system clock; tests inject one to drive staleness.
    explicit PresenceRoster(nats::KeyValue bucket, Clock clock = {}, QObject *parent = nullptr);
    ~PresenceRoster() override;

    // Starts the watch and the sweep timer. A second call restarts from an empty roster.
    void start();
    void stop();

    bool isInitialRosterLoaded() const { return m_initialLoaded; }
    // Every known peer, offline ones included (observability), ordered by card name.
    QList<wire::Presence> snapshot() const;
    std::optional<wire::Presence> find(const QString &id) const;

    // Records dropped because card.id differed from their key: forgeries.
    quint64 forgeryCount() const { return m_forgeries; }
    quint64 undecodableCount() const { return m_undecodable; }

    // Puts the own record at key card.id (the endpoint heartbeat), stamped as given.
    QFuture<nats::KvResult> publish(const wire::Presence &presence) const;

    // One pass of the staleness sweep; the timer runs it every kSweepIntervalMs.
    void sweep();

signals:
    void changed(const QList<cotal::space::PresenceEvent> &events);
    void initialRosterLoaded();
    // Keys whose record claimed another card.id in the last drain.
    void forgeriesDropped(const QStringList &keys);
    void watchFailed(const cotal::nats::NatsError &error);

private:
    void handleEntries(const QList<nats::KvEntry> &batch);
    void apply(const nats::KvEntry &entry, QList<PresenceEvent> *events, QStringList *forged);
    bool isStale(const wire::Presence &presence, qint64 now) const;

    nats::KeyValue m_bucket;
    Clock m_clock;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    QTimer m_sweepTimer;
    QHash<QString, wire::Presence> m_roster;
    bool m_initialLoaded = false;
    quint64 m_forgeries = 0;
    quint64 m_undecodable = 0;
};

} // namespace cotal::space

Q_DECLARE_METATYPE(cotal::space::PresenceEvent)
