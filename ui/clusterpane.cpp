#include "ui/clusterpane.h"

#include "core/space/spaceaccess.h"
#include "ui/clustermodel.h"
#include "ui/consolesession.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

// Three missed polls: what is shown is no longer what the cluster says.
constexpr int kStaleAfterMs = 3 * space::ClusterMonitor::kDefaultIntervalMs + 5000;
constexpr int kMaxLoggedChanges = 500;

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ClusterPane::ClusterPane(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ClusterModel(this))
{
    m_connection = plainLabel(QStringLiteral("clusterConnection"), this);
    m_connection->setAccessibleName(tr("Server of this connection"));
    m_servers = plainLabel(QStringLiteral("clusterServers"), this);
    m_servers->setAccessibleName(tr("Servers to fail over to"));
    m_freshness = plainLabel(QStringLiteral("clusterFreshness"), this);
    m_freshness->setAccessibleName(tr("When the cluster last answered"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("clusterStreams"));
    m_view->setAccessibleName(tr("Streams of the space and where they live"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto *changesTitle = new QLabel(tr("Leader changes seen"), this);
    m_changes = new QListWidget(this);
    m_changes->setObjectName(QStringLiteral("leaderChanges"));
    m_changes->setAccessibleName(tr("Leader changes seen"));
    changesTitle->setBuddy(m_changes);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_connection);
    layout->addWidget(m_servers);
    layout->addWidget(m_freshness);
    layout->addWidget(m_view, 3);
    layout->addWidget(changesTitle);
    layout->addWidget(m_changes, 1);

    m_freshnessTimer.setInterval(1000);
    connect(&m_freshnessTimer, &QTimer::timeout, this, &ClusterPane::checkFreshness);
    connect(session, &ConsoleSession::adminReady, this, &ClusterPane::attach);
    connect(session, &ConsoleSession::adminClosing, this, &ClusterPane::detach);
    detach();
    if (session->access()->isReady())
        attach();
}

ClusterPane::~ClusterPane() = default;

QString ClusterPane::connectionText() const
{
    return m_connection->text();
}

void ClusterPane::attach()
{
    detach();
    const space::SpaceAccess *access = m_session->access();
    m_monitor = access->clusterMonitor();
    if (!m_monitor) {
        m_connection->setText(tr("Not connected to the space."));
        return;
    }
    const space::Credential used = access->credentialFor(space::Use::SpaceSetup);
    m_model->setRefusedRemedy(
        used == space::Credential::Provisioner
            ? tr("a provisioner credential that may look up this stream")
            : tr("a provisioner credential on this connection (the %1 credential may not look "
                 "streams up)")
                  .arg(access->credentialName(used)));
    m_connection->setText(tr("Asking the %1 connection…").arg(access->credentialName(used)));
    connect(m_monitor.get(), &space::ClusterMonitor::updated, this, &ClusterPane::showSnapshot);
    connect(m_monitor.get(), &space::ClusterMonitor::leaderChanged, this, &ClusterPane::logChange);
    m_monitor->start();
    m_freshnessTimer.start();
}

void ClusterPane::detach()
{
    m_freshnessTimer.stop();
    m_monitor.reset();
    m_model->clear();
    m_lastUpdate = {};
    m_connection->setText(tr("Not connected to the space."));
    m_servers->clear();
    m_freshness->clear();
}

void ClusterPane::showSnapshot(const space::ClusterSnapshot &snapshot)
{
    const space::SpaceAccess *access = m_session->access();
    const QString credential =
        access->credentialName(access->credentialFor(space::Use::SpaceSetup));
    m_lastUpdate = snapshot.takenAt;
    m_connection->setText(
        snapshot.connectedUrl.isEmpty()
            ? tr("The %1 connection is not connected to any server now; it keeps trying the "
                 "servers below.")
                  .arg(credential)
            : tr("The %1 connection is on %2 (server id %3).")
                  .arg(credential, snapshot.connectedUrl, snapshot.connectedServer));
    m_servers->setText(tr("Servers it may fail over to: %1")
                           .arg(snapshot.knownServers.join(QStringLiteral(", "))));
    m_model->setStreams(snapshot.streams);
    checkFreshness();
}

void ClusterPane::logChange(const space::LeaderChange &change)
{
    const QString time = QLocale().toString(change.at.toLocalTime().time(), QLocale::LongFormat);
    const QString from = change.from.isEmpty() ? tr("none") : change.from;
    const QString to = change.to.isEmpty() ? tr("none") : change.to;
    m_changes->insertItem(0, tr("%1  %2: leader %3 → %4").arg(time, change.stream, from, to));
    while (m_changes->count() > kMaxLoggedChanges)
        delete m_changes->takeItem(m_changes->count() - 1);
}

void ClusterPane::checkFreshness()
{
    if (!m_lastUpdate.isValid()) {
        m_freshness->setText(tr("Waiting for the first answer…"));
        return;
    }
    const QString at = QLocale().toString(m_lastUpdate.toLocalTime().time(), QLocale::LongFormat);
    if (m_lastUpdate.msecsTo(QDateTime::currentDateTimeUtc()) > kStaleAfterMs)
        m_freshness->setText(tr("Stale: the last answer came at %1; the servers are not "
                                "answering now.")
                                 .arg(at));
    else
        m_freshness->setText(tr("Updated %1.").arg(at));
}

} // namespace cotal::ui
