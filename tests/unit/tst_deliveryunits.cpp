// Pieces of the delivery daemon that need no server: the consumer configs it sends (byte for
// byte the reference's) and the sequence-gap arithmetic behind its loss counters.

#include "core/delivery/fanoutwriter.h"
#include "core/delivery/sequencegaps.h"
#include "core/delivery/trustedreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using cotal::delivery::FanoutWriter;
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

QTEST_GUILESS_MAIN(tst_DeliveryUnits)
#include "tst_deliveryunits.moc"
