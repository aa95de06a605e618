#pragma once

#include "core/delivery/deliverymetrics.h"
#include "core/delivery/deliveryoptions.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <memory>

namespace cotal::delivery {

enum class LogLevel
{
    Info,
    Warning,
    Error,
};

enum class DeliveryErrorKind
{
    None,
    InvalidOptions, // refused before connecting (no space, unreadable creds, …)
    Connect,        // the broker is unreachable or refused the credentials
    LeaseHeld,      // another daemon holds a live lease; `holder` names it
    LeaseLost,      // a renew failed: someone else may be delivering now
    Bind,           // a consumer or the ctl.delivery responder could not be set up
    Stopped,        // stop() was called before start() finished
};

struct DeliveryError
{
    DeliveryErrorKind kind = DeliveryErrorKind::None;
    QString message;
    QString holder; // LeaseHeld: the live lease's holder id

    bool isError() const { return kind != DeliveryErrorKind::None; }
};

// The space's delivery daemon (delivery.md): lease, fan-out writer on `fanout`, trusted reader
// on `reader`, the membership authority and the ctl.delivery responder, on one connection of
// its own. Lives on one thread (normally a DeliveryHost's worker); call its methods there and
// connect to its signals queued.
//
// Lifecycle (delivery.md §2): lease create (not ready) → responder + fan-out + reader bound →
// lease marked ready → CAS renew every 15 s → release on stop(). A renew that fails stops the
// daemon and emits failed(LeaseLost): two holders must never deliver at once.
class DeliveryDaemon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryDaemon)
    Q_PROPERTY(bool openMode READ isOpenMode CONSTANT)
    Q_PROPERTY(QString modeLabel READ modeLabel CONSTANT)

public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Stopping,
        Failed,
    };
    Q_ENUM(State)

    explicit DeliveryDaemon(DeliveryOptions options, QObject *parent = nullptr);
    ~DeliveryDaemon() override;

    const DeliveryOptions &options() const;
    // The daemon's instance id: the creds' nkey in auth mode, a random UUID on an open mesh.
    QString id() const;
    State state() const;

    // The reference refuses to run without credentials; we run, but nothing stops an agent on
    // an open mesh from reading or writing anything, so the UI and logs say so.
    bool isOpenMode() const;
    QString modeLabel() const; // openModeLabel() on an open mesh, empty otherwise
    static QString openModeLabel();

    // Connects, acquires the lease and binds everything; the future carries the reason when
    // the daemon did not start (LeaseHeld names the holder).
    QFuture<DeliveryError> start();
    // Stops the loops and the responder, releases the lease (plain delete) and closes the
    // connection. Safe to call in any state.
    QFuture<void> stop();

    DeliveryMetrics metrics() const;

signals:
    void stateChanged(cotal::delivery::DeliveryDaemon::State state, const QString &reason);
    // The daemon stopped on its own after running: lease lost, connection gone for good.
    void failed(const cotal::delivery::DeliveryError &error);
    // Batched: at most once per metrics interval, and only when something changed.
    void metricsChanged(const cotal::delivery::DeliveryMetrics &metrics);
    void logged(cotal::delivery::LogLevel level, const QString &text);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::delivery

Q_DECLARE_METATYPE(cotal::delivery::DeliveryError)
