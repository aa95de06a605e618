#include "core/wire/subjects.h"

#include <QtTest>
#include <optional>

using namespace cotal::wire;

Q_DECLARE_METATYPE(std::optional<cotal::wire::ParsedSubject>)

namespace {

// The SPEC sample ids (wire.md notation).
const QString A = QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD");
const QString B = QStringLiteral("UDI36ZKVNUM5WMO4QQ6HDQU7F4OH2RCXOJRX6GAIOS5SKVNNSKCDNLJA");

QString withIds(QString text)
{
    // Vectors are written with the short names A/B as whole tokens; expand them.
    QStringList parts = text.split(u'.');
    for (QString &part : parts) {
        if (part == u"A")
            part = A;
        else if (part == u"B")
            part = B;
    }
    return parts.join(u'.');
}

ParsedSubject parsed(SubjectKind kind, const QString &sender, const QString &rest)
{
    return ParsedSubject{kind, sender, rest};
}

} // namespace

class TestSubjects : public QObject
{
    Q_OBJECT

private slots:
    void spacePrefixSanitisesTheSpace()
    {
        QCOMPARE(spacePrefix(QStringLiteral("main")), QStringLiteral("cotal.main"));
        QCOMPARE(spacePrefix(QStringLiteral("my space")), QStringLiteral("cotal.my_space"));
        QCOMPARE(spacePrefix(QStringLiteral("a.b")), QStringLiteral("cotal.a_b"));
        QCOMPARE(spacePrefix(QString()), QStringLiteral("cotal._"));
    }

    void chatSubject_data()
    {
        QTest::addColumn<QString>("space");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dotted channel")
            << "main" << A << "team.backend" << withIds("cotal.main.chat.A.team.backend");
        QTest::newRow("wildcard sender, subtree") << "main"
                                                  << "*"
                                                  << "team.>"
                                                  << "cotal.main.chat.*.team.>";
        QTest::newRow("star channel") << "main"
                                      << "*"
                                      << "*"
                                      << "cotal.main.chat.*.*";
        QTest::newRow("gt channel") << "main"
                                    << "*"
                                    << ">"
                                    << "cotal.main.chat.*.>";
        QTest::newRow("space sanitised")
            << "my space" << A << "general" << withIds("cotal.my_space.chat.A.general");
        QTest::newRow("segments trimmed")
            << "main" << A << " team . x " << withIds("cotal.main.chat.A.team.x");
        QTest::newRow("empty segment dropped")
            << "main" << A << "a..b" << withIds("cotal.main.chat.A.a.b");
        QTest::newRow("empty channel") << "main" << A << "" << withIds("cotal.main.chat.A._");
        QTest::newRow("only dots") << "main" << A << " . . " << withIds("cotal.main.chat.A._");
        QTest::newRow("slash sanitised")
            << "main" << A << "foo/bar" << withIds("cotal.main.chat.A.foo_bar");
        QTest::newRow("star inside segment")
            << "main" << A << "a*b.c" << withIds("cotal.main.chat.A.a_b.c");
        QTest::newRow("astral unit per half")
            << "main" << A << "x😀" << withIds("cotal.main.chat.A.x__");
        QTest::newRow("sender sanitised") << "main"
                                          << "node.7"
                                          << "general"
                                          << "cotal.main.chat.node_7.general";
        QTest::newRow("trimmed star sender is not a wildcard") << "main"
                                                               << " * "
                                                               << "general"
                                                               << "cotal.main.chat._.general";
    }

    void chatSubject()
    {
        QFETCH(QString, space);
        QFETCH(QString, sender);
        QFETCH(QString, channel);
        QFETCH(QString, expected);
        const Result<QString> subject = cotal::wire::chatSubject(space, sender, channel);
        QVERIFY(subject.ok());
        QCOMPARE(subject.value(), expected);
    }

    void chatSubjectRejectsInnerGreaterThan_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::newRow("middle") << "a.>.b";
        QTest::newRow("first of two") << ">.a";
        QTest::newRow("trimmed middle") << "a. > .b";
    }

    void chatSubjectRejectsInnerGreaterThan()
    {
        QFETCH(QString, channel);
        const Result<QString> subject =
            cotal::wire::chatSubject(QStringLiteral("main"), A, channel);
        QVERIFY(!subject.ok());
        QCOMPARE(subject.error().code, WireErrorCode::InvalidChannel);
        QVERIFY(subject.error().detail.contains(QStringLiteral("last segment")));
    }

    void channelPathKeepsTrailingGreaterThanAfterEmptySegments()
    {
        // Empty segments are dropped before the "last segment" check, as in the reference.
        const Result<QString> path = channelPath(QStringLiteral("a.>.."));
        QVERIFY(path.ok());
        QCOMPARE(path.value(), QStringLiteral("a.>"));
    }

    void pointToPointBuilders_data()
    {
        QTest::addColumn<QString>("built");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unicast") << unicastSubject("main", B, A) << withIds("cotal.main.inst.B.A");
        QTest::newRow("unicast any target")
            << unicastSubject("main", "*", A) << withIds("cotal.main.inst.*.A");
        QTest::newRow("unicast any sender")
            << unicastSubject("main", A, "*") << withIds("cotal.main.inst.A.*");
        QTest::newRow("anycast") << anycastSubject("main", "reviewer", A)
                                 << withIds("cotal.main.svc.reviewer.A");
        QTest::newRow("anycast role sanitised") << anycastSubject("main", "code reviewer", A)
                                                << withIds("cotal.main.svc.code_reviewer.A");
        QTest::newRow("control") << controlSubject("main", "delivery", A)
                                 << withIds("cotal.main.ctl.delivery.A");
        QTest::newRow("control any sender")
            << controlSubject("main", "delivery", "*") << "cotal.main.ctl.delivery.*";
        QTest::newRow("dinbox") << dinboxSubject("main", A) << withIds("cotal.main.dinbox.A");
        QTest::newRow("dlv") << dlvSubject("main", A) << withIds("cotal.main.dlv.A");
        QTest::newRow("trace reserved")
            << traceSubject("main", "node.7") << "cotal.main.trace.node_7";
        QTest::newRow("control plane reserved")
            << controlPlaneSubject("main", "*") << "cotal.main.control._";
    }

    void pointToPointBuilders()
    {
        QFETCH(QString, built);
        QFETCH(QString, expected);
        QCOMPARE(built, expected);
    }

    void controlReplyIsBoundedUnderTheRequest()
    {
        const QString request =
            controlSubject(QStringLiteral("main"), QStringLiteral("delivery"), A);
        const QString reply = controlReplySubject(
            QStringLiteral("main"), QStringLiteral("delivery"), A, QStringLiteral("abc"));
        QCOMPARE(reply, withIds(QStringLiteral("cotal.main.ctl.delivery.A.reply.abc")));
        QVERIFY(isBoundReplyFor(request, reply));
        // The reply is exactly one token deeper than `.reply.` even for a hostile id.
        const QString dotted = controlReplySubject(
            QStringLiteral("main"), QStringLiteral("delivery"), A, QStringLiteral("x.y"));
        QVERIFY(dotted.endsWith(QStringLiteral(".reply.x_y")));
    }

    void newReplyIdIsAFreshUuidV4Token()
    {
        const QString first = newReplyId();
        const QString second = newReplyId();
        QVERIFY(first != second);
        static const QRegularExpression uuidV4(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY2(uuidV4.match(first).hasMatch(), qPrintable(first));
        QVERIFY(!first.contains(u'.'));
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("built");
        QTest::addColumn<QString>("expected");
        QTest::newRow("live channel") << channelSubscription("main", "team.backend").value()
                                      << "cotal.main.chat.*.team.backend";
        QTest::newRow("live channel subtree")
            << channelSubscription("main", "team.>").value() << "cotal.main.chat.*.team.>";
        QTest::newRow("dm inbox filter")
            << dmInboxFilter("main", A) << withIds("cotal.main.inst.A.*");
        QTest::newRow("dm send grant") << dmSendGrant("main", A) << withIds("cotal.main.inst.*.A");
        QTest::newRow("role queue filter")
            << roleQueueFilter("main", "reviewer") << "cotal.main.svc.reviewer.*";
        QTest::newRow("anycast send grant")
            << anycastSendGrant("main", A) << withIds("cotal.main.svc.*.A");
        QTest::newRow("control serve")
            << controlServeSubscription("main", "delivery") << "cotal.main.ctl.delivery.*";
        QTest::newRow("control reply subtree") << controlReplySubtree("main", "self", A)
                                               << withIds("cotal.main.ctl.self.A") + ".reply.>";
        QTest::newRow("observer tap") << observerTap("main") << "cotal.main.chat.>";
        QTest::newRow("admin tap") << adminTap("my space") << "cotal.my_space.>";
        QTest::newRow("fan-out filter") << fanoutFilter("main") << "cotal.main.chat.>";
        QTest::newRow("reader filter") << readerFilter("main") << "cotal.main.dinbox.>";
        QTest::newRow("dlv stream filter") << dlvStreamFilter("main") << "cotal.main.dlv.>";
    }

    void patterns()
    {
        QFETCH(QString, built);
        QFETCH(QString, expected);
        QCOMPARE(built, expected);
    }

    void channelSubscriptionRejectsInnerGreaterThan()
    {
        QVERIFY(!channelSubscription(QStringLiteral("main"), QStringLiteral(">.x")).ok());
    }

    void parseSubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<std::optional<ParsedSubject>>("expected");
        using P = std::optional<ParsedSubject>;
        // SPEC §12 vectors.
        QTest::newRow("chat") << withIds("cotal.main.chat.A.team.backend")
                              << P(parsed(SubjectKind::Chat, A, "team.backend"));
        QTest::newRow("inst") << withIds("cotal.main.inst.B.A")
                              << P(parsed(SubjectKind::Inst, A, B));
        QTest::newRow("svc") << withIds("cotal.main.svc.reviewer.A")
                             << P(parsed(SubjectKind::Svc, A, "reviewer"));
        QTest::newRow("ctl manager")
            << withIds("cotal.main.ctl.manager.A") << P(parsed(SubjectKind::Ctl, A, "manager"));
        QTest::newRow("chat too short") << withIds("cotal.main.chat.A") << P();
        // Computed from the reference code.
        QTest::newRow("ctl delivery")
            << withIds("cotal.main.ctl.delivery.A") << P(parsed(SubjectKind::Ctl, A, "delivery"));
        QTest::newRow("ctl reply is not a request")
            << withIds("cotal.main.ctl.delivery.A.reply.abc") << P();
        QTest::newRow("inst too short") << withIds("cotal.main.inst.B") << P();
        QTest::newRow("inst too long") << withIds("cotal.main.inst.A.B.C") << P();
        QTest::newRow("subscription pattern parses")
            << "cotal.main.chat.*.team.>" << P(parsed(SubjectKind::Chat, "*", "team.>"));
        QTest::newRow("trace") << withIds("cotal.main.trace.A") << P();
        QTest::newRow("dinbox") << withIds("cotal.main.dinbox.A") << P();
        QTest::newRow("dlv") << withIds("cotal.main.dlv.A") << P();
        QTest::newRow("foreign root") << "nats.main.chat.x.y" << P();
        QTest::newRow("root only") << "cotal" << P();
        QTest::newRow("empty") << "" << P();
        QTest::newRow("space not checked")
            << withIds("cotal.other.svc.r.A") << P(parsed(SubjectKind::Svc, A, "r"));
        // Edges.
        QTest::newRow("root and space only") << "cotal.main" << P();
        QTest::newRow("kind is case-sensitive") << withIds("cotal.main.CHAT.A.x") << P();
        QTest::newRow("root is case-sensitive") << withIds("Cotal.main.chat.A.x") << P();
        QTest::newRow("empty tokens are kept")
            << "cotal.main.chat.." << P(parsed(SubjectKind::Chat, "", ""));
        QTest::newRow("empty sender in inst")
            << "cotal.main.inst.B." << P(parsed(SubjectKind::Inst, "", "B"));
        QTest::newRow("deep channel")
            << withIds("cotal.main.chat.A.a.b.c.d") << P(parsed(SubjectKind::Chat, A, "a.b.c.d"));
    }

    void parseSubject()
    {
        QFETCH(QString, subject);
        QFETCH(std::optional<ParsedSubject>, expected);
        const std::optional<ParsedSubject> actual = cotal::wire::parseSubject(subject);
        QCOMPARE(actual.has_value(), expected.has_value());
        if (expected) {
            QCOMPARE(actual->kind, expected->kind);
            QCOMPARE(actual->sender, expected->sender);
            QCOMPARE(actual->rest, expected->rest);
        }
    }

    void parseRoundTripsEveryBuilder()
    {
        const auto chat =
            cotal::wire::chatSubject(QStringLiteral("main"), A, QStringLiteral("team.backend"));
        QCOMPARE(cotal::wire::parseSubject(chat.value()),
                 std::optional(parsed(SubjectKind::Chat, A, QStringLiteral("team.backend"))));
        QCOMPARE(cotal::wire::parseSubject(unicastSubject(QStringLiteral("main"), B, A)),
                 std::optional(parsed(SubjectKind::Inst, A, B)));
        QCOMPARE(cotal::wire::parseSubject(
                     anycastSubject(QStringLiteral("main"), QStringLiteral("reviewer"), A)),
                 std::optional(parsed(SubjectKind::Svc, A, QStringLiteral("reviewer"))));
        QCOMPARE(cotal::wire::parseSubject(
                     controlSubject(QStringLiteral("main"), QStringLiteral("self"), A)),
                 std::optional(parsed(SubjectKind::Ctl, A, QStringLiteral("self"))));
    }

    void deliveryKindOf()
    {
        QVERIFY(cotal::wire::deliveryKindOf(SubjectKind::Chat) == DeliveryKind::Channel);
        QVERIFY(cotal::wire::deliveryKindOf(SubjectKind::Inst) == DeliveryKind::Dm);
        QVERIFY(cotal::wire::deliveryKindOf(SubjectKind::Svc) == DeliveryKind::Anycast);
        QVERIFY(!cotal::wire::deliveryKindOf(SubjectKind::Ctl).has_value());
    }

    void parseOwner_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("dinboxOwner");
        QTest::addColumn<QString>("dlvOwner");
        // An empty expectation means "no owner".
        QTest::newRow("dinbox") << withIds("cotal.main.dinbox.A") << A << QString();
        QTest::newRow("dlv") << withIds("cotal.main.dlv.A") << QString() << A;
        QTest::newRow("dinbox too long")
            << withIds("cotal.main.dinbox.A.x") << QString() << QString();
        QTest::newRow("dlv too long") << withIds("cotal.main.dlv.A.x") << QString() << QString();
        QTest::newRow("too short") << "cotal.main.dinbox" << QString() << QString();
        QTest::newRow("foreign root") << withIds("nats.main.dinbox.A") << QString() << QString();
        QTest::newRow("other kind") << withIds("cotal.main.inst.A") << QString() << QString();
        QTest::newRow("wildcard filter") << "cotal.main.dinbox.>"
                                         << ">" << QString();
        QTest::newRow("empty owner is no owner") << "cotal.main.dlv." << QString() << QString();
    }

    void parseOwner()
    {
        QFETCH(QString, subject);
        QFETCH(QString, dinboxOwner);
        QFETCH(QString, dlvOwner);
        QCOMPARE(parseDinboxOwner(subject).value_or(QString()), dinboxOwner);
        QCOMPARE(parseDlvOwner(subject).value_or(QString()), dlvOwner);
    }

    void channelFromChatSubscription_data()
    {
        QTest::addColumn<QString>("space");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("channel");
        QTest::newRow("subtree") << "s"
                                 << "cotal.s.chat.*.team.>" << true << "team.>";
        QTest::newRow("concrete") << "s"
                                  << "cotal.s.chat.*.general" << true << "general";
        QTest::newRow("observer tap has no sender position")
            << "s"
            << "cotal.s.chat.>" << false << QString();
        QTest::newRow("admin tap") << "s"
                                   << "cotal.s.>" << false << QString();
        QTest::newRow("other space") << "s"
                                     << "cotal.t.chat.*.general" << false << QString();
        QTest::newRow("space is tokenised") << "my space"
                                            << "cotal.my_space.chat.*.x" << true << "x";
        QTest::newRow("not chat") << "s"
                                  << "cotal.s.inst.A.*" << false << QString();
    }

    void channelFromChatSubscription()
    {
        QFETCH(QString, space);
        QFETCH(QString, subject);
        QFETCH(bool, present);
        QFETCH(QString, channel);
        const std::optional<QString> actual =
            cotal::wire::channelFromChatSubscription(space, subject);
        QCOMPARE(actual.has_value(), present);
        if (present)
            QCOMPARE(*actual, channel);
    }

    void reservedPrefixes_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("reserved");
        QTest::newRow("js api") << "$JS.API.INFO" << true;
        QTest::newRow("kv") << "$KV.cotal_presence_main.A" << true;
        QTest::newRow("sys") << "$SYS.REQ.SERVER.PING" << true;
        QTest::newRow("obj") << "$OBJ.x" << true;
        QTest::newRow("default inbox") << "_INBOX.abc" << true;
        QTest::newRow("per-id inbox prefix is not reserved") << "_INBOX_UAQG.abc" << false;
        QTest::newRow("cotal subject") << "cotal.main.chat.A.x" << false;
        QTest::newRow("bare $JS without dot") << "$JSX.y" << false;
        QTest::newRow("case-sensitive") << "$js.API" << false;
    }

    void reservedPrefixes()
    {
        QFETCH(QString, subject);
        QFETCH(bool, reserved);
        QCOMPARE(hasReservedPrefix(subject), reserved);
    }

    void boundReplyGuard_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("bound");
        const QString request = withIds("cotal.main.ctl.delivery.A");
        QTest::newRow("bounded") << request << request + ".reply.0f8b" << true;
        QTest::newRow("inbox reply") << request << "_INBOX_A.xyz" << false;
        QTest::newRow("victim lane")
            << request << withIds("cotal.main.ctl.delivery.B.reply.x") << false;
        QTest::newRow("missing dot") << request << request + "reply.x" << false;
        QTest::newRow("prefix without reply") << request << request + ".x" << false;
        QTest::newRow("sibling sender sharing a prefix")
            << "cotal.main.ctl.delivery.A"
            << "cotal.main.ctl.delivery.AB.reply.x" << false;
        QTest::newRow("empty reply") << request << QString() << false;
    }

    void boundReplyGuard()
    {
        QFETCH(QString, request);
        QFETCH(QString, reply);
        QFETCH(bool, bound);
        QCOMPARE(isBoundReplyFor(request, reply), bound);
    }
};

QTEST_GUILESS_MAIN(TestSubjects)
#include "tst_subjects.moc"
