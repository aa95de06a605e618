#pragma once

#include "core/space/channelstats.h"
#include "core/space/deliverylease.h"
#include "core/space/memberregistry.h"
#include "core/wire/presence.h"

#include <QHash>
#include <QMap>
#include <QTimer>
#include <QWidget>
#include <memory>

class QTabWidget;

namespace cotal::ui {

class ConsoleSession;
class DaemonPane;
class HealthPane;
class LeaseInspector;
class LeaseModel;
class MembershipFeedModel;
class ResponderProbe;
class TimelineModel;
class TimelinePane;

// The Delivery tab: lease inspector and daemon pane, membership timelines with the feed, and
// health explained. Its registries live on the session's admin connection, from adminReady()
// to adminClosing().
class DeliveryPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryPane)

public:
    explicit DeliveryPane(ConsoleSession *session, QWidget *parent = nullptr);
    ~DeliveryPane() override;

    enum class Page
    {
        Lease,
        Timelines,
        Health,
    };
    void showPage(Page page);
    // Names a daemon that is not this console's (it has no presence card), e.g. the demo
    // mesh's, wherever its id appears as a lease holder or membership owner.
    void nameDaemon(const QString &id, const QString &name);

    LeaseModel *leaseModel() const { return m_leaseModel; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    MembershipFeedModel *feedModel() const { return m_feedModel; }
    DaemonPane *daemonPane() const { return m_daemon; }
    LeaseInspector *leaseInspector() const { return m_inspector; }
    TimelinePane *timelinePane() const { return m_timelines; }
    HealthPane *healthPane() const { return m_health; }
    QTabWidget *pages() const { return m_pages; }

private:
    void attach();
    void detach();
    void setRoster(const QList<wire::Presence> &roster);
    void refreshChannels();
    void pollFrontier();
    void pollLease();
    void refreshNames();
    // Daemons named by whoever started them, agents by their cards, this console's own daemon.
    QHash<QString, QString> knownNames() const;
    void refreshHealth();
    void forceRelease(int shard, quint64 revision);

    ConsoleSession *m_session;
    LeaseModel *m_leaseModel;
    TimelineModel *m_timelineModel;
    MembershipFeedModel *m_feedModel;
    ResponderProbe *m_probe;
    QTabWidget *m_pages;
    LeaseInspector *m_inspector;
    DaemonPane *m_daemon;
    TimelinePane *m_timelines;
    HealthPane *m_health;

    std::unique_ptr<space::DeliveryLease> m_lease;
    std::unique_ptr<space::MemberRegistry> m_members;
    std::optional<space::ChannelStats> m_stats;
    QList<wire::Presence> m_roster;
    QHash<QString, QString> m_daemonNames;
    QMap<QString, wire::DeliveryClass> m_classes;
    bool m_frontierInFlight = false;
    bool m_leasePolled = false; // the credential may get the lease but not watch it
    bool m_leaseInFlight = false;
    quint64 m_attachGeneration = 0;
    QTimer m_ticker;
};

} // namespace cotal::ui
