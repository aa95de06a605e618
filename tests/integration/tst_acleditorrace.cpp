// The ACL editor's compare-and-set path against a real nats-server: two editors (two consoles,
// two connections) racing on one owner, and an edit taking effect in the running delivery daemon.

#include "core/delivery/deliveryhost.h"
#include "core/space/aclregistry.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"
#include "ui/aclauditlog.h"
#include "ui/acleditcontroller.h"

#include <QRegularExpression>
#include <QtTest>
#include <algorithm>

using namespace cotal;
using cotal::testing::awaitResult;
using cotal::testing::DeliveryKit;
using cotal::testing::NatsServerProcess;
using Outcome = cotal::ui::AclCommitResult::Outcome;

namespace {

constexpr int kWaitMs = 90000;

QString newAgentId(const QString &name)
{
    return name + u'-' + testing::randomId().remove(u'-').left(12);
}

// One console's editor: its own connection, registry, audit log and controller.
struct Editor
{
    Editor(const QString &url, const QString &space)
        : kit(url, space)
    {}

    QString open()
    {
        const QString error = kit.open(false);
        if (!error.isEmpty())
            return error;
        const nats::KeyValue bucket(kit.jetStream(), wire::aclBucket(kit.space()));
        registry = std::make_unique<space::AclRegistry>(bucket);
        controller = std::make_unique<ui::AclEditController>(registry.get(), &audit);
        return {};
    }

    DeliveryKit kit;
    ui::AclAuditLog audit{QString()};
    std::unique_ptr<space::AclRegistry> registry;
    std::unique_ptr<ui::AclEditController> controller;
};

// "2026-11-27T12:55:00.123456789Z" → epoch ms (JetStream times carry nanoseconds).
qint64 jetStreamTimeMs(QString time)
{
    time.replace(QRegularExpression(QStringLiteral("(\\.\\d{3})\\d*")), QStringLiteral("\\1"));
    return QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class tst_AclEditorRace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoEditorsRaceAHundredRoundsWithoutLosingAnUpdate();
    void removingAChannelStopsItsDeliveryInTheDaemon();

private:
    QString newSpace() { return QStringLiteral("aclrace%1").arg(m_spaces++); }

    NatsServerProcess m_server;
    int m_spaces = 0;
};

void tst_AclEditorRace::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_AclEditorRace::twoEditorsRaceAHundredRoundsWithoutLosingAnUpdate()
{
    const QString space = newSpace();
    DeliveryKit admin(m_server.url(), space);
    QCOMPARE(admin.open(), QString());
    const QString bob = newAgentId(QStringLiteral("bob"));

    // Every value the key takes, in store order, as a third party sees it.
    QList<nats::KvEntry> seen;
    nats::KvWatcher watcher(admin.bucket(wire::aclBucket(space)), bob);
    connect(&watcher, &nats::KvWatcher::entries, this,
            [&seen](const QList<nats::KvEntry> &batch) { seen.append(batch); });
    QSignalSpy watching(&watcher, &nats::KvWatcher::initialValuesDone);
    watcher.start();
    QTRY_VERIFY_WITH_TIMEOUT(!watching.isEmpty(), kWaitMs);

    Editor first(m_server.url(), space);
    Editor second(m_server.url(), space);
    QCOMPARE(first.open(), QString());
    QCOMPARE(second.open(), QString());

    // The owner has no record yet: the first commit is a create.
    QVERIFY(awaitResult(first.controller->load(bob)));
    QVERIFY(!first.controller->hasRecord());
    first.controller->setDraft({QStringLiteral("general")});
    const auto created = awaitResult(first.controller->commit());
    QVERIFY(created);
    QCOMPARE(created->outcome, Outcome::Committed);
    QCOMPARE(created->entry->kind, ui::AclAuditEntry::Kind::Create);

    constexpr int kRounds = 100;
    int firstWins = 0;
    for (int round = 0; round < kRounds; ++round) {
        const auto a = awaitResult(first.controller->load(bob));
        const auto b = awaitResult(second.controller->load(bob));
        QVERIFY(a && a->ok() && b && b->ok());
        QCOMPARE(first.controller->baseRevision(), second.controller->baseRevision());
        first.controller->addPattern(QStringLiteral("a%1").arg(round));
        second.controller->addPattern(QStringLiteral("b%1").arg(round));

        const QFuture<ui::AclCommitResult> fa = first.controller->commit();
        const QFuture<ui::AclCommitResult> fb = second.controller->commit();
        const auto ra = awaitResult(fa);
        const auto rb = awaitResult(fb);
        QVERIFY(ra && rb);
        // Exactly one lands; the other sees a conflict and wrote nothing.
        QVERIFY2((ra->outcome == Outcome::Committed) != (rb->outcome == Outcome::Committed),
                 qPrintable(
                     QStringLiteral("round %1: %2 / %3").arg(round).arg(ra->message, rb->message)));
        Editor &loser = ra->outcome == Outcome::Committed ? second : first;
        firstWins += ra->outcome == Outcome::Committed ? 1 : 0;
        QCOMPARE((ra->outcome == Outcome::Committed ? rb : ra)->outcome, Outcome::Conflict);
        QVERIFY(loser.controller->conflict());

        // The loser re-applies its change on top of the winner's.
        const auto reapplied = awaitResult(loser.controller->reapplyOnConflict());
        QVERIFY(reapplied);
        QCOMPARE(reapplied->outcome, Outcome::Committed);
    }
    qInfo("first editor won %d of %d rounds", firstWins, kRounds);

    // The audit logs of both consoles, merged in store order, form one unbroken chain…
    QList<ui::AclAuditEntry> commits = first.audit.entries() + second.audit.entries();
    std::sort(commits.begin(), commits.end(),
              [](const auto &x, const auto &y) { return x.toRevision < y.toRevision; });
    QCOMPARE(commits.size(), 1 + 2 * kRounds);
    for (qsizetype i = 1; i < commits.size(); ++i)
        QCOMPARE(commits.at(i).fromRevision, commits.at(i - 1).toRevision);

    // …and the key's history is exactly those commits, in that order: nothing else landed and
    // nothing was lost.
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), commits.size(), kWaitMs);
    for (qsizetype i = 0; i < commits.size(); ++i) {
        QCOMPARE(seen.at(i).revision, commits.at(i).toRevision);
        const auto record = wire::decodeAclRecord(seen.at(i).value);
        QVERIFY(record);
        QCOMPARE(record->allowSubscribe, *commits.at(i).after);
        QCOMPARE(record->revision, std::optional<qint64>(i + 1));
    }
    const QStringList final = *commits.last().after;
    QCOMPARE(final.size(), 1 + 2 * kRounds);
    for (int round = 0; round < kRounds; ++round) {
        QVERIFY(final.contains(QStringLiteral("a%1").arg(round)));
        QVERIFY(final.contains(QStringLiteral("b%1").arg(round)));
    }
}

void tst_AclEditorRace::removingAChannelStopsItsDeliveryInTheDaemon()
{
    const QString space = newSpace();
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());

    delivery::DeliveryOptions options;
    options.connection.servers = {m_server.url()};
    options.space = space;
    options.metricsIntervalMs = 200;
    delivery::DeliveryHost daemon(options);
    delivery::DeliveryMetrics metrics;
    QObject receiver;
    connect(daemon.daemon(), &delivery::DeliveryDaemon::metricsChanged, &receiver,
            [&metrics](const delivery::DeliveryMetrics &m) { metrics = m; });
    const auto started = awaitResult(daemon.start());
    QVERIFY(started && !started->isError());

    const QString bob = newAgentId(QStringLiteral("bob"));
    const QString alice = newAgentId(QStringLiteral("alice"));
    const QString team = QStringLiteral("team");
    QVERIFY(kit.putAcl(bob, {team, QStringLiteral("general")}));
    QVERIFY(kit.createDlvConsumer(bob));
    QVERIFY(kit.durableJoin(bob, team));

    // alice posts on team every 20 ms for the whole test.
    const auto subject = wire::chatSubject(space, alice, team);
    QVERIFY(subject);
    int posted = 0;
    QTimer poster;
    poster.setInterval(20);
    connect(&poster, &QTimer::timeout, &receiver, [&] {
        const QString id = testing::randomId();
        kit.jetStream().publish(
            *subject,
            DeliveryKit::chatPayload(space, id, alice, team, QStringLiteral("m%1").arg(posted)),
            {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
        ++posted;
    });
    poster.start();
    QTRY_VERIFY_WITH_TIMEOUT(kit.dlvCount(bob).value_or(0) >= 20, kWaitMs);

    // The admin removes team from bob's ACL in the editor.
    Editor editor(m_server.url(), space);
    QCOMPARE(editor.open(), QString());
    QVERIFY(awaitResult(editor.controller->load(bob)));
    QCOMPARE(editor.controller->draft(), QStringList({team, QStringLiteral("general")}));
    editor.controller->removePattern(0);
    const auto committed = awaitResult(editor.controller->commit());
    const qint64 ackedAtMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(committed);
    QCOMPARE(committed->outcome, Outcome::Committed);
    const auto stored = awaitResult(kit.bucket(wire::aclBucket(space)).get(bob));
    QVERIFY(stored && stored->ok());
    QCOMPARE(stored->entry.revision, committed->entry->toRevision);
    const qint64 storedAtMs = stored->entry.created.toMSecsSinceEpoch();

    // Keep posting for a while after the change, then let the daemon finish every entry.
    QTest::qWait(3000);
    poster.stop();
    const int total = posted;
    QTRY_COMPARE_WITH_TIMEOUT(metrics.delivered + metrics.dropped, quint64(total), kWaitMs);
    QVERIFY(metrics.dropped > 0);
    const qint64 copies = kit.dlvCount(bob).value_or(-1);
    QCOMPARE(qint64(metrics.delivered), copies);
    QVERIFY(copies < total);

    // The last copy of team that reached bob, by its DLV store time.
    const QByteArray body = "{\"last_by_subj\":\"" + wire::dlvSubject(space, bob).toUtf8() + "\"}";
    const auto last = awaitResult(
        kit.jetStream().api(QStringLiteral("STREAM.MSG.GET.") + wire::dlvStreamName(space), body));
    QVERIFY(last && last->ok());
    const qint64 lastCopyMs = jetStreamTimeMs(last->body.value(QLatin1String("message"))
                                                  .toObject()
                                                  .value(QLatin1String("time"))
                                                  .toString());
    QVERIFY(lastCopyMs > 0);
    // Negative: no copy of team was stored after the commit at all.
    const qint64 afterStore = lastCopyMs - storedAtMs;
    qInfo("ACL edit removing \"team\": delivery stopped %lld ms after the commit was stored "
          "(last team copy %lld ms from the KV store time, %lld ms from the PubAck reaching the "
          "editor); %d posted, %llu delivered, %llu dropped",
          static_cast<long long>(std::max<qint64>(afterStore, 0)),
          static_cast<long long>(afterStore), static_cast<long long>(lastCopyMs - ackedAtMs), total,
          static_cast<unsigned long long>(metrics.delivered),
          static_cast<unsigned long long>(metrics.dropped));
    QVERIFY(testing::awaitDone(daemon.stop()));
}

QTEST_GUILESS_MAIN(tst_AclEditorRace)
#include "tst_acleditorrace.moc"
