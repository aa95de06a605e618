#include "ui/accesspane.h"

#include "core/space/aclregistry.h"
#include "core/space/memberregistry.h"
#include "core/space/membershipfeedreader.h"
#include "core/space/spaceaccess.h"
#include "core/wire/names.h"
#include "ui/accessfilterproxy.h"
#include "ui/accessmodel.h"
#include "ui/consolesession.h"
#include "ui/membershipfeedmodel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace cotal::ui {

using space::Use;

namespace {

constexpr int kRebuildDelayMs = 250;
constexpr int kFreshnessCheckMs = 5000;

QLineEdit *filterField(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    field->setAccessibleName(placeholder);
    field->setClearButtonEnabled(true);
    return field;
}

} // namespace

AccessPane::AccessPane(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new AccessModel(this))
    , m_proxy(new AccessFilterProxy(this))
{
    setAccessibleName(tr("Access"));
    m_proxy->setSourceModel(m_model);
    m_agentFilter = filterField(QStringLiteral("accessAgentFilter"), tr("Filter agents"), this);
    m_roleFilter = filterField(QStringLiteral("accessRoleFilter"), tr("Filter roles"), this);
    m_channelFilter =
        filterField(QStringLiteral("accessChannelFilter"), tr("Filter channels"), this);
    m_onlyDrift = new QCheckBox(tr("Only &problems"), this);
    m_onlyDrift->setObjectName(QStringLiteral("accessOnlyDrift"));
    m_onlyDrift->setToolTip(tr("Only agents with drift or risk"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("accessNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("accessView"));
    m_view->setAccessibleName(tr("Agents and the channels they can read"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    // Sized once per rebuild, not from every cell's contents: 500 agents × 200 channels would
    // measure 100,000 cells at each change.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(
        m_view->fontMetrics().horizontalAdvance(tr("ACL · live · durable")) + 16);
    m_view->verticalHeader()->hide();
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("accessDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(m_detail->fontMetrics().lineSpacing() * 4);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("accessSummary"));
    m_summary->setWordWrap(true);
    m_editAcl = new QPushButton(tr("&Edit ACL…"), this);
    m_editAcl->setObjectName(QStringLiteral("accessEditAcl"));
    m_editAcl->setAccessibleName(tr("Edit the selected agent's read ACL"));
    m_editAcl->setToolTip(tr("Opens the ACL editor on this agent; an uncovered channel is "
                             "pre-filled as the pattern to add"));
    auto *csv = new QPushButton(tr("Export &CSV…"), this);
    csv->setObjectName(QStringLiteral("accessExportCsv"));
    csv->setAccessibleName(tr("Export the access view as CSV"));
    auto *png = new QPushButton(tr("Export &picture…"), this);
    png->setObjectName(QStringLiteral("accessExportPng"));
    png->setAccessibleName(tr("Export the access view as a PNG picture"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_agentFilter, 2);
    filters->addWidget(m_roleFilter, 1);
    filters->addWidget(m_channelFilter, 2);
    filters->addWidget(m_onlyDrift);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_editAcl);
    buttons->addWidget(csv);
    buttons->addWidget(png);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addLayout(buttons);

    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(kRebuildDelayMs);
    connect(&m_rebuild, &QTimer::timeout, this, &AccessPane::rebuild);
    m_freshness.setInterval(kFreshnessCheckMs);
    connect(&m_freshness, &QTimer::timeout, this, [this] {
        if (feedProblem(double(QDateTime::currentMSecsSinceEpoch())) != m_feedProblem)
            scheduleRebuild();
    });
    connect(m_agentFilter, &QLineEdit::textChanged, m_proxy, &AccessFilterProxy::setAgentFilter);
    connect(m_roleFilter, &QLineEdit::textChanged, m_proxy, &AccessFilterProxy::setRoleFilter);
    connect(m_channelFilter, &QLineEdit::textChanged, m_proxy,
            &AccessFilterProxy::setChannelFilter);
    connect(m_onlyDrift, &QCheckBox::toggled, m_proxy, &AccessFilterProxy::setOnlyDrift);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AccessPane::showSelection);
    connect(m_view, &QTableView::doubleClicked, this, &AccessPane::editSelection);
    connect(m_editAcl, &QPushButton::clicked, this, &AccessPane::editSelection);
    connect(csv, &QPushButton::clicked, this, &AccessPane::chooseCsv);
    connect(png, &QPushButton::clicked, this, &AccessPane::choosePng);
    connect(session, &ConsoleSession::adminReady, this, &AccessPane::attach);
    connect(session, &ConsoleSession::adminClosing, this, &AccessPane::detach);
    connect(session, &ConsoleSession::rosterChanged, this, &AccessPane::setRoster);
    connect(session, &ConsoleSession::channelsChanged, this, &AccessPane::scheduleRebuild);
    showSelection();
    if (session->access()->isReady())
        attach();
}

AccessPane::~AccessPane() = default;

void AccessPane::setChannelSource(std::function<QStringList()> source)
{
    m_channelSource = std::move(source);
    scheduleRebuild();
}

void AccessPane::setCredentialGrants(const QHash<QString, QStringList> &grants)
{
    m_credentialGrants = grants;
    scheduleRebuild();
}

void AccessPane::attach()
{
    detach();
    const space::SpaceAccess *access = m_session->access();
    const QString space = access->space();
    // Reads the credentials do not grant are never made; each source says why it is missing.
    const QString aclBucket = wire::aclBucket(space);
    if (access->mayWatch(access->credentialFor(Use::AclRead), aclBucket))
        m_acls = access->aclRegistry(Use::AclRead);
    else
        m_aclDenied = access->deniedRead(Use::AclRead, aclBucket);
    const QString membersBucket = wire::membersBucket(space);
    if (access->mayWatch(access->credentialFor(Use::DeliveryState), membersBucket))
        m_members = access->memberRegistry();
    else
        m_membersDenied = access->deniedRead(Use::DeliveryState, membersBucket);
    const QString feedBucket = wire::membershipBucket(space);
    if (access->mayWatch(space::Credential::View, feedBucket))
        m_feed = access->membershipFeed();
    else
        m_feedDenied = tr("the %1 credential may not read %2")
                           .arg(access->credentialName(space::Credential::View), feedBucket);

    if (m_acls) {
        connect(m_acls.get(), &space::AclRegistry::changed, this, &AccessPane::scheduleRebuild);
        connect(m_acls.get(), &space::AclRegistry::loaded, this, &AccessPane::scheduleRebuild);
        connect(m_acls.get(), &space::AclRegistry::watchFailed, this,
                [this](const nats::NatsError &error) {
                    m_aclDenied = error.describe();
                    m_acls.reset();
                    scheduleRebuild();
                });
        m_acls->start();
    }
    if (m_members) {
        connect(m_members.get(), &space::MemberRegistry::changed, this,
                &AccessPane::scheduleRebuild);
        connect(m_members.get(), &space::MemberRegistry::loaded, this,
                &AccessPane::scheduleRebuild);
        connect(m_members.get(), &space::MemberRegistry::watchFailed, this,
                [this](const nats::NatsError &error) {
                    m_membersDenied = error.describe();
                    m_members.reset();
                    scheduleRebuild();
                });
        m_members->start();
    }
    if (m_feed) {
        connect(m_feed.get(), &space::MembershipFeedReader::updated, this,
                [this](const space::MembershipFeedBatch &batch) {
                    if (batch.heartbeatChanged)
                        m_feedHeartbeat = batch.heartbeat;
                    for (const space::MembershipFeedUpdate &update : batch.memberships) {
                        if (update.membership) {
                            m_live.insert(update.agent, update.membership->live);
                            m_feedObservedAt.insert(update.agent, update.membership->observedAt);
                        } else {
                            m_live.remove(update.agent);
                            m_feedObservedAt.remove(update.agent);
                        }
                    }
                    scheduleRebuild();
                });
        connect(m_feed.get(), &space::MembershipFeedReader::loaded, this, [this] {
            m_feedLoaded = true;
            scheduleRebuild();
        });
        connect(m_feed.get(), &space::MembershipFeedReader::failed, this,
                [this](const space::SpaceError &error) {
                    m_feedDenied = error.describe();
                    m_feed.reset();
                    scheduleRebuild();
                });
        m_feed->start();
        m_freshness.start();
    }
    scheduleRebuild();
}

void AccessPane::detach()
{
    m_rebuild.stop();
    m_freshness.stop();
    m_acls.reset();
    m_members.reset();
    m_feed.reset();
    m_live.clear();
    m_feedObservedAt.clear();
    m_feedLoaded = false;
    m_feedHeartbeat.reset();
    m_roster.clear();
    m_aclDenied.clear();
    m_membersDenied.clear();
    m_feedDenied.clear();
    m_model->setMatrix({});
    m_notice->clear();
    m_notice->hide();
    m_summary->clear();
    showSelection();
    emit driftChanged({});
}

void AccessPane::setRoster(const QList<wire::Presence> &roster)
{
    QList<space::AccessInput::Agent> agents;
    agents.reserve(roster.size());
    for (const wire::Presence &presence : roster) {
        if (presence.card.kind != wire::AgentKind::Agent)
            continue;
        agents.append({presence.card.id, presence.card.name, presence.card.role.value_or(QString()),
                       presence.ts});
    }
    // Heartbeats refresh the roster every few seconds; only who is there, and under which
    // name and role, changes the table (an agent on the roster is never stale).
    const auto sameAgent = [](const space::AccessInput::Agent &a,
                              const space::AccessInput::Agent &b) {
        return a.id == b.id && a.name == b.name && a.role == b.role;
    };
    const bool changed =
        !std::equal(agents.cbegin(), agents.cend(), m_roster.cbegin(), m_roster.cend(), sameAgent);
    m_roster = std::move(agents);
    if (changed)
        scheduleRebuild();
}

void AccessPane::scheduleRebuild()
{
    if (!m_rebuild.isActive())
        m_rebuild.start();
}

void AccessPane::rebuild()
{
    m_rebuild.stop();
    space::AccessInput input;
    input.agents = m_roster;
    input.channels = m_channelSource ? m_channelSource() : QStringList();
    input.now = double(QDateTime::currentMSecsSinceEpoch());
    const QString loading = tr("still loading");
    input.aclReadable = m_acls && m_acls->isLoaded();
    if (input.aclReadable) {
        for (const QString &owner : m_acls->cachedOwners()) {
            const std::optional<space::AclLookup> lookup = m_acls->cached(owner);
            if (!lookup)
                continue;
            if (lookup->absence == space::AclLookup::Absence::None && lookup->acl.record())
                input.acls.insert(owner, *lookup->acl.record());
            else if (lookup->absence == space::AclLookup::Absence::Undecodable)
                input.acls.insert(owner, std::nullopt);
        }
    }
    input.membersReadable = m_members && m_members->isLoaded();
    if (input.membersReadable)
        input.members = m_members->cached();
    // Live subscriptions are only as true as the feed is fresh: records nobody rewrites any more
    // would claim readers that left long ago.
    const QString feedUnusable = feedProblem(input.now);
    input.feedReadable = feedUnusable.isEmpty();
    m_feedProblem = feedUnusable;
    input.live = m_live;
    input.feedObservedAt = m_feedObservedAt;
    input.credentialGrants = m_credentialGrants;

    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    const QString agent = current.data(AccessModel::AgentRole).toString();
    const QString channel = current.data(AccessModel::ChannelRole).toString();
    space::AccessMatrix matrix = space::AccessMatrix::build(input);
    const space::AccessMatrix::Counts counts = matrix.counts;
    // A reset scrolls to the top: an admin reading row 300 keeps reading it.
    const int scrolledX = m_view->horizontalScrollBar()->value();
    const int scrolledY = m_view->verticalScrollBar()->value();
    m_model->setMatrix(std::move(matrix), m_acls && !input.aclReadable ? loading : m_aclDenied,
                       feedUnusable,
                       m_members && !input.membersReadable ? loading : m_membersDenied);
    m_view->resizeColumnToContents(0);
    const int row = m_model->rowOf(agent);
    if (row >= 0) {
        const int column = channel.isEmpty() ? 0 : std::max(m_model->columnOf(channel), 0);
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->mapFromSource(m_model->index(row, column)),
            QItemSelectionModel::ClearAndSelect);
    }
    m_view->horizontalScrollBar()->setValue(scrolledX);
    m_view->verticalScrollBar()->setValue(scrolledY);

    QStringList unreadable;
    if (!m_acls)
        unreadable.append(tr("Read ACLs: cannot read — %1.").arg(m_aclDenied));
    if (!input.feedReadable && (!m_feed || m_feedLoaded))
        unreadable.append(tr("Live subscriptions: not shown — %1.").arg(feedUnusable));
    if (!m_members)
        unreadable.append(tr("Durable memberships: cannot read — %1.").arg(m_membersDenied));
    m_notice->setText(unreadable.join(u'\n'));
    m_notice->setVisible(!unreadable.isEmpty());
    m_summary->setText(
        tr("Agents: %1 · channels: %2. ").arg(m_model->rowCount()).arg(m_model->columnCount() - 1) +
        tr("Live uncovered: %1 · durable uncovered: %2 · stale ACLs: %3 · no ACL record: %4")
            .arg(counts.liveUncovered)
            .arg(counts.durableUncovered)
            .arg(counts.staleAcl)
            .arg(counts.noRecord));
    showSelection();
    emit driftChanged(counts);
}

QString AccessPane::feedProblem(double now) const
{
    if (!m_feed)
        return m_feedDenied;
    if (!m_feedLoaded)
        return tr("still loading");
    if (!m_feedHeartbeat)
        return tr("no feed daemon has written the membership feed (a delivery daemon with "
                  "membership credentials does)");
    const qint64 age = qint64(now - m_feedHeartbeat->observedAt);
    if (age > MembershipFeedModel::kStaleAfterMs)
        return tr("the membership feed is stale: its last complete poll was %1 s ago")
            .arg(age / 1000);
    return {};
}

void AccessPane::showSelection()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    m_editAcl->setEnabled(current.isValid());
    m_detail->setText(current.isValid() ? m_model->explain(current)
                                        : tr("Select a cell to see why it reads as it does."));
}

void AccessPane::editSelection()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid())
        return;
    const QString channel = current.data(AccessModel::ChannelRole).toString();
    const auto drift = current.data(AccessModel::DriftRole).toUInt();
    // An uncovered channel the agent reads or is a durable member of: the fix is to add it.
    const bool addable =
        !channel.isEmpty() && (drift & (space::LiveUncovered | space::DurableUncovered)) != 0;
    emit editAclRequested(current.data(AccessModel::AgentRole).toString(),
                          addable ? channel : QString());
}

bool AccessPane::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray csv = m_model->toCsv();
    return file.write(csv) == csv.size();
}

bool AccessPane::exportPng(const QString &path)
{
    return m_view->grab().save(path, "PNG");
}

void AccessPane::chooseCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the access view"), QStringLiteral("access.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path))
        m_summary->setText(tr("Cannot write %1.").arg(path));
}

void AccessPane::choosePng()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the access view"),
                                     QStringLiteral("access.png"), tr("PNG pictures (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        m_summary->setText(tr("Cannot write %1.").arg(path));
}

} // namespace cotal::ui
