// The delivery daemon against a real nats-server on an open mesh (each member gets an ACL row
// and a dlv_<id> durable, as the provisioner would give it): fan-out, trusted reader, leases,
// ctl.delivery and loss detection.

#include "core/wire/memberrecord.h"
#include "core/wire/plane3entry.h"
#include "tests/integration/deliveryparties.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace cotal;
using cotal::testing::Agent;
using cotal::testing::awaitResult;
using cotal::testing::Daemon;
using cotal::testing::DeliveryKit;
using cotal::testing::NatsServerProcess;

namespace {

constexpr int kDeliveryTimeoutMs = 90000;

QString newAgentId(const QString &name)
{
    return name + u'-' + testing::randomId().remove(u'-').left(12);
}

// A running daemon on a fresh space, bob provisioned for "team" with a DLV consumer nobody reads
// (he is offline), and alice to post. Taken apart as `auto &[kit, daemon, bob, alice] = scene;`.
struct TeamScene
{
    TeamScene(const QString &url, const QString &space)
        : kit(url, space)
        , daemon({url}, space)
    {}

    // Empty once the space, the daemon and bob are ready; otherwise what failed.
    QString open()
    {
        if (QString error = kit.open(); !error.isEmpty())
            return error;
        if (const delivery::DeliveryError started = daemon.start(); started.isError())
            return started.message;
        if (!kit.putAcl(bob, {QStringLiteral("team")}) || !kit.createDlvConsumer(bob))
            return QStringLiteral("cannot provision bob");
        return {};
    }

    // open(), then bob joins "team" durably.
    QString openWithBobJoined()
    {
        if (QString error = open(); !error.isEmpty())
            return error;
        return kit.durableJoin(bob, QStringLiteral("team")) ? QString()
                                                            : QStringLiteral("bob cannot join");
    }

    DeliveryKit kit;
    Daemon daemon;
    QString bob = newAgentId(QStringLiteral("bob"));
    QString alice = newAgentId(QStringLiteral("alice"));
};

QByteArray fixtureRaw(const QString &name)
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("raw"))
        .toString()
        .toUtf8();
}

// Queues `messages` chat messages on "team" round-robin from `senders` senders, all at once.
std::unique_ptr<nats::JsPublisher> postBurst(DeliveryKit &kit, int messages, int senders)
{
    auto publisher = std::make_unique<nats::JsPublisher>(kit.jetStream(), 256);
    for (int i = 0; i < messages; ++i) {
        const QString sender = QStringLiteral("sender-%1").arg(i % senders);
        const QString id = testing::randomId();
        publisher->publish(*wire::chatSubject(kit.space(), sender, QStringLiteral("team")),
                           DeliveryKit::chatPayload(kit.space(), id, sender, QStringLiteral("team"),
                                                    QStringLiteral("%1").arg(i)),
                           {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
    }
    return publisher;
}

// Posts to "team" one message at a time, each delivered, until a reader round has decided by
// the ACL cache (the watch may lag the first posts; at most 20 posts); how many the daemon has
// delivered then, or nothing if that never happened.
std::optional<quint64> deliverUntilACacheRound(DeliveryKit &kit, Daemon &daemon,
                                               const QString &sender)
{
    const quint64 cacheRounds = daemon.metrics.aclRoundsFromCache;
    quint64 delivered = daemon.metrics.delivered;
    for (int post = 0; daemon.metrics.aclRoundsFromCache == cacheRounds && post < 20; ++post) {
        if (!kit.post(sender, QStringLiteral("team"), QStringLiteral("post %1").arg(delivered)))
            return std::nullopt;
        ++delivered;
        if (!QTest::qWaitFor([&] { return daemon.metrics.delivered == delivered; },
                             kDeliveryTimeoutMs))
            return std::nullopt;
    }
    return daemon.metrics.aclRoundsFromCache > cacheRounds ? std::optional(delivered)
                                                           : std::nullopt;
}

} // namespace

class tst_DeliveryDaemon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void openModeIsLabelled();
    void unprovisionedSpaceIsRefusedWithTheRemedy();
    void leaseIsReadyWhileRunningAndReleasedOnStop();
    void secondDaemonIsRefusedAndNamesTheHolder();

    void offlineMemberReceivesEveryMessageOnce();
    void copiesKeepPostingOrderFromQuietToBurst();
    void leftMemberReceivesNothingPostedLater();
    void narrowedAclStopsPendingEntries();
    void aclWrittenJustBeforeAPostDecidesIt();
    void aclStreamPurgedBehindTheWatchIsNotTrusted();
    void aclStreamRecreatedIsNotTrusted();
    void aclCacheIsTrustedAgainOnceRebuilt();
    void classWrittenJustBeforeAPostDecidesIt();
    void invalidChannelNameIsDropped();
    void catchUpLeavesNoGapDuringJoin();
    void entryAndCopyKeepTheReferenceFormat();
    void mentionOnLiveChannelReachesOnlyCoveredTargets();

    void chatEvictedBeforeFanOutIsCounted();
    void inboxEvictedBeforeReaderIsCounted();
    void dlvEvictedUnreadIsCounted();
    void burstOutrunningTheReaderEvictsNothing();
    void burstToAgentEndpointsEvictsNothing();
    void deliveryResumesAfterBrokerRestart();

    void replyAimedAtAnotherLaneGetsNoAnswer();
    void spoofedSenderIsRefused();
    void durableJoinOutsideAclIsRefused();
    void durableJoinWithoutAclIsRefused();
    void channelArgumentIsChecked_data();
    void channelArgumentIsChecked();
    void durableLeaveNeedsFiniteGeneration();
    void unknownOpIsRefused();
    void repliesMatchTheReferenceFixtures();

private:
    QString newSpace() { return QStringLiteral("dd%1").arg(++m_spaces); }

    NatsServerProcess m_server;
    int m_spaces = 0;
};

void tst_DeliveryDaemon::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_DeliveryDaemon::openModeIsLabelled()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(daemon.host->daemon()->isOpenMode());
    QCOMPARE(daemon.host->daemon()->property("modeLabel").toString(),
             QStringLiteral("demo: no broker-enforced ACLs"));
    QSignalSpy logged(daemon.host->daemon(), &delivery::DeliveryDaemon::logged);
    QVERIFY(!daemon.start().isError());
    QTRY_VERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const QList<QVariant> &args) {
        return args.at(1).toString().contains(QLatin1String("demo: no broker-enforced ACLs"));
    }));
}

// A space nobody provisioned: refused with what to do, not a bare "stream not found".
void tst_DeliveryDaemon::unprovisionedSpaceIsRefusedWithTheRemedy()
{
    Daemon daemon({m_server.url()}, newSpace());
    const delivery::DeliveryError error = daemon.start();
    QCOMPARE(error.kind, delivery::DeliveryErrorKind::Bind);
    QVERIFY2(error.message.contains(u"is not provisioned") &&
                 error.message.contains(u"Provision this space"),
             qPrintable(error.message));
}

void tst_DeliveryDaemon::leaseIsReadyWhileRunningAndReleasedOnStop()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const auto lease = kit.lease();
    QVERIFY(lease);
    QVERIFY(lease->ready);
    QVERIFY(!lease->holder.isEmpty());
    daemon.stop();
    QVERIFY(!kit.lease());
    // Released, so a successor starts at once.
    Daemon successor({m_server.url()}, space);
    QVERIFY(!successor.start().isError());
}

void tst_DeliveryDaemon::secondDaemonIsRefusedAndNamesTheHolder()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon first({m_server.url()}, space);
    QVERIFY(!first.start().isError());
    const QString holder = kit.lease()->holder;

    Daemon second({m_server.url()}, space);
    const delivery::DeliveryError refused = second.start();
    QCOMPARE(refused.kind, delivery::DeliveryErrorKind::LeaseHeld);
    QCOMPARE(refused.holder, holder);
    QVERIFY2(refused.message.contains(holder), qPrintable(refused.message));
    // The refused daemon left the live lease alone.
    QCOMPARE(kit.lease()->holder, holder);
}

void tst_DeliveryDaemon::offlineMemberReceivesEveryMessageOnce()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.open(), QString());
    auto &[kit, daemon, bob, alice] = scene;

    QCOMPARE(kit.durableJoin(bob, QStringLiteral("team")), std::optional<qint64>(1));

    // bob is offline while alice posts.
    QSet<QString> posted;
    for (int i = 0; i < 500; ++i) {
        QString id;
        const auto ack = kit.post(alice, QStringLiteral("team"), QStringLiteral("m%1").arg(i), &id);
        QVERIFY(ack && ack->ok());
        posted.insert(id);
    }

    Agent agent({m_server.url()}, space, bob, QStringLiteral("bob"));
    QVERIFY(agent.start());
    QTRY_COMPARE_WITH_TIMEOUT(agent.dlvIds.size(), 500, kDeliveryTimeoutMs);
    QCOMPARE(agent.dlvIds, posted);
    QCOMPARE(agent.duplicates(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(500), kDeliveryTimeoutMs);
    QCOMPARE(daemon.metrics.chatEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.inboxEvictedUnread, quint64(0));
}

// A lone message leaves on the quiet lane, a burst on the main one, the next lone message on the
// quiet one again: the member's DLV holds them in the order they were posted.
void tst_DeliveryDaemon::copiesKeepPostingOrderFromQuietToBurst()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;
    const QString dlvSubject = wire::dlvSubject(space, bob);
    const QString dlvStream = wire::dlvStreamName(space);

    QStringList posted(1);
    QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("lone"), &posted[0]));
    QTRY_COMPARE_WITH_TIMEOUT(kit.subjectCount(dlvStream, dlvSubject).value_or(-1), qint64(1),
                              kDeliveryTimeoutMs);
    nats::JsPublisher publisher(kit.jetStream(), 256);
    for (int i = 0; i < 600; ++i) {
        posted.append(testing::randomId());
        publisher.publish(*wire::chatSubject(space, alice, QStringLiteral("team")),
                          DeliveryKit::chatPayload(space, posted.last(), alice,
                                                   QStringLiteral("team"), QString::number(i)),
                          {{QByteArrayLiteral("Nats-Msg-Id"), posted.last().toUtf8()}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(publisher.inFlight() + publisher.queued(), 0, kDeliveryTimeoutMs);
    posted.append(QString());
    QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("lone again"), &posted.last()));
    QTRY_COMPARE_WITH_TIMEOUT(kit.subjectCount(dlvStream, dlvSubject).value_or(-1),
                              qint64(posted.size()), kDeliveryTimeoutMs);

    QList<QFuture<nats::ApiResult>> copies;
    for (quint64 sequence = 1; sequence <= quint64(posted.size()); ++sequence)
        copies.append(kit.jetStream().getMessage(dlvStream, sequence));
    QStringList delivered;
    for (const QFuture<nats::ApiResult> &copy : std::as_const(copies)) {
        const auto read = awaitResult(copy);
        QVERIFY(read && read->ok());
        const QByteArray data = QByteArray::fromBase64(read->body.value(QLatin1String("message"))
                                                           .toObject()
                                                           .value(QLatin1String("data"))
                                                           .toString()
                                                           .toLatin1());
        delivered.append(
            QJsonDocument::fromJson(data).object().value(QLatin1String("id")).toString());
    }
    QCOMPARE(delivered, posted);
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(posted.size()), kDeliveryTimeoutMs);
}

void tst_DeliveryDaemon::leftMemberReceivesNothingPostedLater()
{
    TeamScene scene(m_server.url(), newSpace());
    QCOMPARE(scene.open(), QString());
    auto &[kit, daemon, bob, alice] = scene;

    const auto generation = kit.durableJoin(bob, QStringLiteral("team"));
    QVERIFY(generation);
    for (int i = 0; i < 20; ++i)
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("before %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), qint64(20), kDeliveryTimeoutMs);

    QVERIFY(kit.durableLeave(bob, QStringLiteral("team"), *generation));
    const qint64 inboxBefore = kit.inboxCount(bob).value_or(-1);
    for (int i = 0; i < 50; ++i)
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("after %1").arg(i)));
    // Every later message was fanned out (acked), and none of them was copied for bob.
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.chatProcessed, quint64(70), kDeliveryTimeoutMs);
    QCOMPARE(kit.inboxCount(bob).value_or(-1), inboxBefore);
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(20));

    // A leave with a stale generation is refused; a repeated one is a no-op.
    const auto stale =
        kit.control(bob, QStringLiteral("durableLeave"),
                    DeliveryKit::channelArgs(QStringLiteral("team"), *generation + 5));
    QVERIFY(stale && stale->ok());
    QVERIFY(!wire::decodeControlReply(stale->reply.data)->ok);
    QVERIFY(kit.durableLeave(bob, QStringLiteral("team"), *generation));
}

void tst_DeliveryDaemon::narrowedAclStopsPendingEntries()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team"), QStringLiteral("general")}));
    QVERIFY(kit.createDlvConsumer(bob));
    {
        Daemon first({m_server.url()}, space);
        QVERIFY(!first.start().isError());
        QVERIFY(kit.durableJoin(bob, QStringLiteral("team")));
        QVERIFY(kit.durableJoin(bob, QStringLiteral("general")));
        first.stop();
    }
    // With no daemon running, both channels' messages wait in CHAT for the fan-out.
    for (int i = 0; i < 30; ++i) {
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("t%1").arg(i)));
        QVERIFY(kit.post(alice, QStringLiteral("general"), QStringLiteral("g%1").arg(i)));
    }
    QVERIFY(kit.putAcl(bob, {QStringLiteral("general")}));

    Daemon second({m_server.url()}, space);
    QVERIFY(!second.start().isError());
    // Membership still routes all 60 to bob's mixed inbox; the reader drops what the current
    // ACL no longer covers.
    QTRY_COMPARE_WITH_TIMEOUT(second.metrics.delivered + second.metrics.dropped, quint64(60),
                              kDeliveryTimeoutMs);
    QCOMPARE(second.metrics.delivered, quint64(30));
    QCOMPARE(second.metrics.dropped, quint64(30));
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(30));
    QCOMPARE(kit.inboxCount(bob).value_or(-1), qint64(60));
}

// The reader decides from its watched ACL cache only when the cache provably holds every write
// made before the entry; an ACL write followed at once by a post must decide that post.
void tst_DeliveryDaemon::aclWrittenJustBeforeAPostDecidesIt()
{
    TeamScene scene(m_server.url(), newSpace());
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;

    constexpr int kFlips = 10;
    for (int i = 0; i < kFlips; ++i) {
        QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("covered %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered + daemon.metrics.dropped,
                                  quint64(2 * i + 1), kDeliveryTimeoutMs);
        QVERIFY(kit.putAcl(bob, {QStringLiteral("general")}));
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("revoked %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered + daemon.metrics.dropped,
                                  quint64(2 * i + 2), kDeliveryTimeoutMs);
    }
    QCOMPARE(daemon.metrics.delivered, quint64(kFlips));
    QCOMPARE(daemon.metrics.dropped, quint64(kFlips));
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(kFlips));
    // The rounds decided by the cache, which this test is about, were there.
    QVERIFY(daemon.metrics.aclRoundsFromCache > 0);
}

// The fan-out routes by the class written just before each post (delivery.md §3 step 6: a flip
// is honoured at once), whether the round's class came from the watched registry or a fresh
// read.
void tst_DeliveryDaemon::classWrittenJustBeforeAPostDecidesIt()
{
    TeamScene scene(m_server.url(), newSpace());
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;

    constexpr int kFlips = 10;
    for (int i = 0; i < kFlips; ++i) {
        QVERIFY(kit.setChannelClass(QStringLiteral("team"), true));
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("durable %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.chatProcessed, quint64(2 * i + 1),
                                  kDeliveryTimeoutMs);
        QCOMPARE(daemon.metrics.copiesFannedOut, quint64(i + 1));
        QVERIFY(kit.setChannelClass(QStringLiteral("team"), false));
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("live %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.chatProcessed, quint64(2 * i + 2),
                                  kDeliveryTimeoutMs);
        QCOMPARE(daemon.metrics.copiesFannedOut, quint64(i + 1));
    }
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(kFlips), kDeliveryTimeoutMs);
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(kFlips));
    // The rounds decided by the watched registry, which this test is about, were there.
    QVERIFY(daemon.metrics.classRoundsFromCache > 0);
}

// A chat subject whose channel is no valid channel name (a raw publish: clients refuse it) is
// acked and counted once, not retried: no registry key or membership can hold it.
void tst_DeliveryDaemon::invalidChannelNameIsDropped()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;

    const QString subject =
        *wire::chatSubject(space, alice, QStringLiteral("team")) + QStringLiteral("+x");
    const auto stored = awaitResult(kit.jetStream().publish(
        subject, DeliveryKit::chatPayload(space, testing::randomId(), alice,
                                          QStringLiteral("team+x"), QStringLiteral("odd"))));
    QVERIFY(stored && stored->ok());
    QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("after it")));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(1), kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.chatDropped, quint64(1), kDeliveryTimeoutMs);
    QCOMPARE(daemon.metrics.chatProcessed, quint64(1));
}

// A purge of the whole ACL stream leaves no key-value marker for the watch to deliver: the
// cache must not be trusted after it (the owner is unknown again: deferred, not delivered).
void tst_DeliveryDaemon::aclStreamPurgedBehindTheWatchIsNotTrusted()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;
    const auto delivered = deliverUntilACacheRound(kit, daemon, alice);
    QVERIFY(delivered);
    const quint64 before = *delivered;
    const quint64 freshBefore = daemon.metrics.aclRoundsReadFresh;

    const auto purged = awaitResult(
        kit.jetStream().api(QStringLiteral("STREAM.PURGE.KV_") + wire::aclBucket(space)));
    QVERIFY(purged && purged->ok());
    QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("after the purge")));
    QTRY_VERIFY_WITH_TIMEOUT(daemon.metrics.deferred > 0, kDeliveryTimeoutMs);
    QCOMPARE(daemon.metrics.delivered, before);
    QVERIFY(daemon.metrics.aclRoundsReadFresh > freshBefore);

    // Provisioned again, the deferred entry is delivered on its next delivery.
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, before + 1, kDeliveryTimeoutMs);
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(before + 1));
}

// A bucket deleted and provisioned again restarts its sequences below what the watch has seen;
// the same number of keys must not pass for the same stream.
void tst_DeliveryDaemon::aclStreamRecreatedIsNotTrusted()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;
    const auto delivered = deliverUntilACacheRound(kit, daemon, alice);
    QVERIFY(delivered);
    const quint64 before = *delivered;

    // Deleted and created again with the same config, bob's one key now covers another channel.
    const QString stream = QStringLiteral("KV_") + wire::aclBucket(space);
    const auto info = awaitResult(kit.jetStream().streamInfo(stream));
    QVERIFY(info && info->ok());
    const QByteArray config = QJsonDocument(info->body.value(QLatin1String("config")).toObject())
                                  .toJson(QJsonDocument::Compact);
    const auto deleted =
        awaitResult(kit.jetStream().api(QStringLiteral("STREAM.DELETE.") + stream));
    QVERIFY(deleted && deleted->ok());
    const auto created = awaitResult(kit.jetStream().createStream(stream, config));
    QVERIFY(created && created->ok());
    QVERIFY(kit.putAcl(bob, {QStringLiteral("general")}));

    QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("after")));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.dropped, quint64(1), kDeliveryTimeoutMs);
    QCOMPARE(daemon.metrics.delivered, before);
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(before));
}

// The stream's newest message deleted behind the watch's back: the rebuilt watch never delivers
// that sequence again, yet the cache is current once rebuilt and decides rounds again.
void tst_DeliveryDaemon::aclCacheIsTrustedAgainOnceRebuilt()
{
    const QString space = newSpace();
    TeamScene scene(m_server.url(), space);
    QCOMPARE(scene.openWithBobJoined(), QString());
    auto &[kit, daemon, bob, alice] = scene;
    QVERIFY(kit.putAcl(newAgentId(QStringLiteral("carol")), {QStringLiteral("team")}));
    QVERIFY(deliverUntilACacheRound(kit, daemon, alice));

    const QString stream = QStringLiteral("KV_") + wire::aclBucket(space);
    const auto info = awaitResult(kit.jetStream().streamInfo(stream));
    QVERIFY(info && info->ok());
    const qint64 newest = info->body.value(QLatin1String("state"))
                              .toObject()
                              .value(QLatin1String("last_seq"))
                              .toInteger();
    const auto deleted = awaitResult(kit.jetStream().api(
        QStringLiteral("STREAM.MSG.DELETE.") + stream,
        QByteArrayLiteral("{\"seq\":") + QByteArray::number(newest) + QByteArrayLiteral("}")));
    QVERIFY(deleted && deleted->ok());

    const quint64 freshBefore = daemon.metrics.aclRoundsReadFresh;
    const auto delivered = deliverUntilACacheRound(kit, daemon, alice);
    QVERIFY(delivered);
    QVERIFY(daemon.metrics.aclRoundsReadFresh > freshBefore); // the round that saw the change
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(*delivered));
}

void tst_DeliveryDaemon::catchUpLeavesNoGapDuringJoin()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));

    // A second connection keeps posting while bob joins, so messages land between the join
    // cursor, the fence and the first fan-out batch that sees the record.
    DeliveryKit poster(m_server.url(), space);
    QCOMPARE(poster.open(false), QString());
    nats::JsPublisher publisher(poster.jetStream(), 64);
    int sent = 0;
    QTimer pacer;
    QObject::connect(&pacer, &QTimer::timeout, &pacer, [&] {
        for (int i = 0; i < 5; ++i) {
            const QString id = testing::randomId();
            publisher.publish(*wire::chatSubject(space, alice, QStringLiteral("team")),
                              DeliveryKit::chatPayload(space, id, alice, QStringLiteral("team"),
                                                       QStringLiteral("p%1").arg(sent)),
                              {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
            ++sent;
        }
    });
    pacer.start(5);
    QTest::qWait(300);
    QVERIFY(kit.durableJoin(bob, QStringLiteral("team")));
    QTest::qWait(300);
    pacer.stop();
    QTRY_COMPARE_WITH_TIMEOUT(publisher.inFlight() + publisher.queued(), 0, kDeliveryTimeoutMs);

    const auto record =
        awaitResult(kit.bucket(wire::membersBucket(space)).get(QStringLiteral("team/") + bob));
    QVERIFY(record && record->ok());
    const qint64 joinCursor = wire::decodeMembershipRecord(record->entry.value)->joinCursor;
    const qint64 total = kit.subjectCount(wire::chatStreamName(space),
                                          *wire::chatSubject(space, alice, QStringLiteral("team")))
                             .value_or(-1);
    QCOMPARE(total, qint64(sent));
    // CHAT holds only alice's messages, so every sequence after the join cursor is bob's.
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), total - joinCursor,
                              kDeliveryTimeoutMs);
}

void tst_DeliveryDaemon::entryAndCopyKeepTheReferenceFormat()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team.>")}));
    QCOMPARE(kit.durableJoin(bob, QStringLiteral("team.backend")), std::optional<qint64>(1));

    QString id;
    const auto posted = kit.post(alice, QStringLiteral("team.backend"),
                                 QStringLiteral("@bob can you review PR #42 — ünïcödé?"), &id,
                                 {QStringLiteral("bob")});
    QVERIFY(posted && posted->ok());
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), qint64(1), kDeliveryTimeoutMs);

    const auto chat =
        awaitResult(kit.jetStream().getMessage(wire::chatStreamName(space), posted->sequence));
    QVERIFY(chat && chat->ok());
    const QByteArray chatPayload = QByteArray::fromBase64(chat->body.value(QLatin1String("message"))
                                                              .toObject()
                                                              .value(QLatin1String("data"))
                                                              .toString()
                                                              .toLatin1());

    const auto entry = awaitResult(kit.jetStream().getLastMessage(wire::inboxStreamName(space),
                                                                  wire::dinboxSubject(space, bob)));
    QVERIFY(entry && entry->ok());
    const QJsonObject entryMessage = entry->body.value(QLatin1String("message")).toObject();
    const QByteArray entryPayload =
        QByteArray::fromBase64(entryMessage.value(QLatin1String("data")).toString().toLatin1());
    const QByteArray expectedEntry =
        "{\"msg\":" + chatPayload +
        ",\"channel\":\"team.backend\",\"seq\":" + QByteArray::number(posted->sequence) +
        ",\"reason\":\"durable-channel\",\"generation\":1}";
    QCOMPARE(entryPayload, expectedEntry);
    const QByteArray msgId = id.toUtf8() + ':' + bob.toUtf8() + ":1";
    const QByteArray entryHeaders =
        QByteArray::fromBase64(entryMessage.value(QLatin1String("hdrs")).toString().toLatin1());
    QVERIFY2(entryHeaders.contains("Nats-Msg-Id: " + msgId), entryHeaders.constData());

    const auto copy = awaitResult(
        kit.jetStream().getLastMessage(wire::dlvStreamName(space), wire::dlvSubject(space, bob)));
    QVERIFY(copy && copy->ok());
    const QJsonObject copyMessage = copy->body.value(QLatin1String("message")).toObject();
    QCOMPARE(QByteArray::fromBase64(copyMessage.value(QLatin1String("data")).toString().toLatin1()),
             chatPayload);
    const QByteArray copyHeaders =
        QByteArray::fromBase64(copyMessage.value(QLatin1String("hdrs")).toString().toLatin1());
    QVERIFY2(copyHeaders.contains("Nats-Msg-Id: " + msgId), copyHeaders.constData());
}

void tst_DeliveryDaemon::mentionOnLiveChannelReachesOnlyCoveredTargets()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    QVERIFY(kit.setChannelClass(QStringLiteral("random"), false));
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString carol = newAgentId(QStringLiteral("carol"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("random")}));
    QVERIFY(kit.putAcl(carol, {QStringLiteral("general")}));
    // Their presence puts their names in the daemon's roster.
    Agent bobAgent({m_server.url()}, space, bob, QStringLiteral("Bob"));
    Agent carolAgent({m_server.url()}, space, carol, QStringLiteral("carol"));
    QVERIFY(bobAgent.start());
    QVERIFY(carolAgent.start());

    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    QVERIFY(kit.post(alice, QStringLiteral("random"), QStringLiteral("@bob @carol hi"), nullptr,
                     {QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("nobody")}));
    QVERIFY(kit.post(alice, QStringLiteral("random"), QStringLiteral("no mention")));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.chatProcessed, quint64(2), kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), qint64(1), kDeliveryTimeoutMs);
    QCOMPARE(kit.inboxCount(carol).value_or(-1), qint64(0));
    const auto entry = awaitResult(kit.jetStream().getLastMessage(wire::inboxStreamName(space),
                                                                  wire::dinboxSubject(space, bob)));
    QVERIFY(entry && entry->ok());
    const QByteArray payload = QByteArray::fromBase64(entry->body.value(QLatin1String("message"))
                                                          .toObject()
                                                          .value(QLatin1String("data"))
                                                          .toString()
                                                          .toLatin1());
    QVERIFY(payload.endsWith(",\"reason\":\"live-mention\",\"generation\":0}"));
}

void tst_DeliveryDaemon::chatEvictedBeforeFanOutIsCounted()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
    {
        Daemon first({m_server.url()}, space);
        QVERIFY(!first.start().isError());
        QVERIFY(kit.durableJoin(bob, QStringLiteral("team")));
        first.stop();
    }
    // One sender, one channel: CHAT keeps the newest 1000, so 200 go before any fan-out.
    nats::JsPublisher publisher(kit.jetStream(), 256);
    for (int i = 0; i < 1200; ++i) {
        const QString id = testing::randomId();
        publisher.publish(*wire::chatSubject(space, alice, QStringLiteral("team")),
                          DeliveryKit::chatPayload(space, id, alice, QStringLiteral("team"),
                                                   QStringLiteral("%1").arg(i)),
                          {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(publisher.inFlight() + publisher.queued(), 0, kDeliveryTimeoutMs);

    Daemon second({m_server.url()}, space);
    QVERIFY(!second.start().isError());
    QTRY_COMPARE_WITH_TIMEOUT(second.metrics.chatProcessed, quint64(1000), kDeliveryTimeoutMs);
    QCOMPARE(second.metrics.chatEvictedUnread, quint64(200));
    QTRY_COMPARE_WITH_TIMEOUT(second.metrics.delivered, quint64(1000), kDeliveryTimeoutMs);
}

void tst_DeliveryDaemon::inboxEvictedBeforeReaderIsCounted()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
    {
        Daemon first({m_server.url()}, space);
        QVERIFY(!first.start().isError()); // creates `reader`
        first.stop();
    }
    // 1100 entries for one owner while no reader runs: the oldest 100 are evicted unread.
    nats::JsPublisher publisher(kit.jetStream(), 256);
    for (int i = 0; i < 1100; ++i) {
        const QString id = testing::randomId();
        wire::Plane3Entry entry;
        entry.msg = DeliveryKit::chatPayload(space, id, alice, QStringLiteral("team"),
                                             QStringLiteral("%1").arg(i));
        entry.channel = QStringLiteral("team");
        entry.seq = i + 1;
        entry.reason = wire::Plane3Reason::LiveMention;
        publisher.publish(
            wire::dinboxSubject(space, bob), wire::encodePlane3Entry(entry),
            {{QByteArrayLiteral("Nats-Msg-Id"), wire::plane3MsgId(id, bob, 0).toUtf8()}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(publisher.inFlight() + publisher.queued(), 0, kDeliveryTimeoutMs);

    Daemon second({m_server.url()}, space);
    QVERIFY(!second.start().isError());
    QTRY_COMPARE_WITH_TIMEOUT(second.metrics.delivered, quint64(1000), kDeliveryTimeoutMs);
    QCOMPARE(second.metrics.inboxEvictedUnread, quint64(100));
}

void tst_DeliveryDaemon::dlvEvictedUnreadIsCounted()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
    QVERIFY(kit.createDlvConsumer(bob)); // bob exists but never reads
    QVERIFY(kit.durableJoin(bob, QStringLiteral("team")));
    // Two senders stay below CHAT's per-subject cap; bob's DLV subject is capped at 1000. Posted
    // in two halves so bob's mixed inbox (also capped at 1000) never holds more than 600.
    nats::JsPublisher publisher(kit.jetStream(), 256);
    for (int i = 0; i < 1100; ++i) {
        if (i == 600)
            QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(600), kDeliveryTimeoutMs);
        const QString sender = i % 2 ? QStringLiteral("alice-1") : QStringLiteral("alice-2");
        const QString id = testing::randomId();
        publisher.publish(*wire::chatSubject(space, sender, QStringLiteral("team")),
                          DeliveryKit::chatPayload(space, id, sender, QStringLiteral("team"),
                                                   QStringLiteral("%1").arg(i)),
                          {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
    }
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.delivered, quint64(1100), kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.dlvEvictedUnread, quint64(100), kDeliveryTimeoutMs);
    QVERIFY(daemon.metrics.dlvEvictionTracked);
    QCOMPARE(kit.dlvCount(bob).value_or(-1), qint64(1000));
}

// 5,000 messages at full speed to a durable channel with 10 members, each reading its DLV as
// it arrives: 5,000 copies per member pass through a mixed inbox and a DLV subject that each
// keep 1,000 per owner, so the writer must wait for the reader and the reader for the members
// instead of evicting. Ten senders keep each CHAT subject (one per sender and channel, capped
// at 1,000) within what the fan-out's 1,000 unacked messages cover.
void tst_DeliveryDaemon::burstOutrunningTheReaderEvictsNothing()
{
    constexpr int kMembers = 10;
    constexpr int kSenders = 10;
    constexpr int kMessages = 5000;
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());

    // Each member's distinct message ids, filled by its own DLV pull consumer.
    std::vector<std::unique_ptr<testing::DlvReader>> readers;
    for (int i = 0; i < kMembers; ++i) {
        const QString member = newAgentId(QStringLiteral("member%1").arg(i));
        QVERIFY(kit.putAcl(member, {QStringLiteral("team")}));
        QVERIFY(kit.createDlvConsumer(member));
        QVERIFY(kit.durableJoin(member, QStringLiteral("team")));
        readers.push_back(std::make_unique<testing::DlvReader>(kit, member));
    }

    const auto publisher = postBurst(kit, kMessages, kSenders);
    quint64 mostHeld = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            mostHeld = std::max(mostHeld, daemon.metrics.copiesHeld);
            return daemon.metrics.delivered >= quint64(kMembers * kMessages);
        }(),
        4 * kDeliveryTimeoutMs);
    qInfo("most copies held at once: %llu", static_cast<unsigned long long>(mostHeld));
    for (const auto &reader : readers)
        QTRY_COMPARE_WITH_TIMEOUT(reader->ids.size(), kMessages, kDeliveryTimeoutMs);
    QCOMPARE(daemon.metrics.delivered, quint64(kMembers * kMessages));
    QCOMPARE(daemon.metrics.chatEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.inboxEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.dlvEvictedUnread, quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.metrics.copiesHeld, quint64(0), kDeliveryTimeoutMs);
}

// The same burst to members that are real agent endpoints reading their DLV backstop.
void tst_DeliveryDaemon::burstToAgentEndpointsEvictsNothing()
{
    constexpr int kMembers = 10;
    constexpr int kSenders = 10;
    constexpr int kMessages = 5000;
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());

    std::vector<std::unique_ptr<Agent>> members;
    for (int i = 0; i < kMembers; ++i) {
        const QString member = newAgentId(QStringLiteral("member%1").arg(i));
        QVERIFY(kit.putAcl(member, {QStringLiteral("team")}));
        QVERIFY(kit.createDlvConsumer(member));
        QVERIFY(kit.durableJoin(member, QStringLiteral("team")));
        members.push_back(std::make_unique<Agent>(QStringList{m_server.url()}, space, member,
                                                  QStringLiteral("member")));
        QVERIFY(members.back()->start());
    }
    const auto publisher = postBurst(kit, kMessages, kSenders);
    for (const auto &member : members) {
        QTRY_COMPARE_WITH_TIMEOUT(member->dlvIds.size(), kMessages, 2 * kDeliveryTimeoutMs);
        QCOMPARE(member->duplicates(), 0);
    }
    QCOMPARE(daemon.metrics.inboxEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.dlvEvictedUnread, quint64(0));
}

void tst_DeliveryDaemon::deliveryResumesAfterBrokerRestart()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));
    QVERIFY(kit.durableJoin(bob, QStringLiteral("team")));
    for (int i = 0; i < 10; ++i)
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("before %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), qint64(10), kDeliveryTimeoutMs);

    m_server.kill();
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(kit.connection().state(), nats::NatsConnection::State::Connected,
                              kDeliveryTimeoutMs);
    // JetStream answers again once the restarted server has recovered its store.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto info = awaitResult(kit.jetStream().streamInfo(wire::chatStreamName(space)));
            return info && info->ok();
        }(),
        kDeliveryTimeoutMs);
    for (int i = 0; i < 10; ++i)
        QVERIFY(kit.post(alice, QStringLiteral("team"), QStringLiteral("after %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(bob).value_or(-1), qint64(20), kDeliveryTimeoutMs);
    QCOMPARE(daemon.host->daemon()->state(), delivery::DeliveryDaemon::State::Running);
}

void tst_DeliveryDaemon::replyAimedAtAnotherLaneGetsNoAnswer()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString mallory = newAgentId(QStringLiteral("mallory"));
    const QString bob = newAgentId(QStringLiteral("bob"));

    // bob's reply lane, watched by the test.
    QList<nats::NatsMessage> onBobsLane;
    auto lane = kit.connection().subscribe(
        wire::controlReplySubtree(space, QStringLiteral("delivery"), bob), &daemon.receiver,
        [&](const QList<nats::NatsMessage> &batch) { onBobsLane += batch; });
    QVERIFY(lane);
    QVERIFY(!awaitResult(kit.connection().flush())->isError());

    const QString bobsLane =
        wire::controlReplySubject(space, QStringLiteral("delivery"), bob, wire::newReplyId());
    const auto aimed =
        kit.control(mallory, QStringLiteral("listMemberships"), {}, {}, bobsLane, 1500);
    QVERIFY(aimed);
    QCOMPARE(aimed->error.kind, nats::NatsErrorKind::Timeout);
    // A proper request after it is answered, so the aimed one was seen and dropped.
    const auto proper = kit.control(mallory, QStringLiteral("listMemberships"), {});
    QVERIFY(proper && proper->ok());
    QCOMPARE(proper->reply.data, QByteArray("{\"ok\":true,\"data\":{\"memberships\":[]}}"));
    QVERIFY(onBobsLane.isEmpty());
}

void tst_DeliveryDaemon::spoofedSenderIsRefused()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString mallory = newAgentId(QStringLiteral("mallory"));
    const QString bob = newAgentId(QStringLiteral("bob"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral("team")}));

    const auto spoofed = kit.control(mallory, QStringLiteral("durableJoin"),
                                     DeliveryKit::channelArgs(QStringLiteral("team")), bob);
    QVERIFY(spoofed && spoofed->ok());
    QCOMPARE(spoofed->reply.data,
             QByteArray("{\"ok\":false,\"error\":\"sender mismatch — request rejected\"}"));
    // Nothing was written for bob.
    const auto record =
        awaitResult(kit.bucket(wire::membersBucket(space)).get(QStringLiteral("team/") + bob));
    QVERIFY(record);
    QCOMPARE(record->error.kind, nats::NatsErrorKind::NotFound);
}

void tst_DeliveryDaemon::durableJoinOutsideAclIsRefused()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    QVERIFY(kit.putAcl(
        bob, {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")}));
    const auto refused = kit.control(bob, QStringLiteral("durableJoin"),
                                     DeliveryKit::channelArgs(QStringLiteral("secret")));
    QVERIFY(refused && refused->ok());
    QCOMPARE(refused->reply.data, fixtureRaw(QStringLiteral("ctl-durableJoin-denied-reply.json")));
}

void tst_DeliveryDaemon::durableJoinWithoutAclIsRefused()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const auto refused = kit.control(bob, QStringLiteral("durableJoin"),
                                     DeliveryKit::channelArgs(QStringLiteral("team")));
    QVERIFY(refused && refused->ok());
    QCOMPARE(refused->reply.data,
             QStringLiteral("{\"ok\":false,\"error\":\"durableJoin: no read ACL on record for %1 "
                            "(not provisioned for durable delivery)\"}")
                 .arg(bob)
                 .toUtf8());
}

void tst_DeliveryDaemon::channelArgumentIsChecked_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("join without channel")
        << QStringLiteral("durableJoin") << QByteArray("{}")
        << QByteArray(
               "{\"ok\":false,\"error\":\"durableJoin: channel must be a non-blank string\"}");
    QTest::newRow("join blank channel")
        << QStringLiteral("durableJoin") << QByteArray("{\"channel\":\"   \"}")
        << QByteArray(
               "{\"ok\":false,\"error\":\"durableJoin: channel must be a non-blank string\"}");
    QTest::newRow("join wildcard")
        << QStringLiteral("durableJoin") << QByteArray("{\"channel\":\"team.>\"}")
        << QByteArray("{\"ok\":false,\"error\":\"durableJoin: \\\"team.>\\\" must be a concrete "
                      "channel (durable membership is per-concrete-channel, not wildcard)\"}");
    QTest::newRow("leave wildcard")
        << QStringLiteral("durableLeave") << QByteArray("{\"channel\":\"*\",\"generation\":1}")
        << QByteArray("{\"ok\":false,\"error\":\"durableLeave: \\\"*\\\" must be a concrete "
                      "channel (durable membership is per-concrete-channel, not wildcard)\"}");
}

void tst_DeliveryDaemon::channelArgumentIsChecked()
{
    QFETCH(QString, op);
    QFETCH(QByteArray, args);
    QFETCH(QByteArray, reply);
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    QVERIFY(kit.putAcl(bob, {QStringLiteral(">")}));
    const auto parsed = wire::parseJson(args);
    QVERIFY(parsed);
    const auto answered = kit.control(bob, op, parsed->toObject());
    QVERIFY(answered && answered->ok());
    QCOMPARE(answered->reply.data, reply);
}

void tst_DeliveryDaemon::durableLeaveNeedsFiniteGeneration()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    const auto refused = kit.control(bob, QStringLiteral("durableLeave"),
                                     DeliveryKit::channelArgs(QStringLiteral("team")));
    QVERIFY(refused && refused->ok());
    QCOMPARE(refused->reply.data,
             QByteArray("{\"ok\":false,\"error\":\"durableLeave: a finite generation is required "
                        "(fail-closed stale-leave guard)\"}"));
}

void tst_DeliveryDaemon::unknownOpIsRefused()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const auto refused =
        kit.control(newAgentId(QStringLiteral("bob")), QStringLiteral("purge"), {});
    QVERIFY(refused && refused->ok());
    QCOMPARE(refused->reply.data,
             QByteArray("{\"ok\":false,\"error\":\"op \\\"purge\\\" not supported on the delivery "
                        "control service\"}"));
}

void tst_DeliveryDaemon::repliesMatchTheReferenceFixtures()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());
    Daemon daemon({m_server.url()}, space);
    QVERIFY(!daemon.start().isError());
    const QString bob = newAgentId(QStringLiteral("bob"));
    QVERIFY(kit.putAcl(
        bob, {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")}));

    const auto joined = kit.control(bob, QStringLiteral("durableJoin"),
                                    DeliveryKit::channelArgs(QStringLiteral("general")));
    QVERIFY(joined && joined->ok());
    QCOMPARE(joined->reply.data, fixtureRaw(QStringLiteral("ctl-durableJoin-reply.json")));
    QVERIFY(kit.durableJoin(bob, QStringLiteral("team.backend")));

    const auto listed = kit.control(bob, QStringLiteral("listMemberships"), {});
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->reply.data, fixtureRaw(QStringLiteral("ctl-listMemberships-reply.json")));

    const auto left = kit.control(bob, QStringLiteral("durableLeave"),
                                  DeliveryKit::channelArgs(QStringLiteral("team.backend"), 1));
    QVERIFY(left && left->ok());
    QCOMPARE(left->reply.data, fixtureRaw(QStringLiteral("ctl-durableLeave-reply.json")));

    const auto alreadyLeft =
        kit.control(bob, QStringLiteral("durableLeave"),
                    DeliveryKit::channelArgs(QStringLiteral("team.frontend"), 1));
    QVERIFY(alreadyLeft && alreadyLeft->ok());
    QCOMPARE(alreadyLeft->reply.data,
             fixtureRaw(QStringLiteral("ctl-durableLeave-alreadyLeft-reply.json")));

    // The tombstone keeps the reference's key order, leaveCursor last.
    const auto tombstone = awaitResult(
        kit.bucket(wire::membersBucket(space)).get(QStringLiteral("team.backend/") + bob));
    QVERIFY(tombstone && tombstone->ok());
    const auto record = wire::decodeMembershipRecord(tombstone->entry.value);
    QVERIFY(record);
    QCOMPARE(record->state, wire::MemberState::LiveConfirmed);
    QVERIFY(record->leaveCursor);
    QVERIFY(tombstone->entry.value.endsWith(
        ",\"leaveCursor\":" + QByteArray::number(*record->leaveCursor) + '}'));

    // Only the open membership is listed now.
    const auto relisted = kit.control(bob, QStringLiteral("listMemberships"), {});
    QVERIFY(relisted && relisted->ok());
    QCOMPARE(relisted->reply.data,
             QByteArray("{\"ok\":true,\"data\":{\"memberships\":[{\"channel\":\"general\","
                        "\"generation\":1,\"activated\":true}]}}"));
}

QTEST_GUILESS_MAIN(tst_DeliveryDaemon)
#include "tst_deliverydaemon.moc"
