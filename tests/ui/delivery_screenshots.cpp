// Renders the Delivery tab's panes with real data into PNGs for docs/: a private nats-server, a
// provisioned space, agents with presence, the console's own in-process delivery daemon, and
// durable joins, leaves and rejoins made through ctl.delivery.
//
// Usage: delivery_screenshots <output dir>   (QT_QPA_PLATFORM=offscreen)

#include "core/endpoint/endpointhost.h"
#include "core/space/memberregistry.h"
#include "core/wire/names.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"
#include "ui/consolesession.h"
#include "ui/daemonpane.h"
#include "ui/deliverypane.h"
#include "ui/leasemodel.h"
#include "ui/timelinepane.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTextStream>
#include <cstdio>

using namespace cotal;
using cotal::testing::awaitResult;

namespace {

bool fail(const QString &message)
{
    QTextStream(stderr) << message << '\n';
    return false;
}

std::unique_ptr<endpoint::EndpointHost> agent(const QString &url, const QString &space,
                                              const QString &id, const QString &name)
{
    nats::ConnectionOptions connection;
    connection.servers = {url};
    wire::AgentCard card;
    card.id = id;
    card.name = name;
    auto host = std::make_unique<endpoint::EndpointHost>(
        endpoint::EndpointOptions::agent(connection, space, card, {}));
    const auto started = awaitResult(host->start());
    return started && !started->isError() ? std::move(host) : nullptr;
}

bool run(const QString &outDir)
{
    testing::NatsServerProcess server;
    QString error;
    if (!server.start(&error))
        return fail(error);
    const QString space = QStringLiteral("demo");
    testing::DeliveryKit kit(server.url(), space);
    if (const QString opened = kit.open(); !opened.isEmpty())
        return fail(opened);

    const QString bob = QStringLiteral("UBOB7Q2K4XNM");
    const QString carol = QStringLiteral("UCAROL5RTW3H");
    const QString dave = QStringLiteral("UDAVE9LMP2QA");
    const QString erin = QStringLiteral("UERIN4ZKX8VD");
    const QString backend = QStringLiteral("team.backend");
    const QString ops = QStringLiteral("ops");
    for (const QString &owner : {bob, carol, dave, erin})
        kit.putAcl(owner, {QStringLiteral("team.>"), ops});
    kit.setChannelClass(QStringLiteral("lobby"), false);

    nats::ConnectionOptions connection;
    connection.servers = {server.url()};
    ui::ConsoleSession session;
    ui::DeliveryPane pane(&session);
    session.open(endpoint::EndpointOptions::adminConsole(connection, space));
    if (!QTest::qWaitFor([&] { return session.access()->isReady(); }, 30000))
        return fail(QStringLiteral("the admin connection did not open"));

    auto bobAgent = agent(server.url(), space, bob, QStringLiteral("bob"));
    auto carolAgent = agent(server.url(), space, carol, QStringLiteral("carol"));
    if (!bobAgent || !carolAgent)
        return fail(QStringLiteral("agents did not start"));

    pane.resize(1280, 820);
    pane.show();
    pane.daemonPane()->start();
    ui::LeaseModel *leases = pane.leaseModel();
    if (!QTest::qWaitFor(
            [&] {
                return leases->status(leases->rowOfShard(0)) == ui::LeaseModel::LeaseStatus::Ready;
            },
            30000))
        return fail(QStringLiteral("the daemon's lease did not become ready"));

    const auto post = [&](const QString &channel, int count) {
        for (int i = 0; i < count; ++i)
            kit.post(QStringLiteral("alice"), channel, QStringLiteral("update %1").arg(i));
    };
    post(backend, 12);
    kit.durableJoin(bob, backend);
    post(backend, 20);
    kit.durableJoin(carol, backend);
    post(backend, 25);
    kit.durableLeave(bob, backend, 1);
    post(backend, 15);
    kit.durableJoin(bob, backend);
    post(ops, 10);
    kit.durableJoin(dave, ops);
    post(ops, 20);
    kit.durableJoin(carol, ops);
    post(ops, 12);
    kit.durableLeave(carol, ops, 1);
    post(ops, 10);
    // A join whose activation catch-up never finished (a daemon crash mid-activation), written
    // with the registry's own commit algorithm as the daemon would have.
    space::MemberRegistry registry(kit.bucket(wire::membersBucket(space)));
    wire::MembershipRecord pending;
    pending.channel = backend;
    pending.owner = erin;
    pending.joinCursor = 90;
    pending.generation = 1;
    pending.activated = false;
    pending.writerIdentity = QStringLiteral("delivery");
    pending.updatedAt = double(QDateTime::currentMSecsSinceEpoch());
    awaitResult(registry.commitMember(pending));
    // A burst for the charts.
    for (int round = 0; round < 8; ++round) {
        post(backend, 40);
        QTest::qWait(400);
    }
    QTest::qWait(2500);

    QDir().mkpath(outDir);
    pane.showPage(ui::DeliveryPane::Page::Lease);
    QTest::qWait(300);
    if (!pane.grab().save(QDir(outDir).filePath(QStringLiteral("lease-inspector.png"))))
        return fail(QStringLiteral("cannot write lease-inspector.png"));
    pane.showPage(ui::DeliveryPane::Page::Timelines);
    QTest::qWait(300);
    if (!pane.grab().save(QDir(outDir).filePath(QStringLiteral("membership-timelines.png"))))
        return fail(QStringLiteral("cannot write membership-timelines.png"));
    pane.timelinePane()->setWallClock(true);
    QTest::qWait(300);
    if (!pane.grab().save(
            QDir(outDir).filePath(QStringLiteral("membership-timelines-wallclock.png"))))
        return fail(QStringLiteral("cannot write membership-timelines-wallclock.png"));
    pane.timelinePane()->setWallClock(false);
    pane.showPage(ui::DeliveryPane::Page::Health);
    QTest::qWait(300);
    if (!pane.grab().save(QDir(outDir).filePath(QStringLiteral("delivery-health.png"))))
        return fail(QStringLiteral("cannot write delivery-health.png"));

    pane.daemonPane()->stop();
    // Stopping releases the lease; wait for that before the server goes away.
    if (!QTest::qWaitFor(
            [&] {
                return leases->status(leases->rowOfShard(0)) == ui::LeaseModel::LeaseStatus::Absent;
            },
            10000))
        return fail(QStringLiteral("the daemon did not release its lease"));
    session.close();
    testing::awaitDone(bobAgent->stop());
    testing::awaitDone(carolAgent->stop());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fputs("usage: delivery_screenshots <output dir>\n", stderr);
        return 2;
    }
    return run(args.at(1)) ? 0 : 1;
}
