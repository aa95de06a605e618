#pragma once

#include "core/endpoint/endpoint.h"
#include "core/endpoint/endpointhost.h"
#include "core/space/spaceaccess.h"
#include "ui/messagepacer.h"

#include <QFuture>
#include <QObject>
#include <QTemporaryFile>
#include <memory>
#include <vector>

namespace cotal::ui {

// The GUI thread's handle on one connected space: owns the EndpointHost (whose Endpoint lives
// on a worker thread), re-emits its batched signals on the GUI thread and wraps every call in
// EndpointHost::invoke. Callers continue with QFuture::then(context, …).
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Starts a new endpoint (closing any previous one). `keepAlive` lives as long as the session
    // (a private seed file the connection reads on every reconnect).
    void open(endpoint::EndpointOptions options, space::SpaceCredentials credentials = {},
              std::unique_ptr<QTemporaryFile> keepAlive = {});
    // Opens the same space with the same options and credentials again (after the space's
    // streams changed under it).
    void reopen();
    // Stops the endpoint without blocking: the host is freed once stop() finished.
    void close();
    bool isOpen() const { return m_host != nullptr; }

    const endpoint::EndpointOptions &options() const { return m_options; }
    endpoint::Endpoint::State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    endpoint::TapVisibility tapVisibility() const { return m_tap; }
    endpoint::AnomalyCounters anomalyCounters() const { return m_counters; }
    QStringList joinedChannels() const { return m_joined; }
    // Received messages this session did not show because the console fell behind a flood:
    // dropped by the GUI pacer (here) or before decoding (droppedCopies(), the endpoint's).
    quint64 droppedMessages() const { return m_pacer.dropped(); }
    QFuture<quint64> droppedCopies();
    QString identity() const { return m_options.card.id; }

    QFuture<endpoint::ChannelListResult> listChannels();
    QFuture<endpoint::HistoryResult> readHistory(const QString &channel, int limit);
    QFuture<endpoint::JoinResult> joinChannel(const QString &channel);
    QFuture<endpoint::SendResult> sendToChannel(const QString &channel, const QString &text,
                                                const QStringList &mentions);
    QFuture<endpoint::SendResult> sendDirect(const QString &targetId, const QString &text);
    QFuture<endpoint::SendResult> sendToRole(const QString &role, const QString &text);
    // A control request (wire.md §8.3); NoResponders and Timeout stay distinct in the result.
    QFuture<endpoint::ControlResult> control(const QString &service, const QString &op,
                                             const QJsonObject &args = {}, int timeoutMs = 5000);

    // The space's registries (ACLs, lease, members) for the admin panes, over connections of
    // their own (the view credential's and each role credential's), whose lifetime is the
    // session's, unlike the endpoint's, which a rebuild replaces. Ready between adminReady()
    // and adminClosing(); objects built on it must be dropped on adminClosing().
    space::SpaceAccess *access() { return &m_access; }
    const space::SpaceAccess *access() const { return &m_access; }

    static QString stateText(endpoint::Endpoint::State state);

signals:
    void opened();
    void started(const cotal::nats::NatsError &error);
    void closed();
    void stateChanged(cotal::endpoint::Endpoint::State state, const QString &reason);
    // One batch per event-loop turn (MessagePacer).
    void messagesReceived(const QList<cotal::endpoint::ReceivedMessage> &batch);
    void rosterChanged(const QList<cotal::wire::Presence> &roster);
    void channelsChanged();
    void joinedChannelsChanged(const QStringList &channels);
    void tapVisibilityChanged(cotal::endpoint::TapVisibility visibility);
    void anomaly(const cotal::endpoint::Anomaly &anomaly);
    void anomalyCountersChanged(const cotal::endpoint::AnomalyCounters &counters);
    void errorReported(const QString &message);
    void adminReady();
    void adminClosing();

private:
    template<typename T> QFuture<T> call(std::function<QFuture<T>(endpoint::Endpoint *)> op);
    void connectEndpoint(endpoint::Endpoint *endpoint);

    std::unique_ptr<endpoint::EndpointHost> m_host;
    std::vector<endpoint::EndpointHost *> m_closing; // stopping; freed when stop() finished
    std::unique_ptr<QTemporaryFile> m_keepAlive;
    space::SpaceAccess m_access;
    space::SpaceCredentials m_credentials;
    endpoint::EndpointOptions m_options;
    endpoint::Endpoint::State m_state = endpoint::Endpoint::State::Stopped;
    QString m_stateReason;
    endpoint::TapVisibility m_tap = endpoint::TapVisibility::Off;
    endpoint::AnomalyCounters m_counters;
    QStringList m_joined;
    MessagePacer m_pacer;
    quint64 m_generation = 0; // signals of a closed endpoint still in flight are dropped
};

} // namespace cotal::ui
