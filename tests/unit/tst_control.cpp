#include "core/wire/control.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"

#include <QTest>

using namespace cotal::wire;

namespace {

const QString BOB = QStringLiteral("UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW");

EndpointRef bob()
{
    return EndpointRef{BOB, QStringLiteral("bob"), QStringLiteral("reviewer")};
}

QByteArray bobJson()
{
    return R"({"id":")" + BOB.toUtf8() + R"(","name":"bob","role":"reviewer"})";
}

JsonObject objectOf(const QByteArray &json)
{
    return parseJson(json)->toObject();
}

} // namespace

class TestControl final : public QObject
{
    Q_OBJECT

private slots:
    void requestKeyOrderKeepsEmptyArgs();
    void absentArgsStayAbsent();
    void requestRejections_data();
    void requestRejections();
    void replyKeyOrder();
    void replyRejections_data();
    void replyRejections();
    void replyNullDataIsAValue();
    void unknownFieldsAreIgnored();
    void durableJoinArgs();
    void durableLeaveArgsNeedSafeIntegerGeneration_data();
    void durableLeaveArgsNeedSafeIntegerGeneration();
    void durableJoinResultOrder();
    void durableLeaveResultWritesAlreadyLeftOnlyWhenTrue();
    void listMembershipsResult();
    void listMembershipsResultRejectsBadItems();
    void controlSenderCheck_data();
    void controlSenderCheck();
    void senderMismatchReplyText();
};

void TestControl::requestKeyOrderKeepsEmptyArgs()
{
    QCOMPARE(encodeControlRequest(listMembershipsRequest(bob())),
             R"({"op":"listMemberships","args":{},"from":)" + bobJson() + '}');
    QCOMPARE(encodeControlRequest(durableLeaveRequest(bob(), {QStringLiteral("team.backend"), 1})),
             R"({"op":"durableLeave","args":{"channel":"team.backend","generation":1},"from":)" +
                 bobJson() + '}');
}

void TestControl::absentArgsStayAbsent()
{
    const QByteArray payload = R"({"op":"stop","from":)" + bobJson() + '}';
    const Result<ControlRequest> request = decodeControlRequest(payload);
    QVERIFY(request.ok());
    QVERIFY(!request->args);
    QVERIFY(request->argsOrEmpty().isEmpty());
    QCOMPARE(encodeControlRequest(request.value()), payload);
}

void TestControl::requestRejections_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{op}") << QStringLiteral("malformed-json");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("malformed-json");
    QTest::newRow("missing op") << R"({"args":{},"from":)" + bobJson() + '}'
                                << QStringLiteral("missing-field");
    QTest::newRow("op not string")
        << R"({"op":1,"from":)" + bobJson() + '}' << QStringLiteral("invalid-field");
    QTest::newRow("args array") << R"({"op":"x","args":[],"from":)" + bobJson() + '}'
                                << QStringLiteral("invalid-field");
    QTest::newRow("args string") << R"({"op":"x","args":"a","from":)" + bobJson() + '}'
                                 << QStringLiteral("invalid-field");
    QTest::newRow("missing from") << QByteArray(R"({"op":"x","args":{}})")
                                  << QStringLiteral("missing-field");
    QTest::newRow("from not object")
        << QByteArray(R"({"op":"x","from":"bob"})") << QStringLiteral("invalid-field");
    QTest::newRow("from.id missing")
        << QByteArray(R"({"op":"x","from":{"name":"bob"}})") << QStringLiteral("missing-field");
}

void TestControl::requestRejections()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<ControlRequest> request = decodeControlRequest(payload);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().reasonToken(), reason);
}

void TestControl::replyKeyOrder()
{
    QCOMPARE(encodeControlReply(
                 ControlReply::success(DurableLeaveResult{QStringLiteral("g"), false}.toData())),
             QByteArray(R"({"ok":true,"data":{"channel":"g"}})"));
    QCOMPARE(encodeControlReply(ControlReply::failure(QStringLiteral("nope"))),
             QByteArray(R"({"ok":false,"error":"nope"})"));
    QCOMPARE(encodeControlReply(ControlReply::success()), QByteArray(R"({"ok":true})"));
    ControlReply both{true, JsonValue(1), QStringLiteral("warn")};
    QCOMPARE(encodeControlReply(both), QByteArray(R"({"ok":true,"data":1,"error":"warn"})"));
}

void TestControl::replyRejections_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("ok") << QStringLiteral("malformed-json");
    QTest::newRow("number") << QByteArray("1") << QStringLiteral("malformed-json");
    QTest::newRow("missing ok") << QByteArray(R"({"data":{}})") << QStringLiteral("missing-field");
    QTest::newRow("ok not bool") << QByteArray(R"({"ok":"true"})")
                                 << QStringLiteral("invalid-field");
    QTest::newRow("error not string")
        << QByteArray(R"({"ok":false,"error":{"m":1}})") << QStringLiteral("invalid-field");
}

void TestControl::replyRejections()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<ControlReply> reply = decodeControlReply(payload);
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().reasonToken(), reason);
}

void TestControl::replyNullDataIsAValue()
{
    const Result<ControlReply> reply = decodeControlReply(R"({"ok":true,"data":null})");
    QVERIFY(reply.ok());
    QVERIFY(reply->data);
    QVERIFY(reply->data->isNull());
    QCOMPARE(encodeControlReply(reply.value()), QByteArray(R"({"ok":true,"data":null})"));
}

void TestControl::unknownFieldsAreIgnored()
{
    const Result<ControlRequest> request =
        decodeControlRequest(R"({"v":2,"op":"x","from":{"id":"a","name":"n","z":1},"trace":"t"})");
    QVERIFY(request.ok());
    QCOMPARE(encodeControlRequest(request.value()),
             QByteArray(R"({"op":"x","from":{"id":"a","name":"n"}})"));
    const Result<ControlReply> reply = decodeControlReply(R"({"ok":false,"error":"e","code":7})");
    QVERIFY(reply.ok());
    QCOMPARE(encodeControlReply(reply.value()), QByteArray(R"({"ok":false,"error":"e"})"));
}

void TestControl::durableJoinArgs()
{
    const Result<DurableJoinArgs> args =
        DurableJoinArgs::fromArgs(objectOf(R"({"channel":"general","extra":true})"));
    QVERIFY(args.ok());
    QCOMPARE(args->channel, QStringLiteral("general"));
    QCOMPARE(toJsonText(JsonValue(args->toArgs())), QByteArray(R"({"channel":"general"})"));
    QCOMPARE(DurableJoinArgs::fromArgs(JsonObject()).error().code, WireErrorCode::MissingField);
    QCOMPARE(DurableJoinArgs::fromArgs(objectOf(R"({"channel":5})")).error().code,
             WireErrorCode::InvalidField);
}

void TestControl::durableLeaveArgsNeedSafeIntegerGeneration_data()
{
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("integer") << QByteArray(R"({"channel":"c","generation":3})") << true;
    QTest::newRow("integral float") << QByteArray(R"({"channel":"c","generation":3.0})") << true;
    QTest::newRow("fraction") << QByteArray(R"({"channel":"c","generation":1.5})") << false;
    QTest::newRow("string") << QByteArray(R"({"channel":"c","generation":"1"})") << false;
    QTest::newRow("beyond 2^53") << QByteArray(R"({"channel":"c","generation":1e16})") << false;
    QTest::newRow("missing") << QByteArray(R"({"channel":"c"})") << false;
}

void TestControl::durableLeaveArgsNeedSafeIntegerGeneration()
{
    QFETCH(QByteArray, args);
    QFETCH(bool, accepted);
    const Result<DurableLeaveArgs> decoded = DurableLeaveArgs::fromArgs(objectOf(args));
    QCOMPARE(decoded.ok(), accepted);
    if (accepted)
        QCOMPARE(decoded->generation, 3);
}

void TestControl::durableJoinResultOrder()
{
    const DurableJoinResult result{false, QStringLiteral("live channel"), 4};
    QCOMPARE(toJsonText(result.toData()),
             QByteArray(R"({"durable":false,"reason":"live channel","generation":4})"));
    const Result<DurableJoinResult> decoded = DurableJoinResult::fromData(result.toData());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), result);
    QCOMPARE(DurableJoinResult::fromData(JsonValue(true)).error().code,
             WireErrorCode::InvalidField);
    QCOMPARE(DurableJoinResult::fromData(JsonValue(JsonObject())).error().code,
             WireErrorCode::MissingField);
}

void TestControl::durableLeaveResultWritesAlreadyLeftOnlyWhenTrue()
{
    QCOMPARE(toJsonText(DurableLeaveResult{QStringLiteral("t"), true}.toData()),
             QByteArray(R"({"channel":"t","alreadyLeft":true})"));
    QCOMPARE(toJsonText(DurableLeaveResult{QStringLiteral("t"), false}.toData()),
             QByteArray(R"({"channel":"t"})"));
    const Result<DurableLeaveResult> decoded =
        DurableLeaveResult::fromData(JsonValue(objectOf(R"({"channel":"t","alreadyLeft":true})")));
    QVERIFY(decoded.ok());
    QVERIFY(decoded->alreadyLeft);
}

void TestControl::listMembershipsResult()
{
    const QByteArray data =
        R"({"memberships":[{"channel":"general","generation":1,"activated":)"
        R"(true},{"channel":"team.backend","generation":2,"activated":false}]})";
    const Result<ListMembershipsResult> decoded =
        ListMembershipsResult::fromData(JsonValue(objectOf(data)));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->memberships.size(), 2);
    QCOMPARE(decoded->memberships.at(1),
             (MembershipSummary{QStringLiteral("team.backend"), 2, false}));
    QCOMPARE(toJsonText(decoded->toData()), data);
    QCOMPARE(toJsonText(ListMembershipsResult().toData()), QByteArray(R"({"memberships":[]})"));
}

void TestControl::listMembershipsResultRejectsBadItems()
{
    for (const QByteArray &bad :
         {QByteArray(R"({"memberships":{}})"), QByteArray(R"({"memberships":[1]})"),
          QByteArray(R"({"memberships":[{"channel":"c","generation":1}]})"),
          QByteArray(R"({"memberships":[{"channel":"c","generation":1,)"
                     R"("activated":"yes"}]})")}) {
        const Result<ListMembershipsResult> decoded =
            ListMembershipsResult::fromData(JsonValue(objectOf(bad)));
        QVERIFY2(!decoded.ok(), bad.constData());
    }
    QCOMPARE(ListMembershipsResult::fromData(JsonValue(JsonObject())).error().code,
             WireErrorCode::MissingField);
}

void TestControl::controlSenderCheck_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("reason");
    QTest::newRow("own request") << QStringLiteral("cotal.demo.ctl.delivery.%1").arg(BOB)
                                 << QString();
    QTest::newRow("someone else's lane")
        << QStringLiteral("cotal.demo.ctl.delivery.UOTHER") << QStringLiteral("sender-mismatch");
    QTest::newRow("reply subject") << QStringLiteral("cotal.demo.ctl.delivery.%1.reply.x").arg(BOB)
                                   << QStringLiteral("malformed-subject");
    QTest::newRow("chat subject") << QStringLiteral("cotal.demo.chat.%1.general").arg(BOB)
                                  << QStringLiteral("malformed-subject");
    QTest::newRow("garbage") << QStringLiteral("x") << QStringLiteral("malformed-subject");
}

void TestControl::controlSenderCheck()
{
    QFETCH(QString, subject);
    QFETCH(QString, reason);
    const Result<ParsedSubject> checked =
        checkControlSender(subject, listMembershipsRequest(bob()));
    if (reason.isEmpty()) {
        QVERIFY(checked.ok());
        QCOMPARE(checked->rest, QStringLiteral("delivery"));
    } else {
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().reasonToken(), reason);
    }
}

void TestControl::senderMismatchReplyText()
{
    QCOMPARE(
        encodeControlReply(senderMismatchReply()),
        QByteArray("{\"ok\":false,\"error\":\"sender mismatch \xe2\x80\x94 request rejected\"}"));
}

QTEST_APPLESS_MAIN(TestControl)
#include "tst_control.moc"
