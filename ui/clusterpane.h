#pragma once

#include "core/space/clustermonitor.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QLabel;
class QListWidget;
class QTableView;

namespace cotal::ui {

class ClusterModel;
class ConsoleSession;

// The "Cluster" tab: which server the console's connection is on and which servers it may fail
// over to, where each of the space's streams lives (replicas, leader, followers, lag) and a log
// of the leader changes seen while the console watched.
class ClusterPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterPane)

public:
    explicit ClusterPane(ConsoleSession *session, QWidget *parent = nullptr);
    ~ClusterPane() override;

    ClusterModel *model() const { return m_model; }
    QListWidget *leaderLog() const { return m_changes; }
    QString connectionText() const;

public slots:
    void attach();
    void detach();

private:
    void showSnapshot(const cotal::space::ClusterSnapshot &snapshot);
    void logChange(const cotal::space::LeaderChange &change);
    void checkFreshness();

    ConsoleSession *m_session;
    std::unique_ptr<space::ClusterMonitor> m_monitor;
    ClusterModel *m_model;
    QLabel *m_connection;
    QLabel *m_servers;
    QLabel *m_freshness;
    QTableView *m_view;
    QListWidget *m_changes;
    QTimer m_freshnessTimer;
    QDateTime m_lastUpdate;
};

} // namespace cotal::ui
