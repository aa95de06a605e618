#include "core/wire/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <limits>

using namespace cotal::wire;

class TestJsonWriter final : public QObject
{
    Q_OBJECT

private slots:
    void escapesLikeJsonStringify_data();
    void escapesLikeJsonStringify();
    void lonelySurrogatesAreEscaped();
    void numbersLikeJavaScript_data();
    void numbersLikeJavaScript();
    void integersAreExact();
    void keysKeepInsertionOrder();
    void nestedValuesAndRawSplice();
    void qjsonValueIsAccepted();
    void objectUsesJsPropertyOrder();
    void arrayIndexDetection_data();
    void arrayIndexDetection();
};

void TestJsonWriter::escapesLikeJsonStringify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("named escapes") << QStringLiteral("\n\r\t\b\f") << QByteArray(R"("\n\r\t\b\f")");
    QTest::newRow("other controls lowercase hex")
        << QString(QChar(0x01)) + QChar(0x1f) + QChar(0x0b)
        << QByteArray(R"("\u0001\u001f\u000b")");
    QTest::newRow("nul") << QString(QChar(0)) << QByteArray(R"("\u0000")");
    QTest::newRow("DEL stays raw") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
    QTest::newRow("slash stays raw") << QStringLiteral("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("non-ASCII raw UTF-8")
        << QStringLiteral("é日 — ✓")
        << QByteArray("\"\xc3\xa9\xe6\x97\xa5 \xe2\x80\x94 \xe2\x9c\x93\"");
    QTest::newRow("astral raw UTF-8")
        << QString::fromUtf8("\xf0\x9f\x98\x80") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("line separator raw") << QString(QChar(0x2028)) << QByteArray("\"\xe2\x80\xa8\"");
}

void TestJsonWriter::escapesLikeJsonStringify()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    JsonWriter writer;
    writer.string(text);
    QCOMPARE(writer.take(), json);
}

void TestJsonWriter::lonelySurrogatesAreEscaped()
{
    QString text;
    text.append(QChar(0xD800));
    text.append(u'x');
    text.append(QChar(0xDC00));
    QByteArray out;
    appendJsonString(out, text);
    QCOMPARE(out, QByteArray(R"("\ud800x\udc00")"));
}

void TestJsonWriter::numbersLikeJavaScript_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("0");
    QTest::newRow("one") << 1.0 << QByteArray("1");
    QTest::newRow("minus one") << -1.0 << QByteArray("-1");
    QTest::newRow("fixture float") << 81234.5 << QByteArray("81234.5");
    QTest::newRow("tenth") << 0.1 << QByteArray("0.1");
    QTest::newRow("classic sum") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::newRow("epoch ms") << 1795767021969.0 << QByteArray("1795767021969");
    QTest::newRow("1e20 plain") << 1e20 << QByteArray("100000000000000000000");
    QTest::newRow("1e21 exponent") << 1e21 << QByteArray("1e+21");
    QTest::newRow("big with zeros") << 12345678901234567890.0 << QByteArray("12345678901234567000");
    QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
    QTest::newRow("1e-6 plain") << 0.000001 << QByteArray("0.000001");
    QTest::newRow("1.23e-5 plain") << 0.0000123 << QByteArray("0.0000123");
    QTest::newRow("1e-7 exponent") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("1.5e-7 exponent") << 1.5e-7 << QByteArray("1.5e-7");
    QTest::newRow("max double") << std::numeric_limits<double>::max()
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("min subnormal")
        << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
    QTest::newRow("negative fraction") << -2.5 << QByteArray("-2.5");
    QTest::newRow("nan is null") << std::nan("") << QByteArray("null");
    QTest::newRow("infinity is null")
        << std::numeric_limits<double>::infinity() << QByteArray("null");
}

void TestJsonWriter::numbersLikeJavaScript()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(jsNumberText(value), text);
}

void TestJsonWriter::integersAreExact()
{
    JsonWriter writer;
    writer.beginArray()
        .integer(0)
        .integer(-42)
        .integer(std::numeric_limits<qint64>::max())
        .endArray();
    QCOMPARE(writer.take(), QByteArray("[0,-42,9223372036854775807]"));
}

void TestJsonWriter::keysKeepInsertionOrder()
{
    JsonWriter writer;
    writer.beginObject()
        .key(u"zeta")
        .integer(1)
        .key(u"alpha")
        .boolean(true)
        .key(u"mid")
        .null()
        .key(u"list")
        .stringList({QStringLiteral("b"), QStringLiteral("a")})
        .endObject();
    QCOMPARE(writer.take(), QByteArray(R"({"zeta":1,"alpha":true,"mid":null,"list":["b","a"]})"));
}

void TestJsonWriter::nestedValuesAndRawSplice()
{
    JsonObject inner;
    inner.insert(QStringLiteral("y"), JsonValue(2));
    inner.insert(QStringLiteral("x"), JsonValue(JsonArray{JsonValue(), JsonValue(false)}));
    JsonWriter writer;
    writer.beginObject()
        .key(u"msg")
        .rawJson(R"({"a":1})")
        .key(u"data")
        .value(JsonValue(inner))
        .key(u"empty")
        .beginObject()
        .endObject()
        .key(u"none")
        .beginArray()
        .endArray()
        .endObject();
    QCOMPARE(writer.take(),
             QByteArray(R"({"msg":{"a":1},"data":{"y":2,"x":[null,false]},"empty":{},"none":[]})"));
}

void TestJsonWriter::qjsonValueIsAccepted()
{
    QJsonObject object;
    object.insert(QStringLiteral("b"), 1.5);
    object.insert(QStringLiteral("a"), QJsonArray{QStringLiteral("s"), 3});
    JsonWriter writer;
    writer.value(QJsonValue(object));
    // QJsonObject hands its keys over sorted.
    QCOMPARE(writer.take(), QByteArray(R"({"a":["s",3],"b":1.5})"));
}

void TestJsonWriter::objectUsesJsPropertyOrder()
{
    JsonObject object;
    object.insert(QStringLiteral("b"), JsonValue(1));
    object.insert(QStringLiteral("2"), JsonValue(2));
    object.insert(QStringLiteral("a"), JsonValue(3));
    object.insert(QStringLiteral("1"), JsonValue(4));
    object.insert(QStringLiteral("01"), JsonValue(5));
    object.insert(QStringLiteral("b"), JsonValue(6)); // re-set keeps its place
    QCOMPARE(object.keys(),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("b"),
                          QStringLiteral("a"), QStringLiteral("01")}));
    QCOMPARE(toJsonText(JsonValue(object)), QByteArray(R"({"1":4,"2":2,"b":6,"a":3,"01":5})"));
    QVERIFY(object.remove(u"a"));
    QVERIFY(!object.remove(u"a"));
    QCOMPARE(object.size(), 4);
}

void TestJsonWriter::arrayIndexDetection_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("index");
    QTest::newRow("0") << QStringLiteral("0") << true;
    QTest::newRow("42") << QStringLiteral("42") << true;
    QTest::newRow("max index") << QStringLiteral("4294967294") << true;
    QTest::newRow("2^32-1 is not") << QStringLiteral("4294967295") << false;
    QTest::newRow("leading zero") << QStringLiteral("007") << false;
    QTest::newRow("negative") << QStringLiteral("-1") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("decimal") << QStringLiteral("1.0") << false;
}

void TestJsonWriter::arrayIndexDetection()
{
    QFETCH(QString, key);
    QFETCH(bool, index);
    QCOMPARE(isJsArrayIndex(key), index);
}

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
