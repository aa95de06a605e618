// Pieces of the delivery daemon that need no server: the consumer configs it sends (byte for
// byte the reference's) and the sequence-gap arithmetic behind its loss counters.

#include "core/delivery/connzsweep.h"
#include "core/delivery/fanoutwriter.h"
#include "core/delivery/inboxledger.h"
#include "core/delivery/membershipfeedwriter.h"
#include "core/delivery/sequencegaps.h"
#include "core/delivery/trustedreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using cotal::delivery::FanoutWriter;
using cotal::delivery::InboxLedger;
using cotal::delivery::SequenceGaps;
using cotal::delivery::TrustedReader;

namespace {

// The `config` part of a recorded CONSUMER.CREATE body, as the reference put it on the wire.
QByteArray recordedConfig(const QString &what)
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/js-api-requests.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray requests =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("requests")).toArray();
    for (const QJsonValue &request : requests) {
        const QJsonObject object = request.toObject();
        if (!object.value(QLatin1String("what")).toString().startsWith(what))
            continue;
        const QByteArray raw = object.value(QLatin1String("raw")).toString().toUtf8();
        const qsizetype begin = raw.indexOf("{\"config\":") + 10;
        const qsizetype end = raw.indexOf(",\"stream_name\"");
        return raw.mid(begin, end - begin);
    }
    return {};
}

} // namespace

class tst_DeliveryUnits : public QObject
{
    Q_OBJECT

private slots:
    void fanoutConfigIsTheReferences();
    void readerConfigIsTheReferences();
    void contiguousSequencesSkipNothing();
    void jumpsCountTheSkippedSequences();
    void redeliveriesCountNothing();
    void positionStartsAtTheConsumersDeliveredSequence();

    void ledgerRefusesEveryClaimUntilOpen();
    void ledgerRefusesAFullOwnerAndAnnouncesRoomAtTheResumeLevel();
    void ledgerCountsAnEntryFinishedBeforeItsPubAckOnce();
    void ledgerChargesEarlierEntriesToEveryOwnerUntilFinished();
    void ledgerGivesBackUnstoredAndDuplicateClaims();

    void connzReplyGivesEachUserItsChatChannels();
    void connzPageHasMoreOnlyWhenFullAndShortOfTheTotal();
    void connzErrorsAndGarbageAreNotPages();
    void feedMergeKeepsOpenActivatedMembersAndDropsEmptyAgents();
};

void tst_DeliveryUnits::fanoutConfigIsTheReferences()
{
    const QByteArray expected = recordedConfig(QStringLiteral("fanout durable create"));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(FanoutWriter::consumerConfig(QStringLiteral("demo")), expected);
}

void tst_DeliveryUnits::readerConfigIsTheReferences()
{
    const QByteArray expected = recordedConfig(QStringLiteral("reader durable create"));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(TrustedReader::consumerConfig(QStringLiteral("demo")), expected);
}

void tst_DeliveryUnits::contiguousSequencesSkipNothing()
{
    SequenceGaps gaps;
    for (quint64 seq = 1; seq <= 100; ++seq)
        QCOMPARE(gaps.observe(seq), quint64(0));
    QCOMPARE(gaps.position(), quint64(100));
}

void tst_DeliveryUnits::jumpsCountTheSkippedSequences()
{
    SequenceGaps gaps;
    QCOMPARE(gaps.observe(1), quint64(0));
    QCOMPARE(gaps.observe(2), quint64(0));
    QCOMPARE(gaps.observe(503), quint64(500)); // 3..502 were evicted before the read
    QCOMPARE(gaps.observe(504), quint64(0));
}

void tst_DeliveryUnits::redeliveriesCountNothing()
{
    SequenceGaps gaps;
    gaps.observe(10);
    QCOMPARE(gaps.observe(4), quint64(0)); // a nak'd message coming back
    QCOMPARE(gaps.observe(10), quint64(0));
    QCOMPARE(gaps.position(), quint64(10));
    QCOMPARE(gaps.observe(11), quint64(0));
}

void tst_DeliveryUnits::positionStartsAtTheConsumersDeliveredSequence()
{
    SequenceGaps gaps;
    gaps.reset(4211); // `deliver_policy: new` starts after the stream's last sequence
    QCOMPARE(gaps.observe(4212), quint64(0));
    gaps.reset(0);
    QCOMPARE(gaps.observe(1000), quint64(999)); // evicted while no daemon ran
}

namespace {

// The owners a ledger announced room for, in order.
struct RoomLog
{
    explicit RoomLog(InboxLedger &ledger)
    {
        ledger.onRoom = [this](const QString &owner) { owners.append(owner); };
    }
    QStringList owners;
};

} // namespace

void tst_DeliveryUnits::ledgerRefusesEveryClaimUntilOpen()
{
    InboxLedger ledger(3, 1);
    RoomLog room(ledger);
    QVERIFY(!ledger.claim(QStringLiteral("bob")));
    ledger.open(0, 0);
    QCOMPARE(room.owners, QStringList{QStringLiteral("bob")});
    QVERIFY(ledger.claim(QStringLiteral("bob")));
}

void tst_DeliveryUnits::ledgerRefusesAFullOwnerAndAnnouncesRoomAtTheResumeLevel()
{
    InboxLedger ledger(3, 1);
    RoomLog room(ledger);
    ledger.open(0, 0);
    const QString bob = QStringLiteral("bob");
    for (quint64 sequence = 1; sequence <= 3; ++sequence) {
        QVERIFY(ledger.claim(bob));
        ledger.stored(bob, sequence, false);
    }
    QVERIFY(!ledger.claim(bob));
    QVERIFY(ledger.claim(QStringLiteral("carol"))); // one full owner holds up nobody else
    ledger.finished(bob, 1);
    QVERIFY(room.owners.isEmpty()); // 2 unfinished: above the resume level
    ledger.finished(bob, 2);
    QCOMPARE(room.owners, QStringList{bob});
    QCOMPARE(ledger.unfinished(bob), 1);
}

void tst_DeliveryUnits::ledgerCountsAnEntryFinishedBeforeItsPubAckOnce()
{
    InboxLedger ledger(3, 1);
    ledger.open(0, 0);
    const QString bob = QStringLiteral("bob");
    QVERIFY(ledger.claim(bob));
    ledger.finished(bob, 7); // the reader was faster than the writer's PubAck
    ledger.stored(bob, 7, false);
    QCOMPARE(ledger.unfinished(bob), 0);
}

void tst_DeliveryUnits::ledgerChargesEarlierEntriesToEveryOwnerUntilFinished()
{
    InboxLedger ledger(3, 1);
    RoomLog room(ledger);
    ledger.open(3, 40); // three unfinished entries at or below sequence 40
    QVERIFY(!ledger.claim(QStringLiteral("bob")));
    QVERIFY(!ledger.claim(QStringLiteral("carol")));
    ledger.finished(QStringLiteral("dave"), 12);
    QVERIFY(room.owners.isEmpty());
    ledger.finished(QStringLiteral("dave"), 13);
    QCOMPARE(room.owners.size(), 2);
    QVERIFY(ledger.claim(QStringLiteral("bob")));
    QCOMPARE(ledger.unfinished(QStringLiteral("carol")), 1);
}

void tst_DeliveryUnits::ledgerGivesBackUnstoredAndDuplicateClaims()
{
    InboxLedger ledger(2, 0);
    ledger.open(0, 0);
    const QString bob = QStringLiteral("bob");
    QVERIFY(ledger.claim(bob));
    QVERIFY(ledger.claim(bob));
    QVERIFY(!ledger.claim(bob));
    ledger.unclaim(bob);         // the publish failed
    ledger.stored(bob, 5, true); // a duplicate names an entry counted before
    QCOMPARE(ledger.unfinished(bob), 0);
}

// delivery.md §9 step 1: authorized_user keys the live set; only this space's chat
// subscriptions count, wildcards kept; the writer's own user is noticed.
void tst_DeliveryUnits::connzReplyGivesEachUserItsChatChannels()
{
    const QByteArray reply = R"({"server":{"name":"n1"},"data":{"offset":0,"limit":1024,"total":3,
        "connections":[
          {"cid":1,"authorized_user":"UALICE","subscriptions_list":
            ["cotal.demo.chat.*.general","cotal.demo.chat.*.team.>","_INBOX_UALICE.>",
             "cotal.other.chat.*.general"]},
          {"cid":2,"authorized_user":"UWRITER","subscriptions_list":["_INBOX_UWRITER.>"]},
          {"cid":3,"subscriptions_list":["cotal.demo.chat.*.general"]}]}})";
    cotal::delivery::ConnzSweepResult result;
    const auto page = cotal::delivery::applyConnzReply(reply, QStringLiteral("demo"),
                                                       QStringLiteral("UWRITER"), result);
    QVERIFY(page);
    QCOMPARE(page->connections, 3);
    QVERIFY(!page->hasMore());
    QCOMPARE(result.replies, 1);
    QVERIFY(result.sawSelf);
    QCOMPARE(result.live.value(QStringLiteral("UALICE")),
             (QSet<QString>{QStringLiteral("general"), QStringLiteral("team.>")}));
    QVERIFY(result.live.value(QStringLiteral("UWRITER")).isEmpty());
    QCOMPARE(result.live.size(), 2); // the connection without a user is skipped
}

void tst_DeliveryUnits::connzPageHasMoreOnlyWhenFullAndShortOfTheTotal()
{
    using cotal::delivery::ConnzPage;
    QVERIFY((ConnzPage{0, 3000, 1024}).hasMore());
    QVERIFY(!(ConnzPage{2048, 3000, 952}).hasMore());
    QVERIFY(!(ConnzPage{0, 1024, 1024}).hasMore());
    QVERIFY(!(ConnzPage{0, 5000, 10}).hasMore());
}

void tst_DeliveryUnits::connzErrorsAndGarbageAreNotPages()
{
    cotal::delivery::ConnzSweepResult result;
    QString error;
    QVERIFY(
        !cotal::delivery::applyConnzReply("not json", QStringLiteral("demo"), {}, result, &error));
    QVERIFY(error.contains(QLatin1String("not JSON")));
    QVERIFY(!cotal::delivery::applyConnzReply(R"({"error":{"code":403,"description":"forbidden"}})",
                                              QStringLiteral("demo"), {}, result, &error));
    QVERIFY(error.contains(QLatin1String("forbidden")));
    QCOMPARE(result.replies, 0);
    QVERIFY(!result.complete());
}

void tst_DeliveryUnits::feedMergeKeepsOpenActivatedMembersAndDropsEmptyAgents()
{
    const auto member = [](const QString &channel, const QString &owner, bool activated,
                           std::optional<qint64> leaveCursor = {}) {
        cotal::space::MemberEntry entry;
        entry.record.channel = channel;
        entry.record.owner = owner;
        entry.record.activated = activated;
        entry.record.leaveCursor = leaveCursor;
        return entry;
    };
    const QList<cotal::space::MemberEntry> members{
        member(QStringLiteral("ops"), QStringLiteral("UBOB"), true),
        member(QStringLiteral("general"), QStringLiteral("UBOB"), true),
        member(QStringLiteral("pending"), QStringLiteral("UBOB"), false),
        member(QStringLiteral("left"), QStringLiteral("UCAROL"), true, 4),
    };
    const QHash<QString, QSet<QString>> live{
        {QStringLiteral("UALICE"), {QStringLiteral("team.>"), QStringLiteral("general")}},
        {QStringLiteral("UIDLE"), {}},
    };
    const auto merged = cotal::delivery::mergeMembershipFeed(live, members, 42);
    QCOMPARE(merged.keys(), (QStringList{QStringLiteral("UALICE"), QStringLiteral("UBOB")}));
    QCOMPARE(merged.value(QStringLiteral("UALICE")).live,
             (QStringList{QStringLiteral("general"), QStringLiteral("team.>")}));
    QCOMPARE(merged.value(QStringLiteral("UBOB")).durable,
             (QStringList{QStringLiteral("general"), QStringLiteral("ops")}));
    QCOMPARE(merged.value(QStringLiteral("UBOB")).observedAt, 42.0);
}

QTEST_GUILESS_MAIN(tst_DeliveryUnits)
#include "tst_deliveryunits.moc"
