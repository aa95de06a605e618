#pragma once

#include "core/delivery/durableloop_p.h"
#include "core/delivery/ownerqueue_p.h"
#include "core/nats/jetstream.h"
#include "core/wire/message.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::delivery {

struct DaemonContext;
struct ClassLookup;
struct OwnerAcl;

// The fan-out writer (delivery.md §3) on the `fanout` durable of CHAT_<S>: copies each chat
// message into the mixed inbox of every eligible owner and acks it only once every copy has its
// PubAck.
//
// Unlike the reference it routes a batch at a time: the delivery class is read fresh once per
// channel per batch (so a live→durable flip takes effect at the next batch), members come from
// the watch-fed cache proven current for the batch, and copies leave through a bounded window
// of in-flight publishes instead of one round trip each. Sequences the consumer jumps over were
// evicted before it read them; they are counted, never delivered.
//
// A copy is written only while its owner has room in the mixed inbox (InboxLedger); the others
// are held in order, their CHAT messages unacked and kept alive with progress acks, until the
// reader has caught up. The writer never evicts an entry the reader has not finished.
class FanoutWriter final : public QObject, private DurableLoop
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanoutWriter)

public:
    explicit FanoutWriter(DaemonContext *context, QObject *parent = nullptr);
    ~FanoutWriter() override;

    // Creates `fanout` (an existing one is kept), reads its position and starts pulling.
    QFuture<nats::NatsError> bind();
    void stop();

    // The consumer config exactly as the reference sends it (fixtures/js-api-requests.json).
    static QByteArray consumerConfig(const QString &space);

    // One mixed-inbox entry through the same window (the activation catch-up uses it). `done`
    // is told whether the entry was stored.
    void publishEntry(const QString &owner, qint64 generation, const QString &channel, quint64 seq,
                      const QString &msgId, const QByteArray &msgJson,
                      std::function<void(bool)> done);

private:
    struct Item
    {
        nats::JsMessage message;
        wire::CotalMessage cotal;
        QString channel;
        quint64 seq = 0;
    };

    // A live-channel message and the owners its @mentions resolved to.
    struct MentionItem
    {
        Item item;
        QStringList owners;
    };

    // One CHAT message (or one catch-up entry) and the copies still awaiting their PubAck.
    struct Job
    {
        std::optional<nats::JsMessage> chat;
        std::function<void(bool)> done;
        QString channel;
        quint64 seq = 0;
        QString msgId;
        QByteArray msgJson;
        int outstanding = 0;
        bool failed = false;
    };

    struct Copy
    {
        std::shared_ptr<Job> job;
        QString owner;
        qint64 generation = 0;
        bool mention = false;
    };

    void handle(const QList<nats::JsMessage> &batch) override;
    void startRound();
    void endRound();
    void route(const QList<Item> &items, const QHash<QString, ClassLookup> &classes,
               const nats::NatsError &membersError);
    void routeMentions(const QList<MentionItem> &items, const QHash<QString, OwnerAcl> &acls);
    void enqueue(const Item &item, QList<Copy> copies);
    void pump() override;
    void send(Copy copy);
    void roomFor(const QString &owner);
    void keepHeldAlive();
    void settle(const std::shared_ptr<Job> &job, bool stored);

    QList<Item> m_waiting; // parsed, waiting for the next routing round
    bool m_routing = false;
    OwnerQueue<Copy> m_copies; // routed, waiting for the window or for room in the inbox
    int m_inFlight = 0;
    QTimer m_keepAlive;
};

} // namespace cotal::delivery
