#include "ui/daemonpane.h"

#include "ui/ratechart.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QPushButton>

namespace cotal::ui {

DaemonPane::DaemonPane(LeaseModel *leases, QWidget *parent)
    : QWidget(parent)
    , m_leases(leases)
    , m_start(new QPushButton(tr("&Start daemon"), this))
    , m_stop(new QPushButton(tr("S&top daemon"), this))
    , m_state(new QLabel(this))
    , m_lease(new QLabel(this))
    , m_counters(new QLabel(this))
    , m_copies(new RateChart(tr("Delivered copies/s"), tr("/s"), this))
    , m_lag(new RateChart(tr("Fan-out lag"), tr("msgs"), this))
    , m_log(new QPlainTextEdit(this))
{
    setAccessibleName(tr("Delivery daemon"));
    m_start->setObjectName(QStringLiteral("startDaemonButton"));
    m_stop->setObjectName(QStringLiteral("stopDaemonButton"));
    m_start->setAccessibleName(tr("Start the in-process delivery daemon"));
    m_stop->setAccessibleName(tr("Stop the in-process delivery daemon"));
    m_state->setAccessibleName(tr("Daemon state"));
    m_lease->setObjectName(QStringLiteral("daemonLease"));
    m_state->setObjectName(QStringLiteral("daemonState"));
    m_counters->setObjectName(QStringLiteral("daemonCounters"));
    m_copies->setObjectName(QStringLiteral("daemonCopiesChart"));
    m_lease->setAccessibleName(tr("Daemon lease"));
    m_counters->setAccessibleName(tr("Daemon metrics"));
    m_counters->setTextFormat(Qt::RichText);
    m_counters->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_log->setAccessibleName(tr("Daemon log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setMaximumHeight(90);
    m_state->setWordWrap(true);
    m_lease->setWordWrap(true);

    auto *layout = new QGridLayout(this);
    auto *title = new QLabel(tr("<b>In-process delivery daemon</b>"), this);
    layout->addWidget(title, 0, 0, 1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    layout->addLayout(buttons, 1, 0, 1, 2);
    layout->addWidget(m_state, 2, 0, 1, 2);
    layout->addWidget(m_lease, 3, 0, 1, 2);
    layout->addWidget(m_counters, 4, 0, 2, 1);
    layout->addWidget(m_copies, 4, 1);
    layout->addWidget(m_lag, 5, 1);
    layout->addWidget(m_log, 6, 0, 1, 2);
    layout->setColumnStretch(1, 1);

    connect(m_start, &QPushButton::clicked, this, &DaemonPane::start);
    connect(m_stop, &QPushButton::clicked, this, &DaemonPane::stop);
    connect(leases, &QAbstractItemModel::dataChanged, this, &DaemonPane::showLease);
    connect(leases, &QAbstractItemModel::rowsInserted, this, &DaemonPane::showLease);
    connect(leases, &QAbstractItemModel::modelReset, this, &DaemonPane::showLease);
    showState(delivery::DeliveryDaemon::State::Stopped, {});
    showMetrics({});
}

// A host's destructor stops its daemon (releasing the lease) and joins its thread.
DaemonPane::~DaemonPane() = default;

void DaemonPane::setOptions(std::optional<delivery::DeliveryOptions> options)
{
    m_options = std::move(options);
    if (!m_options && m_host)
        stop();
    updateButtons();
}

void DaemonPane::setDaemonId(const QString &id)
{
    if (id == m_daemonId)
        return;
    m_daemonId = id;
    emit daemonIdChanged(id);
    showLease();
}

void DaemonPane::start()
{
    if (m_host || m_hosted || !m_options)
        return;
    m_copies->clear();
    m_lag->clear();
    m_host = std::make_unique<delivery::DeliveryHost>(*m_options);
    follow(m_host->daemon());
    updateButtons();
    delivery::DeliveryHost *host = m_host.get();
    m_host->start().then(this, [this, host](const delivery::DeliveryError &error) {
        if (m_host.get() != host)
            return;
        if (error.isError()) {
            log(error.kind == delivery::DeliveryErrorKind::LeaseHeld
                    ? tr("not started: the lease is held by %1").arg(error.holder)
                    : tr("not started: %1").arg(error.message));
            stop();
            return;
        }
        // The id is the daemon's; read it here, on the GUI thread, once start() has set it up.
        QString id;
        QMetaObject::invokeMethod(
            host->daemon(), [daemon = host->daemon()] { return daemon->id(); },
            Qt::BlockingQueuedConnection, &id);
        setDaemonId(id);
        if (!host->daemon()->property("modeLabel").toString().isEmpty())
            log(host->daemon()->property("modeLabel").toString());
    });
}

void DaemonPane::follow(delivery::DeliveryDaemon *daemon)
{
    connect(daemon, &delivery::DeliveryDaemon::stateChanged, this, &DaemonPane::showState);
    connect(daemon, &delivery::DeliveryDaemon::metricsChanged, this, &DaemonPane::showMetrics);
    connect(daemon, &delivery::DeliveryDaemon::logged, this,
            [this](delivery::LogLevel, const QString &text) { log(text); });
    connect(daemon, &delivery::DeliveryDaemon::failed, this,
            [this](const delivery::DeliveryError &error) {
                log(tr("stopped: %1").arg(error.message));
            });
}

void DaemonPane::showHostedDaemon(delivery::DeliveryDaemon *daemon, const QString &id,
                                  const QString &owner)
{
    if (!daemon || m_host)
        return;
    if (m_hosted)
        disconnect(m_hosted, nullptr, this, nullptr);
    m_hosted = daemon;
    m_copies->clear();
    m_lag->clear();
    follow(daemon);
    setDaemonId(id);
    m_state->setText(tr("State: running — %1, in this process").arg(owner));
    log(tr("Showing %1: it runs in this process and starts and stops with it, not from here.")
            .arg(owner));
    updateButtons();
}

void DaemonPane::updateButtons()
{
    m_start->setEnabled(m_options.has_value() && !m_host && !m_hosted);
    m_stop->setEnabled(m_host != nullptr);
    m_start->setToolTip(m_hosted ? tr("This process already runs a delivery daemon for the space.")
                                 : QString());
}

void DaemonPane::stop()
{
    if (!m_host)
        return;
    m_stop->setEnabled(false);
    delivery::DeliveryHost *host = m_host.get();
    m_stopping.push_back(std::move(m_host));
    setDaemonId({});
    host->stop().then(this, [this, host] {
        std::erase_if(m_stopping, [host](const auto &stopping) { return stopping.get() == host; });
        updateButtons();
        showState(delivery::DeliveryDaemon::State::Stopped, {});
    });
}

void DaemonPane::showState(delivery::DeliveryDaemon::State state, const QString &reason)
{
    const char *key = QMetaEnum::fromType<delivery::DeliveryDaemon::State>().valueToKey(int(state));
    const QString name = QString::fromLatin1(key ? key : "").toLower();
    m_state->setText(reason.isEmpty() ? tr("State: %1").arg(name)
                                      : tr("State: %1 — %2").arg(name, reason));
    updateButtons();
}

void DaemonPane::showLease()
{
    const int row = m_leases->rowOfShard(0);
    if (m_daemonId.isEmpty()) {
        const QString holder =
            row < 0 ? QString() : m_leases->index(row, LeaseModel::Holder).data().toString();
        m_lease->setText(
            holder.isEmpty()
                ? tr("Lease: not running here; no daemon holds lease.0")
                : tr("Lease: not running here; lease.0 is held by %1 (%2). A daemon "
                     "started here is refused while that lease is live.")
                      .arg(holder, m_leases->index(row, LeaseModel::State).data().toString()));
        return;
    }
    if (row < 0) {
        m_lease->setText(tr("Lease: not seen yet"));
        return;
    }
    const QString holder = m_leases->index(row, 0).data(LeaseModel::HolderIdRole).toString();
    const QString state = m_leases->index(row, LeaseModel::State).data().toString();
    const QString left = m_leases->index(row, LeaseModel::TimeLeft).data().toString();
    if (holder == m_daemonId)
        m_lease->setText(
            tr("Lease: lease.0 held by this daemon (%1), %2 left, revision %3")
                .arg(state, left, m_leases->index(row, LeaseModel::Revision).data().toString()));
    else
        m_lease->setText(
            tr("Lease: lease.0 is not held by this daemon (%1 %2)").arg(state, holder));
}

void DaemonPane::showMetrics(const delivery::DeliveryMetrics &m)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_host || m_hosted) {
        m_copies->addSample(now, m.copiesPerSecond);
        m_lag->addSample(now, double(m.lag));
    }
    const auto line = [](const QString &label, quint64 value) {
        return QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>")
            .arg(label.toHtmlEscaped())
            .arg(value);
    };
    QString html = QStringLiteral("<table cellspacing=2>");
    html += line(tr("CHAT processed"), m.chatProcessed);
    html += line(tr("Copies fanned out"), m.copiesFannedOut);
    html += line(tr("CHAT dropped (malformed)"), m.chatDropped);
    html += line(tr("Copies held (mixed inbox full)"), m.copiesHeld);
    html += line(tr("Delivered to DLV"), m.delivered);
    html += line(tr("Transfers held (member reading slowly)"), m.transfersHeld);
    html += line(tr("Deferred (no ACL yet)"), m.deferred);
    html += line(tr("Dropped (outside ACL/interval)"), m.dropped);
    html += line(tr("Terminated (10 deliveries)"), m.terminated);
    html += line(tr("CHAT evicted unread"), m.chatEvictedUnread);
    html += line(tr("INBOX evicted unread"), m.inboxEvictedUnread);
    html += line(tr("DLV evicted unread"), m.dlvEvictedUnread);
    html += line(tr("Lag (messages)"), m.lag);
    html += line(tr("CHAT frontier"), m.chatFrontier);
    html += QStringLiteral("</table>");
    m_counters->setText(html);
}

void DaemonPane::log(const QString &text)
{
    m_log->appendPlainText(
        tr("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
}

} // namespace cotal::ui
