#include "core/wire/jsonreader.h"
#include "core/wire/presence.h"

#include <QTest>

using namespace cotal::wire;

namespace {

const QString BOB = QStringLiteral("UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW");

const QByteArray kCard = R"({"id":"UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW",)"
                         R"("name":"bob","kind":"agent"})";

QByteArray presenceJson(const QByteArray &middle)
{
    return R"({"card":)" + kCard + ',' + middle + R"(,"ts":1795767019282})";
}

Presence workingBob()
{
    Presence presence;
    presence.card.id = BOB;
    presence.card.name = QStringLiteral("bob");
    presence.card.role = QStringLiteral("reviewer");
    presence.status = PresenceStatus::Working;
    presence.activity = QStringLiteral("reviewing PR #42");
    presence.attention = Attention::Focus;
    presence.channelModes = {{QStringLiteral("random"), ChannelMode::Muted},
                             {QStringLiteral("deploys"), ChannelMode::Quiet}};
    presence.ts = 1795767033284;
    return presence;
}

} // namespace

class TestPresence final : public QObject
{
    Q_OBJECT

private slots:
    void encodesReferenceKeyOrder();
    void fullCardKeyOrder();
    void offlineRecordDropsAttentionAndModesButKeepsActivity();
    void decodedOfflineRecordIsNormalised();
    void emptyChannelModesAreOmitted();
    void kvKeyMustMatchCardId();
    void rejectsWithNamedReason_data();
    void rejectsWithNamedReason();
    void unknownAdvisoryValuesAreDropped();
    void metaOrderAndEmptyContainersSurvive();
    void channelModesFollowJsPropertyOrder();
    void unknownFieldsAreIgnored();
};

void TestPresence::encodesReferenceKeyOrder()
{
    QCOMPARE(encodePresence(workingBob()),
             R"({"card":{"id":")" + BOB.toUtf8() +
                 R"(","name":"bob","kind":"agent","role":"reviewer"},"status":"working",)"
                 R"("activity":"reviewing PR #42","attention":"focus",)"
                 R"("channelModes":{"random":"muted","deploys":"quiet"},"ts":1795767033284})");
}

void TestPresence::fullCardKeyOrder()
{
    Presence presence;
    presence.card.id = QStringLiteral("i");
    presence.card.name = QStringLiteral("manager");
    presence.card.kind = AgentKind::Endpoint;
    presence.card.role = QStringLiteral("r");
    presence.card.description = QStringLiteral("d");
    presence.card.tags = QStringList{QStringLiteral("t")};
    presence.card.skills =
        QList<AgentSkill>{{QStringLiteral("s1"), QStringLiteral("Skill"), {}},
                          {QStringLiteral("s2"), QStringLiteral("Two"), QStringLiteral("second")}};
    JsonObject meta;
    meta.insert(QStringLiteral("model"), QStringLiteral("m"));
    meta.insert(QStringLiteral("connector"), QStringLiteral("c"));
    presence.card.meta = meta;
    presence.card.protocolVersion = QStringLiteral("0.2");
    presence.status = PresenceStatus::Waiting;
    presence.ts = 1.5;
    const QByteArray encoded = encodePresence(presence);
    QCOMPARE(encoded,
             QByteArray(R"({"card":{"id":"i","name":"manager","kind":"endpoint","role":"r",)"
                        R"("description":"d","tags":["t"],"skills":[{"id":"s1","name":"Skill"},)"
                        R"({"id":"s2","name":"Two","description":"second"}],)"
                        R"("meta":{"model":"m","connector":"c"},"protocolVersion":"0.2"},)"
                        R"("status":"waiting","ts":1.5})"));
    const Result<Presence> decoded = decodePresence(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), presence);
}

void TestPresence::offlineRecordDropsAttentionAndModesButKeepsActivity()
{
    Presence presence = workingBob();
    presence.status = PresenceStatus::Offline;
    const QByteArray encoded = encodePresence(presence);
    QVERIFY(encoded.contains(R"("status":"offline","activity":"reviewing PR #42","ts":)"));
    QVERIFY(!encoded.contains("attention"));
    QVERIFY(!encoded.contains("channelModes"));
}

void TestPresence::decodedOfflineRecordIsNormalised()
{
    const Result<Presence> decoded = decodePresence(presenceJson(
        R"("status":"offline","activity":"a","attention":"dnd","channelModes":{"x":"quiet"})"));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->activity, QStringLiteral("a"));
    QVERIFY(!decoded->attention);
    QVERIFY(decoded->channelModes.isEmpty());
}

void TestPresence::emptyChannelModesAreOmitted()
{
    Presence presence = workingBob();
    presence.channelModes.clear();
    QVERIFY(!encodePresence(presence).contains("channelModes"));
    const Result<Presence> decoded =
        decodePresence(presenceJson(R"("status":"idle","channelModes":{})"));
    QVERIFY(decoded.ok());
    QVERIFY(decoded->channelModes.isEmpty());
}

void TestPresence::kvKeyMustMatchCardId()
{
    const QByteArray payload = presenceJson(R"("status":"idle")");
    QVERIFY(decodePresence(payload).ok());
    QVERIFY(decodePresence(payload, BOB).ok());
    const Result<Presence> forged = decodePresence(payload, QStringLiteral("UOTHER"));
    QVERIFY(!forged.ok());
    QCOMPARE(forged.error().reasonToken(), QStringLiteral("sender-mismatch"));
}

void TestPresence::rejectsWithNamedReason_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QString missing = QStringLiteral("missing-field");
    const QString invalid = QStringLiteral("invalid-field");
    QTest::newRow("not JSON") << QByteArray("card") << QStringLiteral("malformed-json");
    QTest::newRow("array") << QByteArray("[{}]") << QStringLiteral("malformed-json");
    QTest::newRow("missing card") << QByteArray(R"({"status":"idle","ts":1})") << missing;
    QTest::newRow("card not object")
        << QByteArray(R"({"card":"bob","status":"idle","ts":1})") << invalid;
    QTest::newRow("card.id missing")
        << QByteArray(R"({"card":{"name":"b","kind":"agent"},"status":"idle","ts":1})") << missing;
    QTest::newRow("card.kind missing")
        << QByteArray(R"({"card":{"id":"i","name":"b"},"status":"idle","ts":1})") << missing;
    QTest::newRow("card.kind unknown")
        << QByteArray(R"({"card":{"id":"i","name":"b","kind":"robot"},"status":"idle","ts":1})")
        << invalid;
    QTest::newRow("tags hold a number")
        << QByteArray(
               R"({"card":{"id":"i","name":"b","kind":"agent","tags":[1]},"status":"idle","ts":1})")
        << invalid;
    QTest::newRow("skill without name")
        << QByteArray(
               R"({"card":{"id":"i","name":"b","kind":"agent","skills":[{"id":"s"}]},"status":"idle","ts":1})")
        << missing;
    QTest::newRow("meta is an array")
        << QByteArray(
               R"({"card":{"id":"i","name":"b","kind":"agent","meta":[]},"status":"idle","ts":1})")
        << invalid;
    QTest::newRow("status missing") << R"({"card":)" + kCard + R"(,"ts":1})" << missing;
    QTest::newRow("status unknown") << presenceJson(R"("status":"busy")") << invalid;
    QTest::newRow("ts missing") << R"({"card":)" + kCard + R"(,"status":"idle"})" << missing;
    QTest::newRow("ts string") << R"({"card":)" + kCard + R"(,"status":"idle","ts":"1"})"
                               << invalid;
    QTest::newRow("activity number") << presenceJson(R"("status":"idle","activity":3)") << invalid;
    QTest::newRow("attention number")
        << presenceJson(R"("status":"idle","attention":3)") << invalid;
    QTest::newRow("channelModes array")
        << presenceJson(R"("status":"idle","channelModes":[])") << invalid;
    QTest::newRow("channel mode number")
        << presenceJson(R"("status":"idle","channelModes":{"a":1})") << invalid;
}

void TestPresence::rejectsWithNamedReason()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<Presence> decoded = decodePresence(payload);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().reasonToken(), reason);
}

void TestPresence::unknownAdvisoryValuesAreDropped()
{
    const Result<Presence> decoded = decodePresence(presenceJson(
        R"("status":"working","attention":"away","channelModes":{"a":"loud","b":"muted"})"));
    QVERIFY(decoded.ok());
    QVERIFY(!decoded->attention);
    QCOMPARE(decoded->channelModes,
             (QList<ChannelModeEntry>{{QStringLiteral("b"), ChannelMode::Muted}}));
}

void TestPresence::metaOrderAndEmptyContainersSurvive()
{
    const QByteArray payload =
        R"({"card":{"id":"i","name":"b","kind":"agent","tags":[],"skills":[],)"
        R"("meta":{"zz":{"b":1,"a":2},"connector":"opencode"}},"status":"idle","ts":1})";
    const Result<Presence> decoded = decodePresence(payload);
    QVERIFY(decoded.ok());
    QVERIFY(decoded->card.tags && decoded->card.tags->isEmpty());
    QVERIFY(decoded->card.skills && decoded->card.skills->isEmpty());
    QCOMPARE(encodePresence(decoded.value()), payload);
}

void TestPresence::channelModesFollowJsPropertyOrder()
{
    Presence presence = workingBob();
    presence.channelModes = {{QStringLiteral("b"), ChannelMode::Quiet},
                             {QStringLiteral("10"), ChannelMode::Muted}};
    QVERIFY(encodePresence(presence).contains(R"("channelModes":{"10":"muted","b":"quiet"})"));
}

void TestPresence::unknownFieldsAreIgnored()
{
    const Result<Presence> decoded = decodePresence(
        R"({"v":1,"card":{"id":"i","name":"b","kind":"agent","avatar":"x"},"status":"idle","ts":2,"mood":"ok"})");
    QVERIFY(decoded.ok());
    QCOMPARE(encodePresence(decoded.value()),
             QByteArray(R"({"card":{"id":"i","name":"b","kind":"agent"},"status":"idle","ts":2})"));
}

QTEST_APPLESS_MAIN(TestPresence)
#include "tst_presence.moc"
