#pragma once

#include "core/endpoint/endpoint.h"
#include "core/space/accessmatrix.h"

#include <QStatusBar>

class QLabel;
class QToolButton;

namespace cotal::ui {

// Always-visible connection facts: state (including auto-reconnect), server, space, identity,
// messages per second, messages skipped under a flood, and the anomalies counter, which opens the
// anomaly list.
class ConsoleStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStatusBar)

public:
    explicit ConsoleStatusBar(QWidget *parent = nullptr);

    void setState(endpoint::Endpoint::State state, const QString &reason);
    void setConnection(const QString &server, const QString &space, const QString &identity,
                       bool authMode);
    // The credentials the session uses, e.g. "admin · provisioner · delivery".
    void setCredentials(const QString &credentials);
    // Beside the space's name, e.g. "not provisioned"; empty clears it.
    void setSpaceNotice(const QString &notice);
    void setRate(double messagesPerSecond);
    // Hidden while nothing was skipped.
    void setDropped(quint64 messages);
    void setAnomalies(const endpoint::AnomalyCounters &counters);
    // Hidden while the access view finds no drift.
    void setAccessDrift(const cotal::space::AccessMatrix::Counts &counts);
    QString stateText() const;

signals:
    void anomaliesRequested();
    void accessDriftRequested();

private:
    QLabel *m_state;
    QLabel *m_server;
    QLabel *m_space;
    QLabel *m_identity;
    QLabel *m_credentials;
    QLabel *m_rate;
    QLabel *m_dropped;
    QToolButton *m_anomalies;
    QToolButton *m_accessDrift;
    QString m_spaceName;
};

} // namespace cotal::ui
