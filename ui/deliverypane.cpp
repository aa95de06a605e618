#include "ui/deliverypane.h"

#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "ui/consolesession.h"
#include "ui/daemonpane.h"
#include "ui/healthpane.h"
#include "ui/leaseinspector.h"
#include "ui/leasemodel.h"
#include "ui/membershipfeedmodel.h"
#include "ui/responderprobe.h"
#include "ui/timelinemodel.h"
#include "ui/timelinepane.h"

#include <QDateTime>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cotal::ui {

DeliveryPane::DeliveryPane(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_leaseModel(new LeaseModel(this))
    , m_timelineModel(new TimelineModel(this))
    , m_feedModel(new MembershipFeedModel(this))
    , m_probe(new ResponderProbe(
          [session] {
              // Any reply proves a bound responder; the op is the cheapest read it serves.
              return session->control(QStringLiteral("delivery"), QStringLiteral("listMemberships"),
                                      {}, 2000);
          },
          this))
    , m_pages(new QTabWidget(this))
    , m_inspector(new LeaseInspector(m_leaseModel, this))
    , m_daemon(new DaemonPane(m_leaseModel, this))
    , m_timelines(new TimelinePane(m_timelineModel, m_feedModel, this))
    , m_health(new HealthPane(this))
{
    setAccessibleName(tr("Delivery"));
    m_pages->setAccessibleName(tr("Delivery pages"));
    auto *leasePage = new QSplitter(Qt::Vertical, this);
    leasePage->setAccessibleName(tr("Lease and daemon"));
    leasePage->addWidget(m_inspector);
    // The daemon's counters, charts and log need more height than a small screen has.
    auto *daemonScroll = new QScrollArea(this);
    daemonScroll->setWidget(m_daemon);
    daemonScroll->setWidgetResizable(true);
    daemonScroll->setFrameShape(QFrame::NoFrame);
    leasePage->addWidget(daemonScroll);
    leasePage->setStretchFactor(0, 2);
    leasePage->setStretchFactor(1, 3);
    m_pages->addTab(leasePage, tr("Lease && daemon"));
    m_pages->addTab(m_timelines, tr("Membership timelines"));
    m_pages->addTab(m_health, tr("Health explained"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_probe, &ResponderProbe::statusChanged, this,
            [this](ResponderStatus status, const QString &detail) {
                m_leaseModel->setResponderStatus(status);
                m_inspector->setResponderDetail(status, detail);
            });
    connect(m_inspector, &LeaseInspector::forceReleaseRequested, this, &DeliveryPane::forceRelease);
    connect(m_daemon, &DaemonPane::daemonIdChanged, this, &DeliveryPane::refreshNames);
    // A ready lease is the moment a wedged holder shows: probe at once, not at the next tick.
    connect(m_leaseModel, &QAbstractItemModel::dataChanged, this, [this] {
        const int row = m_leaseModel->rowOfShard(0);
        if (row >= 0 && m_leaseModel->status(row) == LeaseModel::LeaseStatus::Ready &&
            m_probe->status() != ResponderStatus::Answering)
            m_probe->probe();
    });
    connect(session, &ConsoleSession::adminReady, this, &DeliveryPane::attach);
    connect(session, &ConsoleSession::adminClosing, this, &DeliveryPane::detach);
    connect(session, &ConsoleSession::rosterChanged, this, &DeliveryPane::setRoster);
    connect(session, &ConsoleSession::channelsChanged, this, &DeliveryPane::refreshChannels);

    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        pollLease();
        pollFrontier();
        refreshHealth();
    });
    if (session->access()->isReady())
        attach();
}

DeliveryPane::~DeliveryPane()
{
    // Models first, while the registries they point at still exist; the daemon pane joins
    // its own host.
    m_leaseModel->setSource(nullptr);
    m_timelineModel->setSource(nullptr);
    m_feedModel->watch(nullptr);
}

void DeliveryPane::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
}

void DeliveryPane::attach()
{
    detach();
    const space::SpaceAccess *access = m_session->access();
    std::unique_ptr<space::DeliveryLease> lease = access->deliveryLease();
    std::unique_ptr<space::MemberRegistry> members = access->memberRegistry();
    std::optional<space::ChannelStats> stats = access->channelStats();
    // A connection of this space that did not come up was reported by the session: nothing
    // here can be read through it.
    if (!lease || !members || !stats)
        return;
    const QString space = access->space();
    ++m_attachGeneration;
    // Reads the credential's JWT does not grant are never made: each says why instead.
    using space::Use;
    const space::Credential stateCredential = access->credentialFor(Use::DeliveryState);
    const QString leaseBucket = wire::deliveryBucket(space);
    if (access->mayWatch(stateCredential, leaseBucket)) {
        m_lease = std::move(lease);
        m_leaseModel->setSource(m_lease.get());
        m_lease->start();
    } else if (access->mayGet(stateCredential, leaseBucket)) {
        m_lease = std::move(lease);
        m_leasePolled = true;
        pollLease();
    } else {
        m_leaseModel->setUnreadable(access->deniedRead(Use::DeliveryState, leaseBucket));
    }
    const QString membersBucket = wire::membersBucket(space);
    if (access->mayWatch(stateCredential, membersBucket)) {
        m_members = std::move(members);
        m_timelineModel->setSource(m_members.get());
        m_timelines->view()->setEmptyText({});
        m_members->start();
    } else {
        m_timelines->view()->setEmptyText(
            tr("Cannot read the durable memberships: %1.")
                .arg(access->deniedRead(Use::DeliveryState, membersBucket)));
    }
    m_stats = std::move(stats);
    const QString feedBucket = wire::membershipBucket(space);
    if (access->mayWatch(space::Credential::View, feedBucket))
        m_feedModel->watch(access->membershipFeed());
    else
        m_feedModel->setUnreadable(
            tr("the %1 credential may not read %2")
                .arg(access->credentialName(space::Credential::View), feedBucket));

    delivery::DeliveryOptions options;
    options.connection = access->connectionFor(space::Use::Daemon);
    options.connection.name = QStringLiteral("cotal-console-delivery");
    options.space = space;
    if (const std::optional<space::FeedCredentials> feed = access->membershipFeedCredentials()) {
        delivery::MembershipFeedOptions membership;
        membership.observer = feed->observer;
        membership.writer = feed->writer;
        options.membership = membership;
    }
    m_daemon->setOptions(options);
    // The delivery credential is the space's daemon identity: a lease it holds is that daemon's.
    if (access->has(space::Credential::Delivery))
        nameDaemon(options.connection.inboxId, tr("the space's delivery daemon"));
    // The probe asks ctl.delivery as this console: only where the view credential may.
    const wire::Grants viewGrants = access->grants(space::Credential::View);
    const QString control =
        wire::controlSubject(space, QStringLiteral("delivery"), m_session->identity());
    if (viewGrants.mayPublish(control) &&
        viewGrants.maySubscribe(control + QStringLiteral(".reply.x")))
        m_probe->start();
    else
        m_inspector->setResponderUnavailable(
            tr("the %1 credential may not send control requests")
                .arg(access->credentialName(space::Credential::View)));
    m_ticker.start();
    refreshChannels();
}

void DeliveryPane::detach()
{
    m_ticker.stop();
    m_probe->stop();
    m_daemon->setOptions(std::nullopt);
    m_leaseModel->setSource(nullptr);
    m_timelineModel->setSource(nullptr);
    m_feedModel->watch(nullptr);
    m_timelines->view()->setEmptyText({});
    m_inspector->setResponderDetail(ResponderStatus::Unknown, {});
    m_lease.reset();
    m_members.reset();
    m_stats.reset();
    ++m_attachGeneration;
    m_frontierInFlight = false;
    m_leasePolled = false;
    m_leaseInFlight = false;
}

void DeliveryPane::setRoster(const QList<wire::Presence> &roster)
{
    m_roster = roster;
    refreshNames();
}

void DeliveryPane::nameDaemon(const QString &id, const QString &name)
{
    m_daemonNames.insert(id, name);
    refreshNames();
}

QHash<QString, QString> DeliveryPane::knownNames() const
{
    QHash<QString, QString> names = m_daemonNames;
    for (const wire::Presence &presence : std::as_const(m_roster))
        names.insert(presence.card.id, presence.card.name);
    // A daemon this process hosts for someone else (the demo mesh) keeps the name it was given.
    if (!m_daemon->daemonId().isEmpty() && !m_daemonNames.contains(m_daemon->daemonId()))
        names.insert(m_daemon->daemonId(), tr("this console's daemon"));
    return names;
}

void DeliveryPane::refreshNames()
{
    const QHash<QString, QString> names = knownNames();
    m_leaseModel->setNames(names);
    m_timelines->setOwnerNames(names);
}

void DeliveryPane::refreshChannels()
{
    const quint64 generation = m_attachGeneration;
    m_session->listChannels().then(this, [this, generation](const endpoint::ChannelListResult &r) {
        if (generation != m_attachGeneration || !r.ok())
            return;
        m_classes.clear();
        for (const endpoint::ChannelRow &row : r.rows)
            m_classes.insert(row.channel, row.deliveryClass == endpoint::DeliveryClass::Durable
                                              ? wire::DeliveryClass::Durable
                                              : wire::DeliveryClass::Live);
        refreshHealth();
    });
}

void DeliveryPane::pollLease()
{
    if (!m_leasePolled || !m_lease || m_leaseInFlight)
        return;
    m_leaseInFlight = true;
    const quint64 generation = m_attachGeneration;
    m_lease->read(0).then(this, [this, generation](const space::LeaseState &state) {
        if (generation != m_attachGeneration)
            return;
        m_leaseInFlight = false;
        m_leaseModel->applyPolled(state);
    });
}

void DeliveryPane::pollFrontier()
{
    if (!m_stats || m_frontierInFlight)
        return;
    m_frontierInFlight = true;
    const quint64 generation = m_attachGeneration;
    // Only the stream's bounds are needed: a filter no chat subject matches keeps it small.
    m_stats
        ->querySubjects(QStringLiteral("cotal.%1.chat.=frontier").arg(m_session->options().space))
        .then(this, [this, generation](const space::ChatStreamStats &stats) {
            if (generation != m_attachGeneration)
                return;
            m_frontierInFlight = false;
            if (stats.ok())
                m_timelines->setFrontier(qint64(stats.lastSeq));
        });
}

void DeliveryPane::refreshHealth()
{
    HealthExplainer::Inputs in;
    const int row = m_leaseModel->rowOfShard(0);
    in.lease = m_leaseModel->status(row);
    in.leaseReadFailed = !m_lease;
    in.responder = m_leaseModel->responderStatus();
    if (m_members) {
        for (const space::MemberEntry &entry : m_members->cached())
            in.members.append(entry.record);
    }
    in.channelClasses = m_classes;
    for (const wire::Presence &presence : std::as_const(m_roster))
        in.online.insert(presence.card.id, presence.status != wire::PresenceStatus::Offline);
    // Lease holders and owners read as names wherever one is known, as in the inspector.
    in.names = knownNames();
    in.feed = m_feedModel->freshness();
    for (int i = 0; i < m_feedModel->rowCount(); ++i) {
        const QModelIndex index = m_feedModel->index(i, 0);
        in.feedDurable.insert(index.data(MembershipFeedModel::AgentIdRole).toString(),
                              index.data(MembershipFeedModel::DurableRole).toStringList());
    }
    in.now = QDateTime::currentMSecsSinceEpoch();
    m_health->setHealth(HealthExplainer::explain(in));
}

void DeliveryPane::forceRelease(int shard, quint64 revision)
{
    if (!m_lease)
        return;
    space::DeliveryLease *lease = m_lease.get();
    m_inspector->setActionResult(tr("Releasing lease.%1 at revision %2…").arg(shard).arg(revision));
    lease->forceRelease(revision, shard)
        .then(this, [this, shard, revision, lease](const space::SpaceError &error) {
            if (m_lease.get() != lease)
                return;
            if (!error.isError()) {
                m_inspector->setActionResult(
                    tr("lease.%1 released at revision %2.").arg(shard).arg(revision));
                // Read back as a known change: a polled lease that vanishes would otherwise
                // read as expired (its holder gone quiet) rather than released.
                lease->read(shard).then(this, [this, lease](const space::LeaseState &state) {
                    if (m_lease.get() == lease)
                        m_leaseModel->applyRead(state);
                });
                return;
            }
            if (error.kind == space::SpaceErrorKind::RevisionConflict) {
                // An expired lease the bucket already removed refuses the CAS too: read it
                // again, so the row shows what is stored now rather than the expired value.
                lease->read(shard).then(this, [this, lease](const space::LeaseState &state) {
                    if (m_lease.get() != lease)
                        return;
                    m_leaseModel->applyRead(state);
                    if (!state.lease && state.ok())
                        m_inspector->setActionResult(
                            tr("Nothing to release: the bucket already removed the expired "
                               "lease."));
                });
            }
            m_inspector->setActionResult(tr("Not released: %1").arg(error.describe()));
        });
}

} // namespace cotal::ui
