#pragma once

#include "core/delivery/deliveryhost.h"
#include "ui/leasemodel.h"

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cotal::ui {

class RateChart;

// The delivery daemon this console can run in-process (a DeliveryHost on its own thread):
// start and stop, the lease it holds, its counters, and live charts of copies/s and lag.
class DaemonPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonPane)

public:
    explicit DaemonPane(LeaseModel *leases, QWidget *parent = nullptr);
    ~DaemonPane() override;

    // The connection and space to run with; none disables Start (not connected).
    void setOptions(std::optional<delivery::DeliveryOptions> options);
    bool isRunning() const { return m_host != nullptr; }
    QString daemonId() const { return m_daemonId; }

    void start();
    void stop();

signals:
    // The running daemon's id (empty once stopped), so the inspector can name it.
    void daemonIdChanged(const QString &id);

private:
    void showState(delivery::DeliveryDaemon::State state, const QString &reason);
    void showMetrics(const delivery::DeliveryMetrics &metrics);
    void showLease();
    void log(const QString &text);
    void setDaemonId(const QString &id);

    LeaseModel *m_leases;
    std::optional<delivery::DeliveryOptions> m_options;
    std::unique_ptr<delivery::DeliveryHost> m_host;
    // Hosts whose stop() is in flight; freed when it finished, or joined by the destructor.
    std::vector<std::unique_ptr<delivery::DeliveryHost>> m_stopping;
    QString m_daemonId;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_state;
    QLabel *m_lease;
    QLabel *m_counters;
    RateChart *m_copies;
    RateChart *m_lag;
    QPlainTextEdit *m_log;
};

} // namespace cotal::ui
