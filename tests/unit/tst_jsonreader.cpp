#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

using namespace cotal::wire;

class TestJsonReader final : public QObject
{
    Q_OBJECT

private slots:
    void compactJsInputRoundTripsByteForByte_data();
    void compactJsInputRoundTripsByteForByte();
    void whitespaceIsNormalised();
    void rejectsInvalidJson_data();
    void rejectsInvalidJson();
    void duplicateKeysKeepFirstPositionLastValue();
    void duplicateKeysInLargeObjects();
    void arrayIndexKeysComeFirst();
    void leadingBomIsDropped();
    void invalidUtf8BecomesReplacementLikeTextDecoder_data();
    void invalidUtf8BecomesReplacementLikeTextDecoder();
    void escapedLoneSurrogateSurvives();
    void numberEdgeCases();
    void nestingIsLimited();
    void agreesWithQJsonDocumentOnValues();
};

void TestJsonReader::compactJsInputRoundTripsByteForByte_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("scalars") << QByteArray(R"([null,true,false,0,-1.5,"s"])");
    QTest::newRow("unsorted keys") << QByteArray(R"({"z":1,"a":{"y":[],"b":{}}})");
    QTest::newRow("fixture data part") << QByteArray(
        R"({"build":1234,"ok":false,"failed":["lint","unit"],"durationMs":81234.5,"runner":null})");
    QTest::newRow("escapes") << QByteArray(R"(["a\"b\\c\n\u0001\ud800"])");
    QTest::newRow("non-ASCII") << QByteArray("[\"Hello team \xe2\x80\x94 \xe2\x9c\x93\"]");
    QTest::newRow("exponent") << QByteArray("[1e+21,1e-7,5e-324]");
}

void TestJsonReader::compactJsInputRoundTripsByteForByte()
{
    QFETCH(QByteArray, json);
    const Result<JsonValue> parsed = parseJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(toJsonText(parsed.value()), json);
}

void TestJsonReader::whitespaceIsNormalised()
{
    const Result<JsonValue> parsed = parseJson(" \t\r\n{ \"a\" : [ 1 , 2.50 , \"\\/\" ] }\n ");
    QVERIFY(parsed.ok());
    QCOMPARE(toJsonText(parsed.value()), QByteArray(R"({"a":[1,2.5,"/"]})"));
}

void TestJsonReader::rejectsInvalidJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only spaces") << QByteArray("   ");
    QTest::newRow("trailing garbage") << QByteArray("{} x");
    QTest::newRow("two values") << QByteArray("1 2");
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})");
    QTest::newRow("trailing comma array") << QByteArray("[1,]");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("unquoted key") << QByteArray("{a:1}");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("plus sign") << QByteArray("+1");
    QTest::newRow("bare minus") << QByteArray("-");
    QTest::newRow("dot first") << QByteArray(".5");
    QTest::newRow("dot last") << QByteArray("1.");
    QTest::newRow("empty exponent") << QByteArray("1e");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("Infinity") << QByteArray("Infinity");
    QTest::newRow("hex") << QByteArray("0x10");
    QTest::newRow("raw newline in string") << QByteArray("\"a\nb\"");
    QTest::newRow("bad escape") << QByteArray(R"("\x41")");
    QTest::newRow("short unicode escape") << QByteArray(R"("\u12")");
    QTest::newRow("unterminated string") << QByteArray(R"("abc)");
    QTest::newRow("unterminated object") << QByteArray(R"({"a":1)");
    QTest::newRow("TRUE") << QByteArray("TRUE");
    QTest::newRow("comment") << QByteArray("[1/*x*/]");
    QTest::newRow("non-JSON whitespace") << QByteArray("\x0b[]");
    QTest::newRow("overflow") << QByteArray("1e400");
}

void TestJsonReader::rejectsInvalidJson()
{
    QFETCH(QByteArray, json);
    const Result<JsonValue> parsed = parseJson(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, WireErrorCode::MalformedJson);
    QCOMPARE(parsed.error().reasonToken(), QStringLiteral("malformed-json"));
}

void TestJsonReader::duplicateKeysKeepFirstPositionLastValue()
{
    const Result<JsonValue> parsed = parseJson(R"({"a":1,"b":2,"a":3})");
    QVERIFY(parsed.ok());
    QCOMPARE(toJsonText(parsed.value()), QByteArray(R"({"a":3,"b":2})"));
}

// Objects of more than 16 members find repeated keys by hashing instead of scanning.
void TestJsonReader::duplicateKeysInLargeObjects()
{
    QByteArray input = "{";
    QByteArray expected = R"({"7":true,)";
    for (int i = 0; i < 20; ++i) {
        const QByteArray member = "\"k" + QByteArray::number(i) + "\":";
        input += member + QByteArray::number(i) + ',';
        expected += member + (i == 3 ? QByteArray(R"("x")") : QByteArray::number(i)) +
                    (i == 19 ? "}" : ",");
    }
    input += R"("k3":"y","7":true,"k3":"x"})";
    const Result<JsonValue> parsed = parseJson(input);
    QVERIFY(parsed.ok());
    QCOMPARE(toJsonText(parsed.value()), expected);
}

void TestJsonReader::arrayIndexKeysComeFirst()
{
    const Result<JsonValue> parsed = parseJson(R"({"b":1,"10":2,"a":3,"2":4,"-1":5})");
    QVERIFY(parsed.ok());
    QCOMPARE(toJsonText(parsed.value()), QByteArray(R"({"2":4,"10":2,"b":1,"a":3,"-1":5})"));
}

void TestJsonReader::leadingBomIsDropped()
{
    const Result<JsonValue> parsed = parseJson("\xef\xbb\xbf{\"a\":1}");
    QVERIFY(parsed.ok());
    QCOMPARE(toJsonText(parsed.value()), QByteArray(R"({"a":1})"));
    // Only a leading BOM: anywhere else U+FEFF is not JSON whitespace.
    QVERIFY(!parseJson("{\"a\":1}\xef\xbb\xbf").ok());
}

void TestJsonReader::invalidUtf8BecomesReplacementLikeTextDecoder_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("decoded");
    const QChar fffd(0xFFFD);
    QTest::newRow("lone continuation") << QByteArray("a\x80z") << QStringLiteral("a") + fffd + u'z';
    QTest::newRow("truncated 4-byte") << QByteArray("\xf0\x9f\x98z") << QString(fffd) + u'z';
    QTest::newRow("bad second byte") << QByteArray("\xc3(") << QString(fffd) + u'(';
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QString(fffd) + fffd;
    QTest::newRow("surrogate encoded") << QByteArray("\xed\xa0\x80") << QString(fffd) + fffd + fffd;
    QTest::newRow("truncated at end") << QByteArray("x\xe2\x82") << QStringLiteral("x") + fffd;
    QTest::newRow("valid astral") << QByteArray("\xf0\x9f\x98\x80")
                                  << QString::fromUtf8("\xf0\x9f\x98\x80");
}

void TestJsonReader::invalidUtf8BecomesReplacementLikeTextDecoder()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, decoded);
    QCOMPARE(decodeUtf8LikeTextDecoder(bytes), decoded);
    const Result<JsonValue> parsed = parseJson('"' + bytes + '"');
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->toString(), decoded);
}

void TestJsonReader::escapedLoneSurrogateSurvives()
{
    const Result<JsonValue> parsed = parseJson(R"("\udc00\uD83D\uDE00")");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->toString().size(), 3);
    QCOMPARE(parsed->toString().at(0).unicode(), char16_t(0xDC00));
    // The valid pair becomes raw UTF-8, the lone half stays escaped.
    QCOMPARE(toJsonText(parsed.value()), QByteArray("\"\\udc00\xf0\x9f\x98\x80\""));
}

void TestJsonReader::numberEdgeCases()
{
    const Result<JsonValue> underflow = parseJson("[1e-400,-1e-400,-0,9007199254740993]");
    QVERIFY(underflow.ok());
    const JsonArray &items = underflow->toArray();
    QCOMPARE(items.at(0).toDouble(), 0.0);
    QVERIFY(std::signbit(items.at(1).toDouble()));
    QVERIFY(std::signbit(items.at(2).toDouble()));
    QCOMPARE(items.at(3).toDouble(), 9007199254740992.0); // rounded like JS
    QCOMPARE(toJsonText(underflow.value()), QByteArray("[0,0,0,9007199254740992]"));
    QVERIFY(parseJson("1.7976931348623157e308").ok());
    QVERIFY(!parseJson("-1e999999999999999999").ok());
    QVERIFY(parseJson("0e999999999999999999").ok());
}

void TestJsonReader::nestingIsLimited()
{
    const QByteArray ok = QByteArray(kMaxJsonDepth, '[') + QByteArray(kMaxJsonDepth, ']');
    QVERIFY(parseJson(ok).ok());
    const QByteArray deep = QByteArray(kMaxJsonDepth + 1, '[') + QByteArray(kMaxJsonDepth + 1, ']');
    const Result<JsonValue> parsed = parseJson(deep);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, WireErrorCode::MalformedJson);
}

void TestJsonReader::agreesWithQJsonDocumentOnValues()
{
    const QByteArray json =
        R"({"a":[1,2.5,{"c":null,"b":"x\u00e9"}],"t":true,"n":-3e2,"s":"\ud83d\ude00"})";
    const Result<JsonValue> parsed = parseJson(json);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->toQJsonValue().toObject(), QJsonDocument::fromJson(json).object());
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
