#include "core/wire/aclrecord.h"
#include "core/wire/channelconfig.h"
#include "core/wire/deliverylease.h"
#include "core/wire/memberrecord.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/plane3entry.h"

#include <QTest>

using namespace cotal::wire;

namespace {

const QByteArray kChatPayload =
    R"({"id":"m1","ts":1795767021971,"space":"demo","from":{"id":"A","name":"alice"},)"
    R"("channel":"team.backend","mentions":["bob"],"parts":[{"kind":"text","text":"@bob hi"}]})";

ChannelConfig configOf(const QByteArray &json)
{
    return decodeChannelConfig(json).value();
}

ChannelDefaults defaultsOf(const QByteArray &json)
{
    return decodeChannelDefaults(json).value();
}

} // namespace

Q_DECLARE_METATYPE(std::optional<qint64>)
Q_DECLARE_METATYPE(std::optional<QByteArray>)

class TestRecords final : public QObject
{
    Q_OBJECT

private slots:
    void replayWindow_data();
    void replayWindow();
    void channelConfigKeepsKeyOrderAndUnknownKeys();
    void channelConfigRejects_data();
    void channelConfigRejects();
    void textLimitsCountUtf16Units();
    void settersValidateAndNeverTruncate();
    void mergeIsObjectSpread();
    void explicitNullReadsAsUnset();
    void effectiveResolution_data();
    void effectiveResolution();
    void membershipRecordKeyOrder();
    void membershipEligibility_data();
    void membershipEligibility();
    void membershipRecordRejects_data();
    void membershipRecordRejects();
    void aclRecordRoundTrip();
    void aclTriState_data();
    void aclTriState();
    void deliveryLease();
    void membershipFeedRecords();
    void plane3EntryKeepsMessageVerbatim();
    void plane3EntryRejects_data();
    void plane3EntryRejects();
    void plane3MessageIdFormat();
};

void TestRecords::replayWindow_data()
{
    QTest::addColumn<QString>("window");
    QTest::addColumn<std::optional<qint64>>("ms");
    QTest::newRow("2h") << QStringLiteral("2h") << std::optional<qint64>(7200000);
    QTest::newRow("trimmed") << QStringLiteral(" 30m\u00a0") << std::optional<qint64>(1800000);
    QTest::newRow("seconds") << QStringLiteral("10s") << std::optional<qint64>(10000);
    QTest::newRow("days") << QStringLiteral("7d") << std::optional<qint64>(604800000);
    QTest::newRow("zero") << QStringLiteral("0s") << std::optional<qint64>(0);
    QTest::newRow("leading zeros") << QStringLiteral("007m") << std::optional<qint64>(420000);
    QTest::newRow("weeks") << QStringLiteral("1w") << std::optional<qint64>();
    QTest::newRow("fraction") << QStringLiteral("1.5h") << std::optional<qint64>();
    QTest::newRow("empty") << QString() << std::optional<qint64>();
    QTest::newRow("unit only") << QStringLiteral("h") << std::optional<qint64>();
    QTest::newRow("no unit") << QStringLiteral("10") << std::optional<qint64>();
    QTest::newRow("negative") << QStringLiteral("-1h") << std::optional<qint64>();
    QTest::newRow("upper-case unit") << QStringLiteral("1H") << std::optional<qint64>();
    QTest::newRow("inner space") << QStringLiteral("1 h") << std::optional<qint64>();
    QTest::newRow("non-ASCII digit") << QStringLiteral("\uff11h") << std::optional<qint64>();
    QTest::newRow("out of range") << QStringLiteral("99999999999999999999d")
                                  << std::optional<qint64>();
}

void TestRecords::replayWindow()
{
    QFETCH(QString, window);
    QFETCH(std::optional<qint64>, ms);
    const Result<qint64> parsed = parseReplayWindow(window);
    QCOMPARE(parsed.ok(), ms.has_value());
    if (ms)
        QCOMPARE(parsed.value(), *ms);
    else
        QCOMPARE(parsed.error().code, WireErrorCode::InvalidField);
}

void TestRecords::channelConfigKeepsKeyOrderAndUnknownKeys()
{
    const QByteArray json = R"({"deliveryClass":"live","topic":{"z":1,"a":2},"replay":false,)"
                            R"("description":"Off-topic","replayWindow":" 2h "})";
    const Result<ChannelConfig> config = decodeChannelConfig(json);
    QVERIFY(config.ok());
    QCOMPARE(config->encode(), json);
    QCOMPARE(config->deliveryClass(), DeliveryClass::Live);
    QCOMPARE(config->replay(), false);
    QCOMPARE(config->replayWindow(), QStringLiteral(" 2h "));
    QCOMPARE(config->replayWindowMs(), 7200000);
    QCOMPARE(config->description(), QStringLiteral("Off-topic"));
    QVERIFY(!config->instructions());
}

void TestRecords::channelConfigRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QString invalid = QStringLiteral("invalid-field");
    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("malformed-json");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("malformed-json");
    QTest::newRow("replay not bool") << QByteArray(R"({"replay":"yes"})") << invalid;
    QTest::newRow("bad window") << QByteArray(R"({"replayWindow":"1w"})") << invalid;
    QTest::newRow("window not string") << QByteArray(R"({"replayWindow":60})") << invalid;
    QTest::newRow("unknown class") << QByteArray(R"({"deliveryClass":"eventual"})") << invalid;
    QTest::newRow("description too long")
        << R"({"description":")" + QByteArray(201, 'x') + R"("})" << invalid;
    QTest::newRow("instructions too long")
        << R"({"instructions":")" + QByteArray(2001, 'x') + R"("})" << invalid;
    QTest::newRow("description not string") << QByteArray(R"({"description":1})") << invalid;
}

void TestRecords::channelConfigRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<ChannelConfig> config = decodeChannelConfig(payload);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().reasonToken(), reason);
}

void TestRecords::textLimitsCountUtf16Units()
{
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80"); // two UTF-16 units
    ChannelConfig config;
    QVERIFY(!config.setDescription(emoji.repeated(100)));
    QVERIFY(config.setDescription(emoji.repeated(100) + u'x'));
    QVERIFY(!config.setDescription(QStringLiteral("é").repeated(200)));
    QVERIFY(!config.setInstructions(QStringLiteral("x").repeated(2000)));
    QVERIFY(config.setInstructions(QStringLiteral("x").repeated(2001)));
    // Decoding counts the same way.
    QVERIFY(
        decodeChannelConfig(R"({"description":")" + emoji.repeated(100).toUtf8() + R"("})").ok());
    QVERIFY(
        !decodeChannelConfig(R"({"description":")" + emoji.repeated(101).toUtf8() + R"("})").ok());
}

void TestRecords::settersValidateAndNeverTruncate()
{
    ChannelConfig config = configOf(R"({"description":"short","replayWindow":"1h"})");
    const QByteArray before = config.encode();
    const std::optional<WireError> tooLong = config.setDescription(QString(201, u'y'));
    QVERIFY(tooLong);
    QCOMPARE(tooLong->code, WireErrorCode::InvalidField);
    const std::optional<WireError> badWindow = config.setReplayWindow(QStringLiteral("1w"));
    QVERIFY(badWindow);
    QCOMPARE(config.encode(), before);
    QVERIFY(!config.setReplayWindow(QStringLiteral("3d")));
    config.setDeliveryClass(DeliveryClass::Durable);
    config.setReplay(true);
    QCOMPARE(config.encode(),
             QByteArray(R"({"description":"short","replayWindow":"3d","deliveryClass":"durable",)"
                        R"("replay":true})"));
    config.unset(u"description");
    QVERIFY(!config.description());
}

void TestRecords::mergeIsObjectSpread()
{
    const ChannelConfig current = configOf(R"({"description":"d","replay":true})");
    const ChannelConfig patch = configOf(R"({"deliveryClass":"live","replay":false})");
    QCOMPARE(current.merged(patch).encode(),
             QByteArray(R"({"description":"d","replay":false,"deliveryClass":"live"})"));
    const ChannelDefaults defaults = defaultsOf(R"({"replay":true})");
    QCOMPARE(defaults.merged(defaultsOf(R"({"deliveryClass":"durable"})")).encode(),
             QByteArray(R"({"replay":true,"deliveryClass":"durable"})"));
}

void TestRecords::explicitNullReadsAsUnset()
{
    const ChannelConfig config = configOf(R"({"replay":null,"deliveryClass":null})");
    QVERIFY(!config.replay());
    QVERIFY(!config.deliveryClass());
    QCOMPARE(config.encode(), QByteArray(R"({"replay":null,"deliveryClass":null})"));
    const EffectiveChannelPolicy policy =
        resolveChannelPolicy(QStringLiteral("c"), config, defaultsOf(R"({"replay":false})"));
    QCOMPARE(policy.replay, false);
}

void TestRecords::effectiveResolution_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("channel"); // empty = no entry
    QTest::addColumn<QByteArray>("defaults");
    QTest::addColumn<bool>("replay");
    QTest::addColumn<QString>("window"); // empty = none
    QTest::addColumn<int>("deliveryClass");
    const int live = int(DeliveryClass::Live);
    const int durable = int(DeliveryClass::Durable);
    QTest::newRow("nothing stored") << QStringLiteral("general") << QByteArray() << QByteArray()
                                    << true << QString() << durable;
    QTest::newRow("defaults only") << QStringLiteral("general") << QByteArray()
                                   << QByteArray(R"({"replay":false,"replayWindow":"1d",)"
                                                 R"("deliveryClass":"live"})")
                                   << false << QStringLiteral("1d") << live;
    QTest::newRow("channel wins")
        << QStringLiteral("team.backend")
        << QByteArray(R"({"replay":true,"replayWindow":"2h","deliveryClass":"durable"})")
        << QByteArray(R"({"replay":false,"replayWindow":"1d","deliveryClass":"live"})") << true
        << QStringLiteral("2h") << durable;
    QTest::newRow("field by field")
        << QStringLiteral("random") << QByteArray(R"({"description":"x","replay":false})")
        << QByteArray(R"({"replayWindow":"5m","deliveryClass":"live"})") << false
        << QStringLiteral("5m") << live;
    QTest::newRow("wildcard ignores the channel entry")
        << QStringLiteral("team.>") << QByteArray(R"({"replay":false,"deliveryClass":"live"})")
        << QByteArray(R"({"replayWindow":"1h"})") << true << QStringLiteral("1h") << durable;
    QTest::newRow("star wildcard")
        << QStringLiteral("*") << QByteArray(R"({"deliveryClass":"live"})") << QByteArray() << true
        << QString() << durable;
}

void TestRecords::effectiveResolution()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, channel);
    QFETCH(QByteArray, defaults);
    QFETCH(bool, replay);
    QFETCH(QString, window);
    QFETCH(int, deliveryClass);
    const std::optional<ChannelConfig> entry =
        channel.isEmpty() ? std::nullopt : std::optional(configOf(channel));
    const std::optional<ChannelDefaults> space =
        defaults.isEmpty() ? std::nullopt : std::optional(defaultsOf(defaults));
    const EffectiveChannelPolicy policy = resolveChannelPolicy(target, entry, space);
    QCOMPARE(policy.replay, replay);
    QCOMPARE(policy.replayWindow.value_or(QString()), window);
    QCOMPARE(policy.replayWindowMs.has_value(), !window.isEmpty());
    if (!window.isEmpty())
        QCOMPARE(*policy.replayWindowMs, parseReplayWindow(window).value());
    QCOMPARE(int(policy.deliveryClass), deliveryClass);
}

void TestRecords::membershipRecordKeyOrder()
{
    MembershipRecord record{QStringLiteral("team.backend"),
                            QStringLiteral("UB"),
                            MemberState::LiveConfirmed,
                            0,
                            1,
                            true,
                            QStringLiteral("UD"),
                            1795767023089,
                            4};
    const QByteArray tombstone =
        R"({"channel":"team.backend","owner":"UB","state":"live-confirmed","joinCursor":0,)"
        R"("generation":1,"activated":true,"writerIdentity":"UD","updatedAt":1795767023089,)"
        R"("leaveCursor":4})";
    QCOMPARE(encodeMembershipRecord(record), tombstone);
    QVERIFY(record.isTombstone());
    QCOMPARE(decodeMembershipRecord(tombstone).value(), record);
    record.leaveCursor.reset();
    record.activated.reset();
    record.state = MemberState::DurableActive;
    QCOMPARE(encodeMembershipRecord(record),
             QByteArray(R"({"channel":"team.backend","owner":"UB","state":"durable-active",)"
                        R"("joinCursor":0,"generation":1,"writerIdentity":"UD",)"
                        R"("updatedAt":1795767023089})"));
}

void TestRecords::membershipEligibility_data()
{
    QTest::addColumn<qint64>("joinCursor");
    QTest::addColumn<qint64>("leaveCursor"); // -1 = open
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<bool>("eligible");
    QTest::newRow("at join cursor") << qint64(5) << qint64(-1) << qint64(5) << false;
    QTest::newRow("after join, open") << qint64(5) << qint64(-1) << qint64(6) << true;
    QTest::newRow("far after, open") << qint64(5) << qint64(-1) << qint64(100000) << true;
    QTest::newRow("at leave cursor") << qint64(0) << qint64(4) << qint64(4) << true;
    QTest::newRow("after leave cursor") << qint64(0) << qint64(4) << qint64(5) << false;
    QTest::newRow("before join") << qint64(5) << qint64(9) << qint64(3) << false;
}

void TestRecords::membershipEligibility()
{
    QFETCH(qint64, joinCursor);
    QFETCH(qint64, leaveCursor);
    QFETCH(qint64, seq);
    QFETCH(bool, eligible);
    MembershipRecord record;
    record.joinCursor = joinCursor;
    if (leaveCursor >= 0)
        record.leaveCursor = leaveCursor;
    QCOMPARE(record.isEligible(seq), eligible);
}

void TestRecords::membershipRecordRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QByteArray head = R"({"channel":"c","owner":"o","writerIdentity":"w","updatedAt":1,)";
    QTest::newRow("not JSON") << QByteArray("x") << QStringLiteral("malformed-json");
    QTest::newRow("unknown state") << head + R"("state":"gone","joinCursor":0,"generation":1})"
                                   << "invalid-field";
    QTest::newRow("fractional cursor")
        << head + R"("state":"durable-active","joinCursor":1.5,"generation":1})"
        << "invalid-field";
    QTest::newRow("generation string")
        << head + R"("state":"durable-active","joinCursor":1,"generation":"1"})"
        << "invalid-field";
    QTest::newRow("activated not bool")
        << head + R"("state":"durable-active","joinCursor":1,"generation":1,"activated":1})"
        << "invalid-field";
    QTest::newRow("missing generation") << head + R"("state":"durable-active","joinCursor":1})"
                                        << "missing-field";
    QTest::newRow("missing writer")
        << QByteArray(R"({"channel":"c","owner":"o","state":"durable-active","joinCursor":0,)"
                      R"("generation":1,"updatedAt":1})")
        << "missing-field";
}

void TestRecords::membershipRecordRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<MembershipRecord> record = decodeMembershipRecord(payload);
    QVERIFY(!record.ok());
    QCOMPARE(record.error().reasonToken(), reason);
}

void TestRecords::aclRecordRoundTrip()
{
    const QByteArray json = R"({"allowSubscribe":["general","team.>"],"revision":3,"updatedAt":7})";
    const Result<AclRecord> record = decodeAclRecord(json);
    QVERIFY(record.ok());
    QCOMPARE(record->revision, 3);
    QCOMPARE(encodeAclRecord(record.value()), json);
    QCOMPARE(encodeAclRecord(AclRecord{{}, std::nullopt, std::nullopt}),
             QByteArray(R"({"allowSubscribe":[]})"));
}

void TestRecords::aclTriState_data()
{
    QTest::addColumn<std::optional<QByteArray>>("value");
    QTest::addColumn<int>("standing");
    QTest::addColumn<bool>("decodeError");
    const int unknown = int(ReadAcl::Standing::Unknown);
    QTest::newRow("absent key") << std::optional<QByteArray>() << unknown << false;
    QTest::newRow("empty list reads nothing")
        << std::optional<QByteArray>(R"({"allowSubscribe":[],"revision":2,"updatedAt":1})")
        << int(ReadAcl::Standing::ReadsNothing) << false;
    QTest::newRow("patterns") << std::optional<QByteArray>(R"({"allowSubscribe":["general"]})")
                              << int(ReadAcl::Standing::Reads) << false;
    QTest::newRow("not an array") << std::optional<QByteArray>(R"({"allowSubscribe":"general"})")
                                  << unknown << true;
    QTest::newRow("missing list") << std::optional<QByteArray>(R"({"revision":1})") << unknown
                                  << true;
    QTest::newRow("garbage") << std::optional<QByteArray>("\x01\x02") << unknown << true;
    QTest::newRow("empty body") << std::optional<QByteArray>(QByteArray()) << unknown << true;
}

void TestRecords::aclTriState()
{
    QFETCH(std::optional<QByteArray>, value);
    QFETCH(int, standing);
    QFETCH(bool, decodeError);
    const ReadAcl acl = ReadAcl::fromKvValue(value);
    QCOMPARE(int(acl.standing()), standing);
    QCOMPARE(acl.record() != nullptr, standing != int(ReadAcl::Standing::Unknown));
    QCOMPARE(acl.decodeError().has_value(), decodeError);
}

void TestRecords::deliveryLease()
{
    const QByteArray json = R"({"holder":"UD","since":1795767017547,"ready":false})";
    const Result<DeliveryLease> lease = decodeDeliveryLease(json);
    QVERIFY(lease.ok());
    QCOMPARE(lease.value(), (DeliveryLease{QStringLiteral("UD"), 1795767017547, false}));
    QCOMPARE(encodeDeliveryLease(lease.value()), json);
    QCOMPARE(decodeDeliveryLease(QByteArray()).error().code, WireErrorCode::MalformedJson);
    QCOMPARE(decodeDeliveryLease(R"({"holder":"UD","since":1})").error().code,
             WireErrorCode::MissingField);
    QCOMPARE(decodeDeliveryLease(R"({"holder":"UD","since":1,"ready":"yes"})").error().code,
             WireErrorCode::InvalidField);
}

void TestRecords::membershipFeedRecords()
{
    const QByteArray agent = R"({"live":[">","general"],"durable":[],"observedAt":5})";
    const Result<ChannelMembership> membership = decodeChannelMembership(agent);
    QVERIFY(membership.ok());
    QCOMPARE(membership->live, (QStringList{QStringLiteral(">"), QStringLiteral("general")}));
    QCOMPARE(encodeChannelMembership(membership.value()), agent);
    QCOMPARE(decodeChannelMembership(R"({"live":[],"observedAt":5})").error().code,
             WireErrorCode::MissingField);

    const QByteArray feed = R"({"observedAt":1795767034544,"count":2})";
    const Result<MembershipFeedHeartbeat> heartbeat = decodeMembershipFeedHeartbeat(feed);
    QVERIFY(heartbeat.ok());
    QCOMPARE(heartbeat->count, 2);
    QCOMPARE(encodeMembershipFeedHeartbeat(heartbeat.value()), feed);
    QCOMPARE(decodeMembershipFeedHeartbeat(R"({"observedAt":1,"count":2.5})").error().code,
             WireErrorCode::InvalidField);
}

void TestRecords::plane3EntryKeepsMessageVerbatim()
{
    const Plane3Entry entry{kChatPayload, QStringLiteral("team.backend"), 2,
                            Plane3Reason::DurableChannel, 1};
    const QByteArray encoded = encodePlane3Entry(entry);
    QCOMPARE(encoded, R"({"msg":)" + kChatPayload +
                          R"(,"channel":"team.backend","seq":2,"reason":"durable-channel",)"
                          R"("generation":1})");
    const Result<Plane3Entry> decoded = decodePlane3Entry(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), entry);
    QCOMPARE(decoded->msg, kChatPayload); // the DLV copy is the CHAT payload, byte for byte
    const Result<CotalMessage> message = decoded->message();
    QVERIFY(message.ok());
    QCOMPARE(message->mentions, QStringList{QStringLiteral("bob")});
    const Result<DecodedPlane3Entry> withId = decodePlane3EntryWithId(encoded);
    QVERIFY(withId.ok());
    QCOMPARE(withId->entry, entry);
    QCOMPARE(withId->messageId, message->id);
    QCOMPARE(plane3ReasonToken(Plane3Reason::LiveMention), QStringLiteral("live-mention"));
}

void TestRecords::plane3EntryRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QByteArray tail = R"(,"channel":"c","seq":2,"reason":"live-mention","generation":0})";
    QTest::newRow("not JSON") << QByteArray("{]") << QStringLiteral("malformed-json");
    QTest::newRow("msg missing") << R"({"x":1)" + tail << QStringLiteral("missing-field");
    QTest::newRow("msg not object") << R"({"msg":"m")" + tail << QStringLiteral("invalid-field");
    QTest::newRow("msg without parts")
        << R"({"msg":{"id":"m","ts":1,"space":"s","from":{"id":"a","name":"n"},"channel":"c"})" +
               tail
        << QStringLiteral("missing-field");
    QTest::newRow("unknown reason")
        << R"({"msg":)" + kChatPayload +
               R"(,"channel":"c","seq":2,"reason":"gossip","generation":0})"
        << QStringLiteral("invalid-field");
    QTest::newRow("fractional seq")
        << R"({"msg":)" + kChatPayload +
               R"(,"channel":"c","seq":2.5,"reason":"live-mention","generation":0})"
        << QStringLiteral("invalid-field");
}

void TestRecords::plane3EntryRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<Plane3Entry> entry = decodePlane3Entry(payload);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.error().reasonToken(), reason);
}

void TestRecords::plane3MessageIdFormat()
{
    QCOMPARE(plane3MessageId(QStringLiteral("e3f6"), QStringLiteral("UAII"), 1),
             QStringLiteral("e3f6:UAII:1"));
    QCOMPARE(plane3MessageId(QStringLiteral("a%1b"), QStringLiteral("o"), 0),
             QStringLiteral("a%1b:o:0"));
}

QTEST_APPLESS_MAIN(TestRecords)
#include "tst_records.moc"
