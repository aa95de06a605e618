// delivery_bench: sustained delivered copies/s and publish→DLV latency of the delivery daemon for
// 1, 10 and 100 members of one durable channel, beside the ceiling measured in the same run (raw
// JetStream publish-with-ack of as many copies, same in-flight window) and the paced latency beside
// two floors measured in the same run: a relay that moves each copy through the same stored hops
// and pulls with nothing decided, and one stored publish. Plus the daemon's RSS at
// the start and end of the sustained run (every 30 s in runs of 120 s or more: a soak), and the CPU
// the daemon and the server spent per delivered copy. A burst then posts as fast as the publisher
// allows from ten senders and reports its copies/s and the copies that never reached DLV (evicted
// on the way: must be 0).
//
// The daemon runs as the real headless process (`cotal-console --headless --deliver`) against a
// private nats-server; the bench publishes as the senders and watches `cotal.<S>.dlv.>` with a
// core subscription, so it measures arrival on DLV without consumer overhead.
// The daemon logs where its time went, stage by stage, when the bench stops it.
//
//   delivery_bench [--members 1,10,100] [--duration 20] [--window 256] [--ahead 800]
//                  [--burst 5000]

#include "core/delivery/fanoutwriter.h"
#include "core/delivery/trustedreader.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

using namespace cotal;
using cotal::testing::awaitResult;
using cotal::testing::DeliveryKit;

namespace {

constexpr int kWarmUpMessages = 10;
constexpr int kPacedMessages = 400;
constexpr int kHopMessages = 200;

qint64 nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double rssMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// User + system CPU seconds the process has used so far (/proc/<pid>/stat fields 14 and 15).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
           double(::sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

// Runs the event loop until `done` (checked after every batch of events) or the deadline. It
// sleeps until an event arrives: a bench that polled would take a core from the daemon and the
// server it measures.
bool spinUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer heartbeat; // wakes the loop to look at the deadline when nothing else happens
    heartbeat.start(20);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

struct Figures
{
    int members = 0;
    double copiesPerSecond = 0;
    double ceiling = 0;
    double lowP50 = 0;
    double lowP99 = 0;
    double hopP50 = 0;
    double hopP99 = 0;
    double relayP50 = 0;
    double relayP99 = 0;
    double loadP50 = 0;
    double loadP99 = 0;
    double rssStart = 0;
    double rssEnd = 0;
    double daemonCpuPerCopyUs = 0;
    double serverCpuPerCopyUs = 0;
    quint64 copies = 0;
    int burstMessages = 0;
    double burstCopiesPerSecond = 0;
    quint64 burstMissing = 0;
};

class Bench
{
public:
    Bench(QString url, qint64 serverPid, int window, int ahead, int burst)
        : m_url(std::move(url))
        , m_serverPid(serverPid)
        , m_window(window)
        , m_ahead(ahead)
        , m_burst(burst)
    {}

    std::optional<Figures> run(int members, int durationSeconds)
    {
        Figures figures;
        figures.members = members;
        const QString space = QStringLiteral("bench%1").arg(members);
        DeliveryKit kit(m_url, space);
        if (const QString error = kit.open(); !error.isEmpty()) {
            say(QStringLiteral("cannot provision: %1").arg(error));
            return std::nullopt;
        }
        QStringList owners;
        for (int i = 0; i < members; ++i) {
            owners.append(QStringLiteral("m%1").arg(i));
            kit.putAcl(owners.last(), {QStringLiteral("bench")});
        }

        const auto relay = relayFloor(members);
        if (!relay) {
            say(QStringLiteral("the relay floor could not be measured"));
            return std::nullopt;
        }
        std::tie(figures.relayP50, figures.relayP99) = *relay;

        QProcess daemon;
        daemon.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        daemon.start(QStringLiteral(COTAL_CONSOLE_EXECUTABLE),
                     {QStringLiteral("--headless"), QStringLiteral("--deliver"),
                      QStringLiteral("--space"), space, QStringLiteral("--server"), m_url});
        if (!spinUntil([&] { return kit.lease() && kit.lease()->ready; }, 30000)) {
            say(QStringLiteral("the daemon did not start"));
            return std::nullopt;
        }
        for (const QString &owner : std::as_const(owners)) {
            if (!kit.durableJoin(owner, QStringLiteral("bench"))) {
                say(QStringLiteral("durableJoin failed for %1").arg(owner));
                return std::nullopt;
            }
        }

        // The receiver: every DLV publish, keyed by (message index, owner index).
        auto watch = watchDlv(space, members);

        DeliveryKit poster(m_url, space);
        poster.open(false);
        nats::JsPublisher publisher(poster.jetStream(), m_window);
        const QString subject =
            *wire::chatSubject(space, QStringLiteral("sender"), QStringLiteral("bench"));
        // The paced sender writes each message at once, as an agent sending one at a time does
        // (and as the reference's client does): the client's 1 ms hold of a lone write is not the
        // daemon's time.
        nats::ConnectionOptions prompt;
        prompt.sendAsap = true;
        DeliveryKit pacedPoster(m_url, space, prompt);
        pacedPoster.open(false);
        nats::JsPublisher pacedPublisher(pacedPoster.jetStream(), m_window);
        int next = 0;
        const auto publishOne = [&](nats::JsPublisher &via) {
            const QString id = QStringLiteral("b%1-%2").arg(next).arg(nowMicros());
            ++next;
            via.publish(subject,
                        DeliveryKit::chatPayload(space, id, QStringLiteral("sender"),
                                                 QStringLiteral("bench"), QStringLiteral("x")),
                        {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
        };

        // Latency at low load: 20 messages/s for 20 s after a warm-up of ten (the first copies
        // open the daemon's lanes and caches). p99 of copies, not of messages: a message's ten
        // copies travel together, so 400 messages put a few slow ones, not one, behind the p99.
        QTimer pacer;
        QObject::connect(&pacer, &QTimer::timeout, &m_context, [&] {
            if (next < kWarmUpMessages + kPacedMessages)
                publishOne(pacedPublisher);
        });
        m_recordLatency = true; // the warm-up's copies are left out by their index
        pacer.start(50);
        if (!spinUntil(
                [&] { return m_completeMessages >= quint64(kWarmUpMessages + kPacedMessages); },
                120000)) {
            say(QStringLiteral("the paced messages were not all delivered"));
            return std::nullopt;
        }
        pacer.stop();
        figures.lowP50 = percentile(m_latencies, 0.50);
        figures.lowP99 = percentile(m_latencies, 0.99);
        const auto hop = storeHop(pacedPublisher, watch->kit, space);
        if (!hop) {
            say(QStringLiteral("the store-hop floor could not be measured"));
            return std::nullopt;
        }
        const auto [hopP50, hopP99] = *hop;
        figures.hopP50 = hopP50;
        figures.hopP99 = hopP99;
        m_latencies.clear();

        // Sustained: keep `ahead` messages published but not yet fully delivered.
        const quint64 startCopies = m_distinctCopies;
        figures.rssStart = rssMiB(daemon.processId());
        const double daemonCpuStart = cpuSeconds(daemon.processId());
        const double serverCpuStart = cpuSeconds(m_serverPid);
        QElapsedTimer clock;
        clock.start();
        qint64 nextReport = 30000;
        spinUntil(
            [&] {
                while (next - int(m_completeMessages) < m_ahead)
                    publishOne(publisher);
                if (durationSeconds >= 120 && clock.elapsed() >= nextReport) {
                    say(QStringLiteral("  %1 s: %2 copies, daemon RSS %3 MiB")
                            .arg(clock.elapsed() / 1000)
                            .arg(m_distinctCopies - startCopies)
                            .arg(rssMiB(daemon.processId()), 0, 'f', 1));
                    nextReport += 30000;
                }
                return clock.elapsed() >= qint64(durationSeconds) * 1000;
            },
            qint64(durationSeconds) * 1000 + 1000);
        const double seconds = double(clock.elapsed()) / 1000.0;
        figures.copies = m_distinctCopies - startCopies;
        figures.copiesPerSecond = double(figures.copies) / seconds;
        figures.rssEnd = rssMiB(daemon.processId());
        const double perCopyUs = 1e6 / double(std::max<quint64>(figures.copies, 1));
        figures.daemonCpuPerCopyUs = (cpuSeconds(daemon.processId()) - daemonCpuStart) * perCopyUs;
        figures.serverCpuPerCopyUs = (cpuSeconds(m_serverPid) - serverCpuStart) * perCopyUs;
        figures.loadP50 = percentile(m_latencies, 0.50);
        figures.loadP99 = percentile(m_latencies, 0.99);
        m_recordLatency = false;
        spinUntil([&] { return publisher.inFlight() + publisher.queued() == 0; }, 60000);
        spinUntil([&] { return m_completeMessages >= quint64(next); }, 60000);

        // Burst: ten senders (CHAT keeps 1000 per sender and channel), everything queued at once,
        // at most 200k copies. Done when complete or when nothing arrived for 10 s.
        figures.burstMessages = std::min(m_burst, 200000 / members);
        const quint64 burstStart = m_distinctCopies;
        const quint64 burstCopies = quint64(figures.burstMessages) * quint64(members);
        clock.restart();
        for (int i = 0; i < figures.burstMessages; ++i) {
            const QString sender = QStringLiteral("sender%1").arg(i % 10);
            const QString id = QStringLiteral("b%1-%2").arg(next).arg(nowMicros());
            ++next;
            publisher.publish(*wire::chatSubject(space, sender, QStringLiteral("bench")),
                              DeliveryKit::chatPayload(space, id, sender, QStringLiteral("bench"),
                                                       QStringLiteral("x")),
                              {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
        }
        qint64 lastArrival = 0;
        quint64 seen = burstStart;
        spinUntil(
            [&] {
                if (m_distinctCopies != seen) {
                    seen = m_distinctCopies;
                    lastArrival = clock.elapsed();
                }
                return m_distinctCopies - burstStart >= burstCopies ||
                       clock.elapsed() - lastArrival > 10000;
            },
            600000);
        figures.burstCopiesPerSecond = double(m_distinctCopies - burstStart) * 1000.0 /
                                       double(std::max<qint64>(lastArrival, 1));
        figures.burstMissing = burstCopies - std::min(burstCopies, m_distinctCopies - burstStart);

        ::kill(pid_t(daemon.processId()), SIGTERM);
        daemon.waitForFinished(15000);
        watch.reset();

        figures.ceiling = ceiling(poster, space, members, figures.copies);
        return figures;
    }

private:
    // A core subscription to the space's DLV subjects feeding receive(), which starts counting
    // afresh for `members`; the server has it (flushed) before anything is published.
    struct DlvWatch
    {
        DlvWatch(const QString &url, const QString &space)
            : kit(url, space)
        {}
        DeliveryKit kit;
        std::unique_ptr<nats::Subscription> subscription; // declared after kit: closed first
    };

    std::unique_ptr<DlvWatch> watchDlv(const QString &space, int members)
    {
        resetReceiver(members);
        auto watch = std::make_unique<DlvWatch>(m_url, space);
        watch->kit.open(false);
        watch->subscription = watch->kit.connection().subscribe(
            wire::dlvStreamFilter(space), &m_context,
            [this](const QList<nats::NatsMessage> &batch) { receive(batch); });
        awaitResult(watch->kit.connection().flush());
        return watch;
    }

    void resetReceiver(int members)
    {
        m_members = members;
        m_received.clear();
        m_copiesPerMessage.clear();
        m_latencies.clear();
        m_distinctCopies = 0;
        m_completeMessages = 0;
    }

    void receive(const QList<nats::NatsMessage> &batch)
    {
        const qint64 now = nowMicros();
        for (const nats::NatsMessage &message : batch) {
            // cotal.<S>.dlv.m<j>  and a payload starting {"id":"b<i>-<micros>"
            const qsizetype ownerAt = message.subject.lastIndexOf(u".m");
            const int owner = message.subject.mid(ownerAt + 2).toInt();
            const QByteArray &data = message.data;
            const qsizetype start = data.indexOf("\"id\":\"b");
            const qsizetype dash = data.indexOf('-', start);
            const qsizetype end = data.indexOf('"', dash);
            if (start < 0 || dash < 0 || end < 0)
                continue;
            const int index = data.mid(start + 7, dash - start - 7).toInt();
            const qint64 stamp = data.mid(dash + 1, end - dash - 1).toLongLong();
            const size_t bit = size_t(index) * size_t(m_members) + size_t(owner);
            if (m_received.size() <= bit)
                m_received.resize(bit + 1 + size_t(m_members) * 4096, false);
            if (m_received[bit])
                continue;
            m_received[bit] = true;
            ++m_distinctCopies;
            if (m_copiesPerMessage.size() <= size_t(index))
                m_copiesPerMessage.resize(size_t(index) + 4096, 0);
            if (++m_copiesPerMessage[size_t(index)] == m_members)
                ++m_completeMessages;
            if (m_recordLatency && index >= kWarmUpMessages)
                m_latencies.push_back(double(now - stamp) / 1000.0);
        }
    }

    // The floor for the paced latency, measured under the same conditions: one stored JetStream
    // publish, from the publish call to its PubAck, at 20 msg/s on the paced sender's connection.
    // A copy's way holds three stored publishes (CHAT, INBOX, DLV) and two rounds of reads.
    std::optional<std::pair<double, double>> storeHop(nats::JsPublisher &publisher,
                                                      DeliveryKit &kit, const QString &space)
    {
        const QString stream = QStringLiteral("HOP_") + space;
        const QString prefix = QStringLiteral("hop.") + space;
        const auto created = awaitResult(kit.jetStream().createStream(
            stream, "{\"name\":\"" + stream.toUtf8() + "\",\"subjects\":[\"" + prefix.toUtf8() +
                        ".>\"],\"storage\":\"file\",\"max_msgs_per_subject\":1000,\"discard\":"
                        "\"old\",\"duplicate_window\":7200000000000}"));
        if (!created || !created->ok())
            return std::nullopt;
        // Shared: a PubAck may arrive after a timed-out wait has returned.
        auto hops = std::make_shared<std::vector<double>>();
        int sent = 0;
        QTimer pacer;
        QObject::connect(&pacer, &QTimer::timeout, &m_context, [&] {
            if (sent == kHopMessages)
                return;
            ++sent;
            publisher
                .publish(prefix + QStringLiteral(".m%1").arg(sent % 10), QByteArrayLiteral("x"),
                         {{QByteArrayLiteral("Nats-Msg-Id"), QByteArray::number(sent)}})
                .then(&m_context, [hops, sentAt = nowMicros()](const nats::PubAck &ack) {
                    if (ack.ok())
                        hops->push_back(double(nowMicros() - sentAt) / 1000.0);
                });
        });
        pacer.start(50);
        if (!spinUntil([&] { return hops->size() >= size_t(kHopMessages); }, 60000))
            return std::nullopt;
        return std::pair{percentile(*hops, 0.50), percentile(*hops, 0.99)};
    }

    // The floor for a copy's whole way: the same three stored hops and two pulls as the daemon's
    // (CHAT, the fan-out's consumer, INBOX, the reader's consumer, DLV), in a space of its own with
    // the daemon's consumer configs, but nothing decided between them: no class or ACL proof, no
    // ledger. Paced and measured as the daemon's paced run, before the daemon starts.
    std::optional<std::pair<double, double>> relayFloor(int members)
    {
        const QString space = QStringLiteral("relay%1").arg(members);
        nats::ConnectionOptions prompt;
        prompt.sendAsap = true;
        DeliveryKit relay(m_url, space, prompt);
        if (!relay.open().isEmpty())
            return std::nullopt;
        const QString chatStream = wire::chatStreamName(space);
        const QString inboxStream = wire::inboxStreamName(space);
        const auto fanoutCreated = awaitResult(relay.jetStream().createConsumer(
            chatStream, wire::fanoutConsumerName(), wire::fanoutFilter(space),
            delivery::FanoutWriter::consumerConfig(space)));
        const auto readerCreated = awaitResult(relay.jetStream().createConsumer(
            inboxStream, wire::readerConsumerName(), wire::readerFilter(space),
            delivery::TrustedReader::consumerConfig(space)));
        if (!fanoutCreated || !fanoutCreated->ok() || !readerCreated || !readerCreated->ok())
            return std::nullopt;

        nats::JsPublisher copies(relay.jetStream(), m_window);
        std::unique_ptr<nats::PullConsumer> fanout;
        std::unique_ptr<nats::PullConsumer> reader;
        fanout = std::make_unique<nats::PullConsumer>(
            relay.jetStream(), chatStream, wire::fanoutConsumerName(),
            [&](const QList<nats::JsMessage> &batch) {
                for (const nats::JsMessage &message : batch) {
                    const QByteArray &data = message.message().data;
                    const qsizetype idAt = data.indexOf("\"id\":\"") + 6;
                    const QString id =
                        QString::fromUtf8(data.mid(idAt, data.indexOf('"', idAt) - idAt));
                    const QByteArray entry = "{\"msg\":" + data +
                                             ",\"channel\":\"bench\",\"seq\":" +
                                             QByteArray::number(message.metadata().streamSequence) +
                                             ",\"reason\":\"durable-channel\",\"generation\":1}";
                    for (int owner = 0; owner < members; ++owner) {
                        const QString name = QStringLiteral("m%1").arg(owner);
                        copies.publish(wire::dinboxSubject(space, name), entry,
                                       {{QByteArrayLiteral("Nats-Msg-Id"),
                                         wire::plane3MsgId(id, name, 1).toUtf8()}});
                    }
                    message.ack();
                }
                fanout->resume();
            });
        reader = std::make_unique<nats::PullConsumer>(
            relay.jetStream(), inboxStream, wire::readerConsumerName(),
            [&](const QList<nats::JsMessage> &batch) {
                for (const nats::JsMessage &entry : batch) {
                    const QByteArray &data = entry.message().data;
                    const qsizetype end = data.lastIndexOf(",\"channel\":");
                    const QString &subject = entry.message().subject;
                    const QString owner = subject.mid(subject.lastIndexOf(u'.') + 1);
                    const QByteArray message = data.mid(7, end - 7);
                    const qsizetype idAt = message.indexOf("\"id\":\"") + 6;
                    const QString id =
                        QString::fromUtf8(message.mid(idAt, message.indexOf('"', idAt) - idAt));
                    copies.publish(wire::dlvSubject(space, owner), message,
                                   {{QByteArrayLiteral("Nats-Msg-Id"),
                                     wire::plane3MsgId(id, owner, 1).toUtf8()}});
                    entry.ack();
                }
                reader->resume();
            });
        fanout->start();
        reader->start();

        const auto watch = watchDlv(space, members);
        DeliveryKit sender(m_url, space, prompt);
        sender.open(false);
        nats::JsPublisher publisher(sender.jetStream(), m_window);
        const QString subject =
            *wire::chatSubject(space, QStringLiteral("sender"), QStringLiteral("bench"));
        int next = 0;
        QTimer pacer;
        QObject::connect(&pacer, &QTimer::timeout, &m_context, [&] {
            if (next == kWarmUpMessages + kPacedMessages)
                return;
            const QString id = QStringLiteral("b%1-%2").arg(next).arg(nowMicros());
            ++next;
            publisher.publish(subject,
                              DeliveryKit::chatPayload(space, id, QStringLiteral("sender"),
                                                       QStringLiteral("bench"),
                                                       QStringLiteral("x")),
                              {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
        });
        m_recordLatency = true;
        pacer.start(50);
        const bool complete = spinUntil(
            [&] { return m_completeMessages >= quint64(kWarmUpMessages + kPacedMessages); },
            120000);
        m_recordLatency = false;
        pacer.stop();
        fanout->stop();
        reader->stop();
        if (!complete)
            return std::nullopt;
        return std::pair{percentile(m_latencies, 0.50), percentile(m_latencies, 0.99)};
    }

    // Raw JetStream publish-with-ack of `copies` messages, same window, into a stream shaped like
    // DLV (per-subject cap, 2 h dedup window, Nats-Msg-Id on every publish).
    double ceiling(DeliveryKit &kit, const QString &space, int members, quint64 copies)
    {
        const QString stream = QStringLiteral("CEILING_") + space;
        const QString prefix = QStringLiteral("ceiling.") + space;
        const QByteArray config =
            "{\"name\":\"" + stream.toUtf8() + "\",\"subjects\":[\"" + prefix.toUtf8() +
            ".>\"],\"retention\":\"limits\",\"storage\":\"file\",\"max_msgs_per_subject\":1000,"
            "\"discard\":\"old\",\"duplicate_window\":7200000000000}";
        awaitResult(kit.jetStream().createStream(stream, config));
        const QByteArray payload =
            DeliveryKit::chatPayload(space, QStringLiteral("b0-0"), QStringLiteral("sender"),
                                     QStringLiteral("bench"), QStringLiteral("x"));
        nats::JsPublisher publisher(kit.jetStream(), m_window);
        quint64 acked = 0;
        quint64 sent = 0;
        // As many as a 20 s run delivers, at most: millions of ids in the dedup window (a soak's
        // worth) slow the server's store down and would flatter the ratio.
        const quint64 total = std::clamp<quint64>(copies, 10000, 250000);
        QElapsedTimer clock;
        clock.start();
        spinUntil(
            [&] {
                while (sent < total && publisher.queued() < m_window) {
                    const QString subject =
                        QStringLiteral("%1.m%2").arg(prefix).arg(sent % quint64(members));
                    publisher
                        .publish(subject, payload,
                                 {{QByteArrayLiteral("Nats-Msg-Id"), QByteArray::number(sent)}})
                        .then(&m_context, [&acked](const nats::PubAck &) { ++acked; });
                    ++sent;
                }
                return acked >= total;
            },
            600000);
        return double(acked) * 1000.0 / double(std::max<qint64>(clock.elapsed(), 1));
    }

    QString m_url;
    qint64 m_serverPid;
    int m_window;
    int m_ahead;
    int m_burst;
    QObject m_context;
    int m_members = 1;
    std::vector<bool> m_received;
    std::vector<int> m_copiesPerMessage;
    std::vector<double> m_latencies;
    quint64 m_distinctCopies = 0;
    quint64 m_completeMessages = 0;
    bool m_recordLatency = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Delivery daemon throughput and latency."));
    parser.addHelpOption();
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           QStringLiteral("Member counts (comma separated)."),
                                           QStringLiteral("LIST"), QStringLiteral("1,10,100"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("Sustained run per member count, s."),
                                            QStringLiteral("SECONDS"), QStringLiteral("20"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("Publisher in-flight window."),
                                          QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption aheadOption(
        QStringLiteral("ahead"),
        QStringLiteral("Messages kept published but not yet delivered (below the 1000 caps)."),
        QStringLiteral("N"), QStringLiteral("800"));
    const QCommandLineOption burstOption(QStringLiteral("burst"),
                                         QStringLiteral("Messages in the burst (at most 200k "
                                                        "copies)."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    parser.addOptions({membersOption, durationOption, windowOption, aheadOption, burstOption});
    parser.process(app);

    testing::NatsServerProcess server;
    QString error;
    if (!server.start(&error)) {
        say(QStringLiteral("cannot start nats-server: %1").arg(error));
        return 1;
    }
    Bench bench(server.url(), server.pid(), parser.value(windowOption).toInt(),
                parser.value(aheadOption).toInt(), parser.value(burstOption).toInt());
    QList<Figures> results;
    for (const QString &count : parser.value(membersOption).split(u',', Qt::SkipEmptyParts)) {
        say(QStringLiteral("members=%1 ...").arg(count));
        const auto figures = bench.run(count.toInt(), parser.value(durationOption).toInt());
        if (!figures)
            return 1;
        results.append(*figures);
    }
    // A delivered copy costs the broker three stored-message operations (INBOX publish, INBOX
    // read + ack, DLV publish), so a third of the raw publish ceiling is the practical limit.
    say(QStringLiteral("\nmembers  copies/s   ceiling/s  limit/s  of limit  p50/p99 @20msg/s   "
                       "p50/p99 sustained   daemon RSS start→end   CPU µs/copy daemon, server"));
    for (const Figures &f : std::as_const(results)) {
        say(QStringLiteral("%1  %2  %3  %4  %5%  %6/%7 ms   %8/%9 ms   %10→%11 MiB   %12, %13")
                .arg(f.members, 7)
                .arg(f.copiesPerSecond, 9, 'f', 0)
                .arg(f.ceiling, 10, 'f', 0)
                .arg(f.ceiling / 3.0, 7, 'f', 0)
                .arg(300.0 * f.copiesPerSecond / std::max(f.ceiling, 1.0), 7, 'f', 1)
                .arg(f.lowP50, 6, 'f', 2)
                .arg(f.lowP99, 0, 'f', 2)
                .arg(f.loadP50, 8, 'f', 2)
                .arg(f.loadP99, 0, 'f', 2)
                .arg(f.rssStart, 0, 'f', 1)
                .arg(f.rssEnd, 0, 'f', 1)
                .arg(f.daemonCpuPerCopyUs, 0, 'f', 1)
                .arg(f.serverCpuPerCopyUs, 0, 'f', 1));
    }
    say(QStringLiteral(
        "\nmembers  p50/p99 @20msg/s   relay floor p50/p99 (the same stored hops and "
        "pulls, nothing decided)   one stored publish → PubAck p50/p99"));
    for (const Figures &f : std::as_const(results)) {
        say(QStringLiteral("%1  %2/%3 ms   %4/%5 ms   %6/%7 ms")
                .arg(f.members, 7)
                .arg(f.lowP50, 6, 'f', 2)
                .arg(f.lowP99, 0, 'f', 2)
                .arg(f.relayP50, 6, 'f', 2)
                .arg(f.relayP99, 0, 'f', 2)
                .arg(f.hopP50, 6, 'f', 2)
                .arg(f.hopP99, 0, 'f', 2));
    }
    say(QStringLiteral("\nmembers  burst msgs  burst copies/s  of limit  copies missing"));
    for (const Figures &f : std::as_const(results)) {
        say(QStringLiteral("%1  %2  %3  %4%  %5")
                .arg(f.members, 7)
                .arg(f.burstMessages, 10)
                .arg(f.burstCopiesPerSecond, 14, 'f', 0)
                .arg(300.0 * f.burstCopiesPerSecond / std::max(f.ceiling, 1.0), 7, 'f', 1)
                .arg(f.burstMissing, 14));
    }
    return 0;
}
