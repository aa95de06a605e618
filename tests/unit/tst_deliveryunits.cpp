// Pieces of the delivery daemon that need no server: the consumer configs it sends (byte for
// byte the reference's) and the sequence-gap arithmetic behind its loss counters.

#include "core/delivery/fanoutwriter.h"
#include "core/delivery/inboxledger.h"
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

QTEST_GUILESS_MAIN(tst_DeliveryUnits)
#include "tst_deliveryunits.moc"
