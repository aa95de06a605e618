#pragma once

#include "core/delivery/deliveryhost.h"
#include "ui/leasemodel.h"

#include <QPointer>
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
    const std::optional<delivery::DeliveryOptions> &options() const { return m_options; }
    bool isRunning() const { return m_host != nullptr; }
    QString daemonId() const { return m_daemonId; }

    void start();
    void stop();
    // Shows a daemon this process runs elsewhere (the demo mesh's) as this pane's: its state,
    // counters, charts and log. It is not started or stopped here; its owner does that.
    void showHostedDaemon(delivery::DeliveryDaemon *daemon, const QString &id,
                          const QString &owner);
    bool showsHostedDaemon() const { return !m_hosted.isNull(); }

signals:
    // The running daemon's id (empty once stopped), so the inspector can name it.
    void daemonIdChanged(const QString &id);

private:
    void showState(delivery::DeliveryDaemon::State state, const QString &reason);
    void showMetrics(const delivery::DeliveryMetrics &metrics);
    void showLease();
    void log(const QString &text);
    void setDaemonId(const QString &id);
    void follow(delivery::DeliveryDaemon *daemon);
    void updateButtons();

    LeaseModel *m_leases;
    std::optional<delivery::DeliveryOptions> m_options;
    std::unique_ptr<delivery::DeliveryHost> m_host;
    QPointer<delivery::DeliveryDaemon> m_hosted;
    QString m_hostedOwner;
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
