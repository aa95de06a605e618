#pragma once

#include "core/delivery/dlvpacer.h"
#include "core/delivery/durableloop_p.h"
#include "core/delivery/ownerqueue_p.h"
#include "core/nats/jetstream.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

namespace cotal::delivery {

struct DaemonContext;
struct OwnerAcl;
struct MemberLookup;

// The trusted reader (delivery.md §4) on the `reader` durable of INBOX_<S>: re-authorises each
// mixed-inbox entry against its owner's current ACL record and membership interval, transfers
// the authorised message to `dlv.<owner>`, and acks the entry only after the DLV PubAck.
//
// Unlike the reference it works a batch at a time: the batch's owners' ACLs and memberships as
// fresh as a read of each (SpaceView::currentAcls and currentMembers: one request, or none, while
// the watched caches are current), and the transfers pipelined through a bounded in-flight
// window. Transfers to a member who reads
// slower than they arrive wait (unacked, in order) rather than evict unread copies (DlvPacer).
class TrustedReader final : public QObject, private DurableLoop
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustedReader)

public:
    explicit TrustedReader(DaemonContext *context, QObject *parent = nullptr);
    ~TrustedReader() override;

    // Creates `reader` (an existing one is kept), reads its position and starts pulling.
    QFuture<nats::NatsError> bind();
    void stop();

    // The consumer config exactly as the reference sends it (fixtures/js-api-requests.json).
    static QByteArray consumerConfig(const QString &space);

private:
    struct Entry
    {
        nats::JsMessage message;
        QString owner;
        QString channel;
        quint64 seq = 0;
        bool durableChannel = false;
        qint64 generation = 0;
        QString msgId;
        QByteArray msgJson;
    };

    // A decision round: its entries and the ACLs and memberships they are decided by.
    struct Round
    {
        QList<Entry> entries;
        QHash<QString, OwnerAcl> acls;
        QHash<QString, MemberLookup> members;
        bool read = false;
    };

    void bound(const ConsumerPosition &position) override;
    void handle(const QList<nats::JsMessage> &batch) override;
    void startRound();
    void decideReadRounds();
    void decide(const Round &round);
    void retryLater(const Entry &entry, const QString &why);
    // Acks or terminates the entry: it leaves the owner's unfinished ones.
    void ack(const Entry &entry);
    void term(const Entry &entry);
    void pump() override;
    void transfer(Entry entry);
    void roomFor(const QString &owner);
    void keepHeldAlive();
    void trackDlv(const QString &owner, quint64 sequence);
    void checkDlvEvictions();

    QList<Entry> m_waiting; // parsed, waiting for the next decision round
    // Rounds reading, oldest first: decided in that order, so each owner keeps its order.
    std::deque<std::shared_ptr<Round>> m_rounds;
    OwnerQueue<Entry> m_transfers; // decided, waiting for the window or for room on DLV
    int m_inFlight = 0;
    DlvPacer m_pacer;
    QTimer m_keepAlive;

    // DLV copies this daemon stored per owner, newest last; beyond the subject's 1000 cap the
    // oldest are evicted and checked against the owner's consumer position.
    QHash<QString, std::deque<quint64>> m_dlvSequences;
    QHash<QString, QList<quint64>> m_dlvEvicted;
    bool m_dlvCheckRunning = false;
    QTimer m_dlvCheckTimer;
};

} // namespace cotal::delivery
