#pragma once

#include "core/endpoint/endpoint.h"
#include "core/endpoint/historyreader.h"
#include "core/endpoint/messageingest.h"
#include "core/endpoint/ownsendgate.h"
#include "core/endpoint/registrycodec_p.h"
#include "core/nats/keyvalue.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace cotal::endpoint {

// Everything an Endpoint knows. Connection-scoped state is cleared by resetConnection(); the
// joined list, the durable mirror, cleanup-pending, reconcile loops, own presence fields and
// firstConnectDone survive rebuilds (endpoint.md §12).
class Endpoint::Private
{
public:
    using Step = std::function<QFuture<nats::NatsError>()>;

    explicit Private(Endpoint *owner, EndpointOptions options);

    // ---- lifecycle (endpoint.cpp)
    nats::NatsError resolveIdentity();
    QFuture<nats::NatsError> connectAndBind();
    QFuture<nats::NatsError> runSteps(std::shared_ptr<std::vector<Step>> steps, size_t index,
                                      quint64 epoch);
    void resetConnection();
    void setState(State state, const QString &reason = {});
    void handleConnectionState(nats::NatsConnection::State state, const QString &reason);
    void handleAsyncError(const nats::NatsError &error);
    void handleReconnected();
    void startRebuild(const QString &reason);
    void rebuildAttempt();
    QFuture<nats::NatsError> openBucket(std::optional<nats::KeyValue> &slot, const QString &bucket,
                                        qint64 ttlMs);
    QFuture<nats::NatsError> bindConsumers();
    QFuture<nats::NatsError> bindPull(std::unique_ptr<nats::PullConsumer> &slot,
                                      const QString &stream, const QString &consumer,
                                      ReceivedMessage::Path path, bool required);
    QFuture<nats::NatsError> createOwnConsumer(const QString &stream, const QString &name,
                                               const QString &filter, bool dm);
    QFuture<nats::NatsError> startTap();
    void report(const QString &message);
    nats::NatsError notReady() const;
    bool connected() const { return m_connection && m_js.has_value(); }

    // ---- presence, roster, registry (endpointpresence.cpp)
    wire::Presence ownRecord(bool offline) const;
    void publishPresence();
    QFuture<void> publishOffline();
    void handlePresenceEntries(const QList<nats::KvEntry> &entries);
    void sweepRoster();
    QList<wire::Presence> sortedRoster() const;
    void handleRegistryEntries(const QList<nats::KvEntry> &entries);
    ChannelPolicy cachedPolicy(const QString &channel) const;
    QFuture<ChannelPolicy> freshPolicy(const QString &channel);
    QFuture<ChannelListResult> listChannels();
    QFuture<HistoryResult> readHistory(const QString &channel, int limit);

    // ---- channels (endpointchannels.cpp)
    bool subscribeChannel(const QString &channel);
    void unsubscribeChannel(const QString &channel);
    QFuture<nats::NatsError> confirmSubscriptions();
    QFuture<nats::NatsError> bootChannels();
    QFuture<quint64> chatFrontier();
    QFuture<int> backfill(const QString &channel, quint64 watermark);
    void handleLateRefusal(const QString &channel);
    QFuture<JoinResult> doJoin(const QString &channel);
    QFuture<LeaveResult> doLeave(const QString &channel);
    QFuture<JoinResult> requestDurableJoin(const QString &channel, JoinResult result);
    void bootSelfJoin();
    // Durable membership needs a consuming endpoint (it binds dlv_<id>) whose credential may
    // send ctl.delivery requests; an observer's or admin's joins stay live-only.
    bool mayJoinDurably() const;
    void startReconcile(const QString &channel);
    void reconcileAttempt(const QString &channel, int attempt);
    void startCloseLoop(const QString &channel, qint64 generation);
    void closeLoopAttempt(const QString &channel, qint64 generation, int attempt);
    void emitJoined();

    // ---- sending and control (endpointsend.cpp)
    QFuture<SendResult> send(wire::Route route, const QList<wire::Part> &parts,
                             const SendOptions &options);
    QFuture<ControlResult> control(const QString &service, const QString &op,
                                   const QByteArray &argsJson, int timeoutMs);

    Endpoint *q;
    EndpointOptions m_options;
    QString m_id;
    bool m_auth = false;
    // What the creds' JWT grants; subscriptions and reads outside it are never attempted.
    wire::Grants m_grants;
    State m_state = State::Stopped;
    bool m_stopped = true;
    bool m_firstConnectDone = false;
    quint64 m_epoch = 0; // bumps per connection; continuations of an older one bail out

    // Connection-scoped.
    std::unique_ptr<nats::NatsConnection> m_connection;
    quint64 m_droppedBefore = 0; // droppedMessages() of the connections a rebuild replaced
    std::optional<nats::JetStream> m_js;
    std::optional<nats::KeyValue> m_presenceKv;
    std::optional<nats::KeyValue> m_channelsKv;
    std::unique_ptr<nats::KvWatcher> m_presenceWatcher;
    std::unique_ptr<nats::KvWatcher> m_registryWatcher;
    std::unique_ptr<nats::PullConsumer> m_dm;
    std::unique_ptr<nats::PullConsumer> m_dlv;
    std::unique_ptr<nats::PullConsumer> m_task;
    std::unique_ptr<nats::Subscription> m_tap; // chat tap
    QString m_tapSubject;
    std::vector<std::unique_ptr<nats::Subscription>> m_tapDirect; // DMs and anycast (admin)
    QStringList m_tapDirectSubjects;
    TapVisibility m_tapVisibility = TapVisibility::Off;
    std::map<QString, std::unique_ptr<nats::Subscription>> m_chatSubs; // channel → sub
    QHash<QString, QString> m_subjectChannel;                          // sub subject → channel
    QSet<QString> m_confirming;
    QSet<QString> m_refused; // refusals seen while confirming
    QHash<QString, quint64> m_watermarks;
    QHash<QString, wire::Presence> m_roster;
    RegistryCache m_registry;
    bool m_registryLoaded = false;
    QTimer *m_heartbeat;
    QTimer *m_sweep;
    QTimer *m_rebuildTimer;
    bool m_rebuilding = false;

    // Kept across rebuilds.
    QStringList m_joined;
    QHash<QString, qint64> m_durableMirror;  // channel → generation
    QHash<QString, qint64> m_cleanupPending; // channel → generation (close loop running)
    QSet<QString> m_reconciling;
    wire::PresenceStatus m_status = wire::PresenceStatus::Idle;
    QString m_activity;
    std::optional<wire::Attention> m_attention;
    QMap<QString, wire::ChannelMode> m_channelModes;

    MessageIngest *m_ingest;
    OwnSendGate m_ownSends;
    HistoryReader *m_history;
};

} // namespace cotal::endpoint
