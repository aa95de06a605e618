// ui_feed_bench: the console window (offscreen) against a real nats-server.
//  1. Roster: 2,000 presence records written with a raw connection, then the time from connect to
//     a full roster of 2,000 agents.
//  2. Feed: one raw publisher at full speed for 30 s (--seconds N) into the space's chat subjects;
//     prints the messages/s surfaced in the FeedModel, the GUI event-loop stall p99 (lateness of a
//     10 ms timer), peak RSS, and RSS when the ring buffer first filled and then every 5 s.
// Aims: >= 20,000 msg/s, stall p99 < 25 ms, RSS flat once full; roster < 1 s.
#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/wire/message.h"
#include "core/wire/names.h"
#include "core/wire/presence.h"
#include "tests/support/natsserverprocess.h"
#include "ui/consolesession.h"
#include "ui/feedmodel.h"
#include "ui/mainwindow.h"
#include "ui/rostermodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace cotal;

namespace {

constexpr int kRosterAgents = 2000;

qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(static_cast<qsizetype>(qstrlen(field)))
                .trimmed()
                .split(' ')
                .value(0)
                .toLongLong();
    }
    return -1;
}

template<typename T> T await(const QFuture<T> &future, int ms = 60000)
{
    const bool finished = QTest::qWaitFor([&] { return future.isFinished(); }, ms);
    return finished && future.resultCount() > 0 ? future.result() : T{};
}

// Publishes valid Cotal chat messages as fast as cnats takes them, on its own thread.
class Publisher final : public QObject
{
public:
    Publisher(QString url, QString space)
        : m_url(std::move(url))
        , m_space(std::move(space))
    {}

    std::atomic<quint64> published{0};
    std::atomic<bool> stop{false};

    void run()
    {
        m_connection = std::make_unique<nats::NatsConnection>();
        nats::ConnectionOptions options;
        options.servers = {m_url};
        m_connection->open(options).then(this, [this](const nats::NatsError &error) {
            if (error.isError()) {
                std::fprintf(stderr, "publisher: %s\n", qPrintable(error.describe()));
                return;
            }
            publishSlice();
        });
    }

private:
    void publishSlice()
    {
        const QString sender = QStringLiteral("pub");
        const QString subject =
            wire::chatSubject(m_space, sender, QStringLiteral("general")).value();
        wire::CotalMessage message;
        message.space = m_space;
        message.from = wire::EndpointRef{sender, QStringLiteral("publisher"), std::nullopt};
        message.route = wire::Route{wire::RouteKind::Channel, QStringLiteral("general")};
        for (int i = 0; i < 2000 && !stop; ++i) {
            const quint64 n = published.fetch_add(1);
            message.id =
                QStringLiteral("00000000-0000-7000-8000-%1").arg(n, 12, 16, QLatin1Char('0'));
            message.ts = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
            message.parts = {wire::Part::makeText(QStringLiteral("load message %1").arg(n))};
            m_connection->publish(subject, wire::encodeCotalMessage(message));
        }
        if (!stop)
            QTimer::singleShot(0, this, [this] { publishSlice(); });
    }

    QString m_url;
    QString m_space;
    std::unique_ptr<nats::NatsConnection> m_connection;
};

ui::MainWindow *openWindow(const QString &settings, const QString &url, const QString &space)
{
    auto *window = new ui::MainWindow(
        ui::MainWindow::Options{settings, QStringLiteral("cotal-console-bench"), 50000});
    window->show();
    profile::ConnectionProfile profile;
    profile.servers = {url};
    profile.space = space;
    profile.name = QStringLiteral("bench");
    window->connectProfile(profile, {});
    return window;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The console's roster and feed under load."));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("How long the publisher floods, s."),
                                           QStringLiteral("SECONDS"), QStringLiteral("30"));
    parser.addOption(secondsOption);
    parser.process(app);
    const int publishSeconds = std::max(10, parser.value(secondsOption).toInt());

    testing::NatsServerProcess server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "nats-server: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;

    // 1. Roster of 2,000: the records are written first, then the console connects.
    {
        const QString space = QStringLiteral("benchroster");
        nats::NatsConnection raw;
        nats::ConnectionOptions options;
        options.servers = {server.url()};
        if (await(raw.open(options)).isError())
            return 1;
        nats::JetStream js(&raw);
        nats::KeyValue kv(js, wire::presenceBucket(space));
        await(kv.createBucket(6000));
        QList<QFuture<nats::KvResult>> puts;
        const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < kRosterAgents; ++i) {
            wire::Presence p;
            p.card.id = QStringLiteral("agent-%1").arg(i, 4, 10, QLatin1Char('0'));
            p.card.name = QStringLiteral("agent%1").arg(i);
            p.status = i % 3 == 0 ? wire::PresenceStatus::Working : wire::PresenceStatus::Idle;
            p.ts = now;
            puts.append(kv.put(p.card.id, wire::encodePresence(p)));
        }
        for (const auto &put : puts)
            await(put);
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<ui::MainWindow> window(
            openWindow(dir.filePath(QStringLiteral("r.ini")), server.url(), space));
        const bool full = QTest::qWaitFor(
            [&] { return window->rosterModel()->rowCount() >= kRosterAgents; }, 30000);
        const qint64 rosterMs = clock.elapsed();
        std::printf("roster: %d agents shown %s %lld ms after connect (aim < 1000 ms)\n",
                    window->rosterModel()->rowCount(), full ? "in" : "NOT COMPLETE after",
                    static_cast<long long>(rosterMs));
    }

    // 2. Feed under a full-speed publisher.
    const QString space = QStringLiteral("benchfeed");
    std::unique_ptr<ui::MainWindow> window(
        openWindow(dir.filePath(QStringLiteral("f.ini")), server.url(), space));
    if (!QTest::qWaitFor(
            [&] { return window->session()->tapVisibility() != endpoint::TapVisibility::Off; },
            30000)) {
        std::fprintf(stderr, "console did not connect\n");
        return 1;
    }
    ui::FeedModel *feed = window->feedModel();

    std::vector<qint64> lateness;
    lateness.reserve(publishSeconds * 100 + 100);
    QElapsedTimer tick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 rssWhenFull = -1;
    std::vector<qint64> rssEachSecond(publishSeconds, -1);
    QElapsedTimer run;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 elapsed = tick.nsecsElapsed();
        tick.restart();
        lateness.push_back(std::max<qint64>(0, elapsed - 10'000'000));
        if (rssWhenFull < 0 && feed->rowCount() >= feed->capacity())
            rssWhenFull = procStatusKb("VmRSS:");
        const auto second = static_cast<size_t>(run.elapsed() / 1000);
        if (second < rssEachSecond.size() && rssEachSecond[second] < 0)
            rssEachSecond[second] = procStatusKb("VmRSS:");
    });

    QThread publisherThread;
    Publisher publisher(server.url(), space);
    publisher.moveToThread(&publisherThread);
    publisherThread.start();
    run.start();
    tick.start();
    probe.start();
    QMetaObject::invokeMethod(&publisher, [&publisher] { publisher.run(); });
    // A real event loop, as the application runs it (QTest::qWaitFor sleeps between turns).
    QEventLoop loop;
    QTimer::singleShot(publishSeconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    publisher.stop = true;
    probe.stop();
    const double seconds = static_cast<double>(run.elapsed()) / 1000.0;
    const quint64 surfaced = feed->totalReceived();
    publisherThread.quit();
    publisherThread.wait();

    std::sort(lateness.begin(), lateness.end());
    const auto percentile = [&](double p) {
        if (lateness.empty())
            return 0.0;
        const size_t i = std::min(lateness.size() - 1,
                                  static_cast<size_t>(p * static_cast<double>(lateness.size())));
        return static_cast<double>(lateness[i]) / 1e6;
    };
    std::printf("feed: published %llu, surfaced %llu in %.1f s = %.0f msg/s (aim >= 20000)\n",
                static_cast<unsigned long long>(publisher.published.load()),
                static_cast<unsigned long long>(surfaced), seconds,
                static_cast<double>(surfaced) / seconds);
    std::printf("feed: rows held %d of capacity %d\n", feed->rowCount(), feed->capacity());
    std::printf("gui stall (10 ms timer lateness): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %zu "
                "ticks (aim p99 < 25 ms)\n",
                percentile(0.5), percentile(0.99),
                lateness.empty() ? 0.0 : static_cast<double>(lateness.back()) / 1e6,
                lateness.size());
    std::printf("rss: peak %lld MiB; when the ring buffer first filled %lld MiB\n",
                procStatusKb("VmHWM:") / 1024, rssWhenFull < 0 ? -1LL : rssWhenFull / 1024);
    std::printf("rss by second (MiB):");
    for (size_t second = 0; second < rssEachSecond.size(); ++second) {
        if (second % 5 == 0 || second + 1 == rssEachSecond.size())
            std::printf(" %zus=%lld", second, rssEachSecond[second] / 1024);
    }
    std::printf("\n");
    // The allocator settles for a while after the ring fills; a longer run shows where it stops.
    const size_t half = rssEachSecond.size() / 2;
    std::printf("rss growth: from the 10 s mark to the end %+lld MiB, over the second half "
                "(%zus to the end) %+lld MiB\n",
                (rssEachSecond.back() - rssEachSecond[10]) / 1024, half,
                (rssEachSecond.back() - rssEachSecond[half]) / 1024);
    const quint64 droppedCopies = await(window->session()->droppedCopies());
    std::printf("dropped (the status bar's \"not shown\"): %llu before decoding, %llu by the GUI "
                "pacer; published - surfaced - dropped = %lld still in flight at the end\n",
                static_cast<unsigned long long>(droppedCopies),
                static_cast<unsigned long long>(window->session()->droppedMessages()),
                static_cast<long long>(publisher.published.load() - surfaced - droppedCopies -
                                       window->session()->droppedMessages()));
    return 0;
}
