#include "ui/consolestatusbar.h"

#include "ui/consolesession.h"
#include "ui/elidinglabel.h"

#include <QLabel>
#include <QToolButton>

namespace cotal::ui {

using endpoint::Endpoint;

ConsoleStatusBar::ConsoleStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    setObjectName(QStringLiteral("consoleStatusBar"));
    auto label = [this](const QString &objectName, const QString &accessibleName) {
        auto *l = new ElidingLabel(this);
        l->setObjectName(objectName);
        l->setAccessibleName(accessibleName);
        l->setTextFormat(Qt::PlainText);
        addPermanentWidget(l);
        return l;
    };
    m_state = label(QStringLiteral("statusState"), tr("Connection state"));
    m_server = label(QStringLiteral("statusServer"), tr("Server"));
    m_space = label(QStringLiteral("statusSpace"), tr("Space"));
    m_identity = label(QStringLiteral("statusIdentity"), tr("Identity"));
    m_credentials = label(QStringLiteral("statusCredentials"), tr("Credentials in use"));
    m_credentials->setToolTip(tr("The credentials this connection reads and writes through: "
                                 "the view credential first, then the role credentials."));
    m_rate = label(QStringLiteral("statusRate"), tr("Messages per second"));
    m_dropped = label(QStringLiteral("statusDropped"), tr("Messages not shown"));
    m_dropped->setToolTip(tr("Live copies arrived faster than this console could show them and "
                             "were skipped. Agents still received them, and channel history "
                             "still holds them."));
    m_anomalies = new QToolButton(this);
    m_anomalies->setObjectName(QStringLiteral("statusAnomalies"));
    m_anomalies->setAccessibleName(tr("Anomalies: open the list"));
    m_anomalies->setAutoRaise(true);
    connect(m_anomalies, &QToolButton::clicked, this, &ConsoleStatusBar::anomaliesRequested);
    addPermanentWidget(m_anomalies);
    m_accessDrift = new QToolButton(this);
    m_accessDrift->setObjectName(QStringLiteral("statusAccessDrift"));
    m_accessDrift->setAccessibleName(tr("Access drift: open the access view"));
    m_accessDrift->setAutoRaise(true);
    m_accessDrift->hide();
    connect(m_accessDrift, &QToolButton::clicked, this, &ConsoleStatusBar::accessDriftRequested);
    addPermanentWidget(m_accessDrift);
    setState(Endpoint::State::Stopped, {});
    setRate(0);
    setDropped(0);
    setAnomalies({});
}

void ConsoleStatusBar::setState(Endpoint::State state, const QString &reason)
{
    QString glyph;
    switch (state) {
    case Endpoint::State::Connected:
        glyph = QStringLiteral("\u25CF ");
        break;
    case Endpoint::State::Connecting:
    case Endpoint::State::Reconnecting:
    case Endpoint::State::Rebuilding:
        glyph = QStringLiteral("\u25D0 ");
        break;
    default:
        glyph = QStringLiteral("\u25CB ");
        break;
    }
    QString text = glyph + ConsoleSession::stateText(state);
    if (state == Endpoint::State::Reconnecting || state == Endpoint::State::Rebuilding)
        text += QLatin1Char(' ') + tr("(auto-reconnect on)");
    m_state->setText(text);
    m_state->setToolTip(reason);
}

void ConsoleStatusBar::setConnection(const QString &server, const QString &space,
                                     const QString &identity, bool authMode)
{
    m_server->setText(server.isEmpty() ? QString() : tr("server %1").arg(server));
    m_spaceName = space;
    setSpaceNotice({});
    m_identity->setText(identity.isEmpty() ? QString()
                        : authMode         ? tr("as %1").arg(identity)
                                   : tr("as %1 (open mesh: nothing is enforced)").arg(identity));
}

void ConsoleStatusBar::setCredentials(const QString &credentials)
{
    m_credentials->setText(credentials.isEmpty() ? QString()
                                                 : tr("credentials: %1").arg(credentials));
}

void ConsoleStatusBar::setRate(double messagesPerSecond)
{
    // Below 10 msg/s a decimal keeps a quiet space from reading as silent.
    const int decimals = messagesPerSecond > 0 && messagesPerSecond < 10 ? 1 : 0;
    m_rate->setText(tr("%L1 msg/s").arg(messagesPerSecond, 0, 'f', decimals));
}

void ConsoleStatusBar::setDropped(quint64 messages)
{
    m_dropped->setVisible(messages > 0);
    m_dropped->setText(tr("%L1 not shown (console behind)").arg(messages));
}

void ConsoleStatusBar::setAnomalies(const endpoint::AnomalyCounters &counters)
{
    const quint64 spoofed = counters.senderMismatch + counters.forgedPresence;
    const quint64 malformed = counters.malformedJson + counters.malformedSubject;
    m_anomalies->setText(tr("⚠ %1 spoofed · %2 malformed · %3 terminated")
                             .arg(spoofed)
                             .arg(malformed)
                             .arg(counters.terminated));
}

void ConsoleStatusBar::setAccessDrift(const space::AccessMatrix::Counts &counts)
{
    m_accessDrift->setVisible(counts.total() > 0);
    m_accessDrift->setText(tr("access: %1 live uncovered · %2 durable uncovered · %3 stale ACL · "
                              "%4 no ACL")
                               .arg(counts.liveUncovered)
                               .arg(counts.durableUncovered)
                               .arg(counts.staleAcl)
                               .arg(counts.noRecord));
    m_accessDrift->setToolTip(m_accessDrift->text());
}

void ConsoleStatusBar::setSpaceNotice(const QString &notice)
{
    if (m_spaceName.isEmpty())
        m_space->clear();
    else if (notice.isEmpty())
        m_space->setText(tr("space %1").arg(m_spaceName));
    else
        m_space->setText(tr("space %1 — %2").arg(m_spaceName, notice));
}

QString ConsoleStatusBar::stateText() const
{
    return m_state->text();
}

} // namespace cotal::ui
