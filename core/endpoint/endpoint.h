#pragma once

#include "core/endpoint/endpointoptions.h"
#include "core/endpoint/endpointtypes.h"
#include "core/endpoint/receivedmessage.h"
#include "core/wire/grants.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <memory>

namespace cotal::endpoint {

// A full Cotal endpoint (endpoint.md): connect and provision, presence and roster, channel
// registry, join/leave/backfill, send, DMs, anycast, the durable backstop, control requests,
// delivery health and the console's all-activity tap.
//
// Threading: an Endpoint and its NatsConnection live on ONE thread (normally the worker of an
// EndpointHost). Every method must be called on that thread; results come back as futures that
// finish on it, pushed events as batched signals. Cross-thread callers use EndpointHost::invoke
// and queued connections.
class Endpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Endpoint)

public:
    enum class State
    {
        Stopped,      // never started, or stop() finished
        Connecting,   // first connect-and-bind in progress
        Connected,    // bound and serving
        Reconnecting, // transport dropped; cnats is reconnecting
        Rebuilding,   // the connection closed for good; a full rebuild loop runs (§12)
        Stopping,     // stop() in progress: final offline presence, drain
        Failed,       // the first connect failed (start() reported why)
    };
    Q_ENUM(State)

    explicit Endpoint(EndpointOptions options, QObject *parent = nullptr);
    ~Endpoint() override;

    const EndpointOptions &options() const;
    // The resolved instance id (valid once start() was called).
    QString id() const;
    // What the credential's JWT grants (unrestricted without creds; valid once started).
    wire::Grants grants() const;
    bool isAuthMode() const;
    State state() const;

    // Connect-and-bind (endpoint.md §2, §5). The future reports the first connect's outcome; a
    // later terminal close rebuilds on its own (§12).
    QFuture<nats::NatsError> start();
    // Final offline presence (if registering), stop consumers and timers, drain the connection.
    QFuture<void> stop();

    // Presence (endpoint.md §3): each change is published immediately.
    void setStatus(wire::PresenceStatus status);
    void setActivity(const QString &activity); // empty clears it
    void setAttention(std::optional<wire::Attention> attention);
    void setChannelModes(const QMap<QString, wire::ChannelMode> &modes);
    void setModel(const QString &model); // card.meta.model, published only when it changed

    // Roster: last record per peer (own record included), offline peers kept, sorted by name.
    QList<wire::Presence> roster() const;

    // Channels.
    QStringList joinedChannels() const;
    QFuture<JoinResult> joinChannel(const QString &channel);
    QFuture<LeaveResult> leaveChannel(const QString &channel);
    // endpoint.md §11 with per-row joined/effective replay+class/count/health.
    QFuture<ChannelListResult> listChannels();
    // Reads up to `limit` retained messages of one channel (oldest first) through the
    // single-filter chathist consumer; broker-bounded by the credential's read ACL.
    QFuture<HistoryResult> readHistory(const QString &channel, int limit = 100);

    // Sending (wire.md §6.1, endpoint.md §10): JetStream publish with Nats-Msg-Id = id.
    QFuture<SendResult> sendToChannel(const QString &channel, const QList<wire::Part> &parts,
                                      const SendOptions &options = {});
    QFuture<SendResult> sendDirect(const QString &targetId, const QList<wire::Part> &parts,
                                   const SendOptions &options = {});
    QFuture<SendResult> sendToRole(const QString &role, const QList<wire::Part> &parts,
                                   const SendOptions &options = {});

    // Control request on `cotal.<S>.ctl.<service>.<id>` with a bounded reply lane (wire.md §8.3).
    QFuture<ControlResult> control(const QString &service, const QString &op,
                                   const QJsonObject &args = {}, int timeoutMs = 5000);

    AnomalyCounters anomalyCounters() const;
    TapVisibility tapVisibility() const;
    // Core copies dropped before decoding because this endpoint fell behind a flood (bounded
    // receive queues; a slow consumer). Cumulative over rebuilds; the endpoint's thread.
    quint64 droppedCopies() const;

signals:
    void stateChanged(cotal::endpoint::Endpoint::State state, const QString &reason);
    // One batch per drain of the receive queues; acks of durable copies follow the emission.
    void messagesReceived(const QList<cotal::endpoint::ReceivedMessage> &batch);
    void anomaly(const cotal::endpoint::Anomaly &anomaly);
    void anomalyCountersChanged(const cotal::endpoint::AnomalyCounters &counters);
    // Roster changes: the events of one watch batch, then the whole roster once.
    void presenceEvents(const QList<cotal::endpoint::PresenceEvent> &events);
    void rosterChanged(const QList<cotal::wire::Presence> &roster);
    void joinedChannelsChanged(const QStringList &channels);
    // The channel registry (or the durable mirror) changed: a channel list is stale.
    void channelsChanged();
    // A joined channel's live subscription was refused by the broker after the join.
    void channelDropped(const QString &channel, const QString &reason);
    void tapVisibilityChanged(cotal::endpoint::TapVisibility visibility);
    // The error sink: async broker errors and background failures, as text for the log pane.
    void errorReported(const QString &message);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::endpoint
