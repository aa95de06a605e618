#include "core/wire/channels.h"

#include <QtTest>

using namespace cotal::wire;

namespace {

const QString A = QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD");

QStringList list(const char *commaSeparated)
{
    return QString::fromUtf8(commaSeparated).split(u',', Qt::SkipEmptyParts);
}

} // namespace

class TestChannels : public QObject
{
    Q_OBJECT

private slots:
    void isConcreteChannel_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<bool>("concrete");
        QTest::newRow("dotted") << "team.backend" << true;
        QTest::newRow("subtree") << "team.>" << false;
        QTest::newRow("inner star") << "a.*.c" << false;
        QTest::newRow("star") << "*" << false;
        QTest::newRow("padded star is trimmed") << " * " << false;
        QTest::newRow("padded gt is trimmed") << "team. > " << false;
        QTest::newRow("star inside a segment") << "a*b" << true;
        QTest::newRow("gt inside a segment") << "team.>x" << true;
        QTest::newRow("empty is not a wildcard") << "" << true;
    }

    void isConcreteChannel()
    {
        QFETCH(QString, channel);
        QFETCH(bool, concrete);
        QCOMPARE(cotal::wire::isConcreteChannel(channel), concrete);
    }

    void validChannels_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::newRow("dotted") << "team.backend";
        QTest::newRow("subtree") << "team.>";
        QTest::newRow("star") << "*";
        QTest::newRow("inner star") << "a.*.c";
        QTest::newRow("gt") << ">";
        QTest::newRow("dash underscore digits") << "foo-bar_1.x2";
    }

    void validChannels()
    {
        QFETCH(QString, channel);
        const Result<QString> result = validateChannel(channel);
        QVERIFY(result.ok());
        QCOMPARE(result.value(), channel);
    }

    void invalidChannels_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("why");
        QTest::newRow("gt not last") << "a.>.b"
                                     << "last segment";
        QTest::newRow("gt first of two") << ">.a"
                                         << "last segment";
        QTest::newRow("empty") << ""
                               << "empty segment";
        QTest::newRow("leading dot") << ".a"
                                     << "empty segment";
        QTest::newRow("trailing dot") << "a."
                                      << "empty segment";
        QTest::newRow("double dot") << "a..b"
                                    << "empty segment";
        QTest::newRow("slash") << "foo/bar"
                               << "foo/bar";
        QTest::newRow("inner space") << "a b"
                                     << "a b";
        QTest::newRow("non-ascii") << "é"
                                   << "[A-Za-z0-9_-]";
        QTest::newRow("gt glued to text") << "team.>x"
                                          << ">x";
        QTest::newRow("star glued to text") << "*x"
                                            << "*x";
        QTest::newRow("padding is not trimmed") << " team"
                                                << " team";
        QTest::newRow("padded star") << " * "
                                     << "[A-Za-z0-9_-]";
    }

    void invalidChannels()
    {
        QFETCH(QString, channel);
        QFETCH(QString, why);
        const Result<QString> result = validateChannel(channel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, WireErrorCode::InvalidChannel);
        QCOMPARE(result.error().reasonToken(), QStringLiteral("invalid-channel"));
        QVERIFY2(result.error().detail.contains(why), qPrintable(result.error().detail));
    }

    void validateConcreteChannelRefusesWildcards()
    {
        QVERIFY(validateConcreteChannel(QStringLiteral("team.backend")).ok());
        const Result<QString> wildcard = validateConcreteChannel(QStringLiteral("team.>"));
        QVERIFY(!wildcard.ok());
        QVERIFY(wildcard.error().detail.contains(QStringLiteral("concrete")));
        QVERIFY(!validateConcreteChannel(QStringLiteral("a..b")).ok());
    }

    void subjectMatches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("match");
        QTest::newRow("subtree does not match its root") << "a.>"
                                                         << "a" << false;
        QTest::newRow("subtree one deeper") << "a.>"
                                            << "a.b" << true;
        QTest::newRow("subtree two deeper") << "a.>"
                                            << "a.b.c" << true;
        QTest::newRow("star needs a token") << "a.*"
                                            << "a" << false;
        QTest::newRow("star one token") << "a.*"
                                        << "a.b" << true;
        QTest::newRow("star exactly one token") << "a.*"
                                                << "a.b.c" << false;
        QTest::newRow("bare star") << "*"
                                   << "a" << true;
        QTest::newRow("bare gt one") << ">"
                                     << "a" << true;
        QTest::newRow("bare gt two") << ">"
                                     << "a.b" << true;
        QTest::newRow("literal vs longer") << "a"
                                           << "a.b" << false;
        QTest::newRow("no prefix match") << "review"
                                         << "review.x" << false;
        QTest::newRow("inner star") << "a.*.c"
                                    << "a.b.c" << true;
        QTest::newRow("case-sensitive") << "Team"
                                        << "team" << false;
        QTest::newRow("literal equal") << "team.backend"
                                       << "team.backend" << true;
        QTest::newRow("longer pattern") << "a.b.c"
                                        << "a.b" << false;
        QTest::newRow("full subject") << "cotal.main.chat.*.team.>"
                                      << "cotal.main.chat." + A + ".team.backend" << true;
        QTest::newRow("star matches empty token") << "a.*"
                                                  << "a." << true;
    }

    void subjectMatches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, subject);
        QFETCH(bool, match);
        QCOMPARE(cotal::wire::subjectMatches(pattern, subject), match);
    }

    void channelInAllow_data()
    {
        QTest::addColumn<QStringList>("allow");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<bool>("covered");
        QTest::newRow("subtree excludes root") << list("team.>") << "team" << false;
        QTest::newRow("subtree covers child") << list("team.>") << "team.backend" << true;
        QTest::newRow("root and subtree") << list("team,team.>") << "team" << true;
        QTest::newRow("everything") << list(">") << "anything.deep" << true;
        QTest::newRow("star is one level") << list("*") << "a.b" << false;
        QTest::newRow("empty list") << QStringList() << "general" << false;
        QTest::newRow("second entry") << list("general,random") << "random" << true;
        QTest::newRow("wildcard join target under the same pattern")
            << list("team.>") << "team.>" << true;
    }

    void channelInAllow()
    {
        QFETCH(QStringList, allow);
        QFETCH(QString, channel);
        QFETCH(bool, covered);
        QCOMPARE(cotal::wire::channelInAllow(allow, channel), covered);
    }

    void channelInAllowReadsAJoinPatternLiterally()
    {
        // The single ACL rule compares the join target as a subject: under [team.*] a join of
        // `team.>` is reported covered (`*` matches the literal `>` token). The broker grant
        // (`chat.*.team.*`) still refuses that subscription, so this is only a pre-check.
        QVERIFY(cotal::wire::channelInAllow(list("team.*"), QStringLiteral("team.>")));
    }

    void patternCovers_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("covers");
        QTest::newRow("subtree covers star child") << "a.>"
                                                   << "a.*" << true;
        QTest::newRow("star child does not cover subtree") << "a.*"
                                                           << "a.>" << false;
        QTest::newRow("gt covers star") << ">"
                                        << "*" << true;
        QTest::newRow("star does not cover gt") << "*"
                                                << ">" << false;
        QTest::newRow("subtree does not cover root") << "a.>"
                                                     << "a" << false;
        QTest::newRow("literal") << "a.b"
                                 << "a.b" << true;
        QTest::newRow("star covers literal") << "a.*"
                                             << "a.b" << true;
        QTest::newRow("literal does not cover star") << "a.b"
                                                     << "a.*" << false;
        QTest::newRow("deeper subtree") << "a.>"
                                        << "a.b.>" << true;
    }

    void patternCovers()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, covers);
        QCOMPARE(cotal::wire::patternCovers(outer, inner), covers);
    }

    void collapseFilterSubjects_data()
    {
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("spec vector")
            << list("team.>,team.backend,review,review.>,review") << list("team.>,review,review.>");
        QTest::newRow("empty") << QStringList() << QStringList();
        QTest::newRow("duplicates only") << list("a,a,a") << list("a");
        QTest::newRow("order kept") << list("b,a,c") << list("b,a,c");
        QTest::newRow("everything wins") << list("a,b.c,>") << list(">");
        // Deliberate fix of the reference, which compares with subjectMatches and drops both.
        QTest::newRow("wildcard vs wildcard keeps the broader") << list("a.*,a.>") << list("a.>");
        QTest::newRow("star and gt keep gt") << list("*,>") << list(">");
    }

    void collapseFilterSubjects()
    {
        QFETCH(QStringList, input);
        QFETCH(QStringList, expected);
        QCOMPARE(cotal::wire::collapseFilterSubjects(input), expected);
    }

    void ownerTokens_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<bool>("valid");
        QTest::newRow("nkey") << A << true;
        QTest::newRow("uuid") << "0f8b2a3c-1111-4abc-8def-0123456789ab" << true;
        QTest::newRow("underscore") << "a_b" << true;
        QTest::newRow("dot") << "a.b" << false;
        QTest::newRow("star") << "*" << false;
        QTest::newRow("gt") << ">" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("non-ascii") << "é" << false;
    }

    void ownerTokens()
    {
        QFETCH(QString, owner);
        QFETCH(bool, valid);
        const Result<QString> result = validateOwnerToken(owner);
        QCOMPARE(result.ok(), valid);
        if (valid)
            QCOMPARE(result.value(), owner);
        else
            QCOMPARE(result.error().code, WireErrorCode::InvalidOwnerToken);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("why");
        QTest::newRow("plain") << "alice" << QString();
        QTest::newRow("internal spaces") << "code reviewer 2" << QString();
        QTest::newRow("unicode") << "Zoë 日本" << QString();
        QTest::newRow("dots and dashes") << "a.b-c_d" << QString();
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("leading space") << " alice"
                                       << "whitespace";
        QTest::newRow("trailing tab") << "alice\t"
                                      << "whitespace";
        QTest::newRow("trailing nbsp (js trim)") << "alice\u00a0"
                                                 << "whitespace";
        QTest::newRow("only spaces") << "   "
                                     << "whitespace";
        QTest::newRow("inner newline") << "a\nb"
                                       << "line break";
        QTest::newRow("inner carriage return") << "a\rb"
                                               << "line break";
        QTest::newRow("slash") << "team/alice"
                               << "'/'";
        QTest::newRow("backslash") << "a\\b"
                                   << "'\\'";
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, why);
        const Result<QString> result = validateName(name);
        QCOMPARE(result.ok(), why.isEmpty());
        if (why.isEmpty()) {
            QCOMPARE(result.value(), name);
        } else {
            QCOMPARE(result.error().code, WireErrorCode::InvalidName);
            QVERIFY2(result.error().detail.contains(why), qPrintable(result.error().detail));
        }
    }

    void memberKeyFormat()
    {
        const Result<QString> key = memberKey(QStringLiteral("team.backend"), A);
        QVERIFY(key.ok());
        QCOMPARE(key.value(), QStringLiteral("team.backend/") + A);
    }

    void memberKeyRefusesAliasingInput_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<WireErrorCode>("code");
        QTest::newRow("wildcard channel") << "team.>" << A << WireErrorCode::InvalidChannel;
        QTest::newRow("slash in channel") << "a/b" << A << WireErrorCode::InvalidChannel;
        QTest::newRow("empty channel") << "" << A << WireErrorCode::InvalidChannel;
        QTest::newRow("slash in owner") << "general"
                                        << "x/y" << WireErrorCode::InvalidOwnerToken;
        QTest::newRow("empty owner") << "general"
                                     << "" << WireErrorCode::InvalidOwnerToken;
        QTest::newRow("dotted owner") << "general"
                                      << "a.b" << WireErrorCode::InvalidOwnerToken;
    }

    void memberKeyRefusesAliasingInput()
    {
        QFETCH(QString, channel);
        QFETCH(QString, owner);
        QFETCH(WireErrorCode, code);
        const Result<QString> key = memberKey(channel, owner);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, code);
    }

    void parseMemberKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("owner");
        QTest::newRow("spec example") << "team.backend/" + A << true << "team.backend" << A;
        QTest::newRow("split at the first slash") << "a/b/c" << true << "a"
                                                  << "b/c";
        QTest::newRow("slash first") << "/" + A << false << QString() << QString();
        QTest::newRow("slash last") << "general/" << false << QString() << QString();
        QTest::newRow("no slash") << "general" << false << QString() << QString();
        QTest::newRow("empty") << "" << false << QString() << QString();
        QTest::newRow("reserved registry key") << "=defaults" << false << QString() << QString();
    }

    void parseMemberKey()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QFETCH(QString, channel);
        QFETCH(QString, owner);
        const std::optional<MemberKey> parsed = cotal::wire::parseMemberKey(key);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(parsed->channel, channel);
            QCOMPARE(parsed->owner, owner);
        }
    }

    void memberKeyRoundTrips()
    {
        const QString key = memberKey(QStringLiteral("general"), A).value();
        QCOMPARE(cotal::wire::parseMemberKey(key),
                 std::optional(MemberKey{QStringLiteral("general"), A}));
    }
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
