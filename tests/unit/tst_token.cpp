#include "core/wire/token.h"

#include <QtTest>

using namespace cotal::wire;

class TestToken : public QObject
{
    Q_OBJECT

private slots:
    void token_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("main") << QStringLiteral("main");
        QTest::newRow("inner space") << QStringLiteral("my space") << QStringLiteral("my_space");
        QTest::newRow("dot") << QStringLiteral("a.b") << QStringLiteral("a_b");
        QTest::newRow("trimmed") << QStringLiteral("  x ") << QStringLiteral("x");
        QTest::newRow("empty") << QString() << QStringLiteral("_");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("_");
        QTest::newRow("bmp non-ascii") << QStringLiteral("é") << QStringLiteral("_");
        QTest::newRow("two cjk units") << QStringLiteral("日本") << QStringLiteral("__");
        QTest::newRow("astral emoji is two units") << QStringLiteral("😀") << QStringLiteral("__");
        QTest::newRow("combining mark") << QStringLiteral("e\u0301") << QStringLiteral("e_");
        QTest::newRow("slash") << QStringLiteral("team/backend") << QStringLiteral("team_backend");
        QTest::newRow("star inside") << QStringLiteral("a*b") << QStringLiteral("a_b");
        QTest::newRow("gt") << QStringLiteral(">") << QStringLiteral("_");
        QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("_");
        QTest::newRow("dash underscore digits") << QStringLiteral("foo-bar_1")
                                                << QStringLiteral("foo-bar_1");
        QTest::newRow("dotted node") << QStringLiteral("node.7") << QStringLiteral("node_7");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a_b");
        QTest::newRow("js trim nbsp and bom") << QStringLiteral("\u00a0\ufeffx\u3000")
                                               << QStringLiteral("x");
    }

    void token()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(cotal::wire::token(input), expected);
    }

    void routeTokenKeepsLoneStar()
    {
        QCOMPARE(routeToken(QStringLiteral("*")), QStringLiteral("*"));
        QCOMPARE(routeToken(QStringLiteral(" * ")), QStringLiteral("_"));
        QCOMPARE(routeToken(QStringLiteral("code reviewer")), QStringLiteral("code_reviewer"));
    }

    void tokenStability()
    {
        QVERIFY(isTokenStable(QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD")));
        QVERIFY(isTokenStable(QStringLiteral("0f8b2a3c-1111-4abc-8def-0123456789ab")));
        QVERIFY(!isTokenStable(QStringLiteral("a.b")));
        QVERIFY(!isTokenStable(QString()));
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
