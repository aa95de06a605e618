#include "core/wire/joinlink.h"

#include <QtTest>

using namespace cotal::wire;

Q_DECLARE_METATYPE(std::optional<QStringList>)

namespace {

std::optional<QStringList> channels(std::initializer_list<QString> names)
{
    return QStringList(names);
}

} // namespace

class TestJoinLink : public QObject
{
    Q_OBJECT

private slots:
    void parseVectors_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("servers");
        QTest::addColumn<QString>("space");
        QTest::addColumn<std::optional<QStringList>>("channels");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<JoinAuth>("auth");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        const std::optional<QStringList> none;
        // wire.md §11 vectors.
        QTest::newRow("bare") << "cotal://localhost/main"
                              << "nats://localhost:4222"
                              << "main" << none << false << JoinAuth::None << ""
                              << ""
                              << "";
        QTest::newRow("tls token channels")
            << "cotals://tok@host.example:4443/main?channel=a,b"
            << "nats://host.example:4443"
            << "main" << channels({"a", "b"}) << true << JoinAuth::Token << "tok"
            << ""
            << "";
        QTest::newRow("user password, channels trimmed")
            << "cotal://user:p%40ss@h/sp?channels=x, y ,,z"
            << "nats://h:4222"
            << "sp" << channels({"x", "y", "z"}) << false << JoinAuth::UserPassword << ""
            << "user"
            << "p@ss";
        QTest::newRow("decoded space, extra path ignored")
            << "cotal://h:5000/my%20space/extra"
            << "nats://h:5000"
            << "my space" << none << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("channels wins over channel")
            << "cotal://tok@h/main?channel=a&channels=b"
            << "nats://h:4222"
            << "main" << channels({"b"}) << false << JoinAuth::Token << "tok"
            << ""
            << "";
        QTest::newRow("empty password is a token")
            << "cotal://user:@h/main"
            << "nats://h:4222"
            << "main" << none << false << JoinAuth::Token << "user"
            << ""
            << "";
        QTest::newRow("ipv6 literal") << "cotal://[::1]:4222/main"
                                      << "nats://[::1]:4222"
                                      << "main" << none << false << JoinAuth::None << ""
                                      << ""
                                      << "";
        // Edges, checked against WHATWG URL semantics.
        QTest::newRow("empty channels param, no list")
            << "cotal://h/main?channel="
            << "nats://h:4222"
            << "main" << none << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("empty channels param still wins")
            << "cotal://h/main?channels=&channel=a"
            << "nats://h:4222"
            << "main" << none << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("only commas give an empty list")
            << "cotal://h/main?channel=,,"
            << "nats://h:4222"
            << "main" << channels({}) << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("first of repeated params")
            << "cotal://h/main?channel=a&channel=b"
            << "nats://h:4222"
            << "main" << channels({"a"}) << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("plus is a space in the query")
            << "cotal://h/main?channel=a+b,c%2Bd"
            << "nats://h:4222"
            << "main" << channels({"a b", "c+d"}) << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("encoded comma splits after decoding")
            << "cotal://h/main?channel=a%2Cb"
            << "nats://h:4222"
            << "main" << channels({"a", "b"}) << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("unicode space and channel")
            << "cotal://h/%E6%97%A5?channel=%C3%A9"
            << "nats://h:4222"
            << "日" << channels({"é"}) << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("fragment ignored") << "cotal://h/main#channel=a"
                                          << "nats://h:4222"
                                          << "main" << none << false << JoinAuth::None << ""
                                          << ""
                                          << "";
        QTest::newRow("host lowercased") << "cotal://Host.EXAMPLE/main"
                                         << "nats://host.example:4222"
                                         << "main" << none << false << JoinAuth::None << ""
                                         << ""
                                         << "";
        QTest::newRow("leading slashes stripped") << "cotal://h//main"
                                                  << "nats://h:4222"
                                                  << "main" << none << false << JoinAuth::None << ""
                                                  << ""
                                                  << "";
        QTest::newRow("encoded slash stays in the space")
            << "cotal://h/a%2Fb/c"
            << "nats://h:4222"
            << "a/b" << none << false << JoinAuth::None << ""
            << ""
            << "";
        QTest::newRow("encoded token") << "cotal://t%2Fk%3D@h/main"
                                       << "nats://h:4222"
                                       << "main" << none << false << JoinAuth::Token << "t/k="
                                       << ""
                                       << "";
        QTest::newRow("second at-sign belongs to the userinfo")
            << "cotal://a@b@h/main"
            << "nats://h:4222"
            << "main" << none << false << JoinAuth::Token << "a@b"
            << ""
            << "";
        QTest::newRow("ipv6 without port") << "cotals://[::1]/main"
                                           << "nats://[::1]:4222"
                                           << "main" << none << true << JoinAuth::None << ""
                                           << ""
                                           << "";
    }

    void parseVectors()
    {
        QFETCH(QString, link);
        QFETCH(QString, servers);
        QFETCH(QString, space);
        QFETCH(std::optional<QStringList>, channels);
        QFETCH(bool, tls);
        QFETCH(JoinAuth, auth);
        QFETCH(QString, token);
        QFETCH(QString, user);
        QFETCH(QString, password);
        const Result<JoinLink> parsed = parseJoinLink(link);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(parsed->servers, servers);
        QCOMPARE(parsed->space, space);
        QCOMPARE(parsed->channels.has_value(), channels.has_value());
        if (channels)
            QCOMPARE(*parsed->channels, *channels);
        QCOMPARE(parsed->tls, tls);
        QCOMPARE(parsed->auth, auth);
        QCOMPARE(parsed->token, token);
        QCOMPARE(parsed->user, user);
        QCOMPARE(parsed->password, password);
    }

    void hostAndPortAreExposed()
    {
        const Result<JoinLink> parsed = parseJoinLink(QStringLiteral("cotal://[::1]:4333/main"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->host, QStringLiteral("[::1]"));
        QCOMPARE(parsed->port, 4333);
    }

    // Deliberately replicates the reference: the WHATWG re-parse drops a port equal to the
    // http/https default, so these links fall back to 4222.
    void defaultPortQuirkIsReplicated_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("servers");
        QTest::newRow("cotal on 80 becomes 4222") << "cotal://h:80/x"
                                                  << "nats://h:4222";
        QTest::newRow("cotals on 443 becomes 4222") << "cotals://h:443/x"
                                                    << "nats://h:4222";
        QTest::newRow("cotals on 80 keeps 80") << "cotals://h:80/x"
                                               << "nats://h:80";
        QTest::newRow("cotal on 443 keeps 443") << "cotal://h:443/x"
                                                << "nats://h:443";
        QTest::newRow("leading zeros are still the default") << "cotal://h:0080/x"
                                                             << "nats://h:4222";
        QTest::newRow("empty port") << "cotal://h:/x"
                                    << "nats://h:4222";
    }

    void defaultPortQuirkIsReplicated()
    {
        QFETCH(QString, link);
        QFETCH(QString, servers);
        const Result<JoinLink> parsed = parseJoinLink(link);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->servers, servers);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("why");
        QTest::newRow("no space") << "cotal://h/"
                                  << "no space";
        QTest::newRow("no path") << "cotal://h"
                                 << "no space";
        QTest::newRow("only slashes") << "cotal://h///"
                                      << "no space";
        QTest::newRow("http scheme") << "http://h/main"
                                     << "not a Cotal link";
        QTest::newRow("scheme is case-sensitive") << "COTAL://h/main"
                                                  << "not a Cotal link";
        QTest::newRow("single slash") << "cotal:/h/main"
                                      << "not a Cotal link";
        QTest::newRow("leading space") << " cotal://h/main"
                                       << "not a Cotal link";
        QTest::newRow("empty") << ""
                               << "not a Cotal link";
        QTest::newRow("no host") << "cotal:///main"
                                 << "host";
        QTest::newRow("only a scheme") << "cotal://"
                                       << "host";
        QTest::newRow("port without host") << "cotal://:4222/main"
                                           << "host";
        QTest::newRow("port out of range") << "cotal://h:99999/main"
                                           << "malformed";
        QTest::newRow("port not a number") << "cotal://h:abc/main"
                                           << "malformed";
        QTest::newRow("unclosed ipv6") << "cotal://[::1/main"
                                       << "malformed";
        QTest::newRow("bad escape in space") << "cotal://h/100%/x"
                                             << "percent";
        QTest::newRow("bad escape in token") << "cotal://t%zz@h/main"
                                             << "percent";
        QTest::newRow("invalid utf-8 in space") << "cotal://h/%C3"
                                                << "UTF-8";
        QTest::newRow("password without user") << "cotal://:pw@h/main"
                                               << "no user name";
    }

    void rejected()
    {
        QFETCH(QString, link);
        QFETCH(QString, why);
        const Result<JoinLink> parsed = parseJoinLink(link);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, WireErrorCode::InvalidJoinLink);
        QVERIFY2(parsed.error().detail.contains(why), qPrintable(parsed.error().detail));
    }

    void badEscapeOutsideTheFirstSegmentIsTolerated()
    {
        // The reference decodes only the first path segment and reads the query leniently.
        const Result<JoinLink> parsed =
            parseJoinLink(QStringLiteral("cotal://h/main/100%?channel=a%zz"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->space, QStringLiteral("main"));
        QCOMPARE(*parsed->channels, QStringList{QStringLiteral("a%zz")});
    }

    void errorsNeverRepeatCredentials()
    {
        const QString secret = QStringLiteral("s3cr3t-token");
        const QStringList links = {
            QStringLiteral("cotal://") + secret + QStringLiteral("@h/"),
            QStringLiteral("cotal://user:") + secret + QStringLiteral("@h:99999/main"),
            QStringLiteral("cotal://") + secret + QStringLiteral("@[::1/main"),
        };
        for (const QString &link : links) {
            const Result<JoinLink> parsed = parseJoinLink(link);
            QVERIFY(!parsed.ok());
            QVERIFY(!parsed.error().detail.contains(secret));
        }
    }

    void format_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("space");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QStringList>("channels");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare") << "localhost" << 0 << "main"
                              << "" << false << QStringList() << "cotal://localhost/main";
        QTest::newRow("everything") << "host.example" << 4443 << "main"
                                    << "tok" << true << QStringList{"a", "b"}
                                    << "cotals://tok@host.example:4443/main?channel=a,b";
        QTest::newRow("space and token encoded")
            << "h" << 4222 << "my space"
            << "t/k=@" << false << QStringList() << "cotal://t%2Fk%3D%40@h:4222/my%20space";
        QTest::newRow("encodeURIComponent keeps its marks")
            << "h" << 0 << "a-b_c.d!e~f*g'h(i)"
            << "" << false << QStringList() << "cotal://h/a-b_c.d!e~f*g'h(i)";
        QTest::newRow("non-ascii space") << "h" << 0 << "日"
                                         << "" << false << QStringList() << "cotal://h/%E6%97%A5";
        QTest::newRow("channels joined unencoded")
            << "h" << 0 << "s"
            << "" << false << QStringList{"team.>", "a b"} << "cotal://h/s?channel=team.>,a b";
        QTest::newRow("bare ipv6 is bracketed")
            << "::1" << 4222 << "main"
            << "" << false << QStringList() << "cotal://[::1]:4222/main";
        QTest::newRow("bracketed ipv6 kept")
            << "[::1]" << 0 << "main"
            << "" << false << QStringList() << "cotal://[::1]/main";
    }

    void format()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, space);
        QFETCH(QString, token);
        QFETCH(bool, tls);
        QFETCH(QStringList, channels);
        QFETCH(QString, expected);
        const JoinLinkParts parts{host, port, space, token, tls, channels};
        QCOMPARE(formatJoinLink(parts), expected);
    }

    void formatThenParseRoundTrips()
    {
        const JoinLinkParts parts{QStringLiteral("nats.example"),
                                  7422,
                                  QStringLiteral("my space/é"),
                                  QStringLiteral("to ken@x"),
                                  true,
                                  QStringList{QStringLiteral("general"), QStringLiteral("team.>")}};
        const Result<JoinLink> parsed = parseJoinLink(formatJoinLink(parts));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->servers, QStringLiteral("nats://nats.example:7422"));
        QCOMPARE(parsed->space, parts.space);
        QCOMPARE(parsed->auth, JoinAuth::Token);
        QCOMPARE(parsed->token, parts.token);
        QVERIFY(parsed->tls);
        QCOMPARE(*parsed->channels, parts.channels);
    }

    void credsFileExcludesLinkCredentials()
    {
        const JoinLink plain = parseJoinLink(QStringLiteral("cotal://h/main")).value();
        QVERIFY(!credsFileConflict(plain).has_value());
        const JoinLink withToken = parseJoinLink(QStringLiteral("cotal://tok@h/main")).value();
        const std::optional<WireError> tokenConflict = credsFileConflict(withToken);
        QVERIFY(tokenConflict.has_value());
        QCOMPARE(tokenConflict->code, WireErrorCode::InvalidJoinLink);
        const JoinLink withUser = parseJoinLink(QStringLiteral("cotal://u:p@h/main")).value();
        QVERIFY(credsFileConflict(withUser).has_value());
    }
};

QTEST_GUILESS_MAIN(TestJoinLink)
#include "tst_joinlink.moc"
