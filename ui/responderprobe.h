#pragma once

#include "core/endpoint/endpointtypes.h"
#include "ui/leasemodel.h"

#include <QFuture>
#include <QObject>
#include <QTimer>
#include <functional>

namespace cotal::ui {

// Asks `ctl.delivery` for listMemberships on a timer (delivery.md §6.4): a lease can say ready
// while its holder is gone, and only a request tells "nobody serves it" from "it is slow".
class ResponderProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponderProbe)

public:
    using Request = std::function<QFuture<endpoint::ControlResult>()>;

    explicit ResponderProbe(Request request, QObject *parent = nullptr);
    ~ResponderProbe() override;

    void start(int intervalMs = 5000);
    void stop();
    // One probe now, unless one is in flight.
    void probe();

    ResponderStatus status() const { return m_status; }
    QString detail() const { return m_detail; }

    static ResponderStatus classify(const endpoint::ControlResult &result);

signals:
    void statusChanged(cotal::ui::ResponderStatus status, const QString &detail);

private:
    Request m_request;
    QTimer m_timer;
    bool m_inFlight = false;
    ResponderStatus m_status = ResponderStatus::Unknown;
    QString m_detail;
};

} // namespace cotal::ui
