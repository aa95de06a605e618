// Receive throughput and latency of one Endpoint against the raw core-NATS rate, same run.
// Not a test: prints figures. Usage: endpoint_bench [messages] [latency-rate-per-s]
#include "core/endpoint/endpointhost.h"
#include "core/wire/message.h"
#include "core/wire/subjects.h"
#include "tests/support/natsserverprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace cotal;
using Clock = std::chrono::steady_clock;

namespace {

const QString kSpace = QStringLiteral("bench");
const QString kChannel = QStringLiteral("bench");
const QString kSender = QStringLiteral("BENCHPUB");

QByteArray encoded(const QString &id)
{
    wire::CotalMessage message;
    message.id = id;
    message.ts = 1710000000000;
    message.space = kSpace;
    message.from = wire::EndpointRef{kSender, QStringLiteral("publisher"), std::nullopt};
    message.route = wire::Route{wire::RouteKind::Channel, kChannel};
    message.parts = {wire::Part::makeText(QStringLiteral("benchmark payload of a typical size"))};
    return wire::encodeCotalMessage(message);
}

template<typename Predicate> bool waitFor(Predicate predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

struct Window
{
    std::atomic<qint64> count{0};
    std::atomic<qint64> firstNs{0};
    std::atomic<qint64> lastNs{0};

    void add(qint64 n)
    {
        const qint64 now = Clock::now().time_since_epoch().count();
        qint64 expected = 0;
        firstNs.compare_exchange_strong(expected, now);
        lastNs.store(now);
        count.fetch_add(n);
    }
    double rate() const
    {
        const double seconds = double(lastNs - firstNs) / 1e9;
        return seconds > 0 ? double(count) / seconds : 0;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int latencyRate = argc > 2 ? std::atoi(argv[2]) : 2000;
    const int latencyCount = latencyRate * 5;

    testing::NatsServerProcess server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "nats-server: %s\n", qPrintable(error));
        return 1;
    }

    nats::ConnectionOptions connection;
    connection.servers = {server.url()};
    wire::AgentCard card;
    card.name = QStringLiteral("bench-endpoint");
    endpoint::EndpointOptions options =
        endpoint::EndpointOptions::agent(connection, kSpace, card, {kChannel});
    options.registerPresence = false;
    options.watchPresence = false;
    endpoint::EndpointHost host(options);

    Window surfaced;
    std::vector<qint64> sentNs(size_t(latencyCount), 0);
    std::vector<qint64> latencyNs;
    latencyNs.reserve(size_t(latencyCount));
    std::atomic<bool> measuringLatency{false};
    // Runs on the endpoint's worker thread: the batch signal is the only per-drain work.
    QObject::connect(
        host.endpoint(), &endpoint::Endpoint::messagesReceived, host.endpoint(),
        [&](const QList<endpoint::ReceivedMessage> &batch) {
            if (!measuringLatency) {
                surfaced.add(batch.size());
                return;
            }
            const qint64 now = Clock::now().time_since_epoch().count();
            for (const endpoint::ReceivedMessage &message : batch) {
                const int index = message.message.id.mid(4).toInt();
                if (index >= 0 && index < latencyCount && sentNs[size_t(index)])
                    latencyNs.push_back(now - sentNs[size_t(index)]);
            }
        },
        Qt::DirectConnection);
    const QFuture<nats::NatsError> started = host.start();
    if (!waitFor([&] { return started.isFinished(); }, 30000) || started.result().isError()) {
        std::fprintf(stderr, "endpoint did not start\n");
        return 1;
    }

    // The raw baseline: a plain subscriber on its own connection, counting batches.
    nats::NatsConnection raw;
    nats::ConnectionOptions rawOptions = connection;
    rawOptions.inboxId = QStringLiteral("BENCHRAW");
    const QFuture<nats::NatsError> rawOpened = raw.open(rawOptions);
    waitFor([&] { return rawOpened.isFinished(); }, 30000);
    Window rawWindow;
    auto rawSub =
        raw.subscribe(*wire::channelSubscription(kSpace, kChannel), &raw,
                      [&](const QList<nats::NatsMessage> &batch) { rawWindow.add(batch.size()); });

    nats::NatsConnection publisher;
    nats::ConnectionOptions pubOptions = connection;
    pubOptions.inboxId = kSender;
    const QFuture<nats::NatsError> pubOpened = publisher.open(pubOptions);
    waitFor([&] { return pubOpened.isFinished(); }, 30000);
    const QFuture<nats::NatsError> flushed = raw.flush();
    waitFor([&] { return flushed.isFinished(); }, 30000);

    const QString subject = *wire::chatSubject(kSpace, kSender, kChannel);
    std::vector<QByteArray> payloads;
    payloads.reserve(size_t(total));
    for (int i = 0; i < total; ++i)
        payloads.push_back(encoded(QStringLiteral("thr-%1").arg(i)));

    // (a) + (b): full-speed publish from a separate thread.
    std::thread burst([&] {
        for (const QByteArray &payload : payloads)
            publisher.publish(subject, payload);
    });
    waitFor([&] { return rawWindow.count >= total && surfaced.count >= total; }, 60000);
    // Let stragglers arrive, then take the figures.
    QElapsedTimer settle;
    settle.start();
    qint64 lastSurfaced = -1;
    while (settle.elapsed() < 1000 && lastSurfaced != surfaced.count) {
        lastSurfaced = surfaced.count;
        waitFor([] { return false; }, 200);
    }
    burst.join();
    rawSub.reset();
    const qint64 rawCount = rawWindow.count;
    const double rawRate = rawWindow.rate();
    const qint64 surfacedCount = surfaced.count;
    const double surfacedRate = surfaced.rate();

    // (c): publish→surface latency at a moderate fixed rate.
    measuringLatency = true;
    std::vector<QByteArray> timed;
    timed.reserve(size_t(latencyCount));
    for (int i = 0; i < latencyCount; ++i)
        timed.push_back(encoded(QStringLiteral("lat-%1").arg(i)));
    std::thread paced([&] {
        const auto interval = std::chrono::nanoseconds(1000000000LL / std::max(latencyRate, 1));
        auto next = Clock::now();
        for (int i = 0; i < latencyCount; ++i) {
            std::this_thread::sleep_until(next);
            sentNs[size_t(i)] = Clock::now().time_since_epoch().count();
            publisher.publish(subject, timed[size_t(i)]);
            next += interval;
        }
    });
    paced.join();
    waitFor([&] { return latencyNs.size() >= size_t(latencyCount); }, 10000);
    QMetaObject::invokeMethod(
        host.endpoint(), [] {}, Qt::BlockingQueuedConnection);
    std::vector<qint64> sorted = latencyNs;
    std::sort(sorted.begin(), sorted.end());
    const auto percentile = [&sorted](double p) {
        if (sorted.empty())
            return 0.0;
        return double(sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))]) / 1e6;
    };

    std::printf("endpoint_bench: %d messages of %d bytes on one channel\n", total,
                int(payloads.front().size()));
    std::printf("  (a) raw core-NATS subscriber: %lld received, %.0f msgs/s\n", rawCount, rawRate);
    std::printf("  (b) endpoint surfaced:        %lld received, %.0f msgs/s (%.0f %% of raw)\n",
                surfacedCount, surfacedRate, rawRate > 0 ? 100.0 * surfacedRate / rawRate : 0.0);
    std::printf("  (c) publish->surface latency at %d msgs/s: %zu samples, p50 %.3f ms, "
                "p99 %.3f ms\n",
                latencyRate, sorted.size(), percentile(0.50), percentile(0.99));
    QFuture<void> stopped = host.stop();
    waitFor([&] { return stopped.isFinished(); }, 10000);
    return 0;
}
