#include "app/headlessdelivery.h"

#include "app/headlessprovision.h"
#include "core/delivery/brokerprobe.h"
#include "core/delivery/deliveryhost.h"
#include "cotalversion.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cotal::app {

namespace {

constexpr int kExitStopped = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
// A clean stop releases the lease; if the broker is gone that can never finish.
constexpr int kStopDeadlineMs = 5000;
// A supervisor restarts a daemon that exits; one that waits forever for a broker is a hang.
constexpr int kDefaultConnectWaitS = 5;
// Creating 12 streams on a cluster waits for a leader election per stream.
constexpr int kProvisionTimeoutMs = 60000;
constexpr int kMaxReplicas = 5; // JetStream's limit

void logLine(const QString &text)
{
    const QByteArray line = QDateTime::currentDateTime()
                                .toString(Qt::ISODateWithMs)
                                .append(QStringLiteral(" cotal-delivery: "))
                                .append(text)
                                .append(u'\n')
                                .toLocal8Bit();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// SIGINT/SIGTERM arrive on any thread at any time; the handler only writes the signal number
// into a socket pair whose other end a QSocketNotifier reads on the main thread.
int s_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(s_signalPipe[0], &byte, 1);
}

class SignalBridge final : public QObject
{
public:
    explicit SignalBridge(std::function<void(int)> handler)
        : m_handler(std::move(handler))
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
            return;
        ::fcntl(s_signalPipe[0], F_SETFL, ::fcntl(s_signalPipe[0], F_GETFL) | O_NONBLOCK);
        m_notifier = new QSocketNotifier(s_signalPipe[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char byte = 0;
            if (::read(s_signalPipe[1], &byte, 1) == 1)
                m_handler(int(byte));
        });
        struct sigaction action;
        std::memset(&action, 0, sizeof action);
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
    }

    ~SignalBridge() override
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        ::close(s_signalPipe[0]);
        ::close(s_signalPipe[1]);
        s_signalPipe[0] = s_signalPipe[1] = -1;
    }

    bool isActive() const { return m_notifier != nullptr; }

private:
    std::function<void(int)> m_handler;
    QSocketNotifier *m_notifier = nullptr;
};

QString levelTag(delivery::LogLevel level)
{
    switch (level) {
    case delivery::LogLevel::Info:
        return QStringLiteral("info");
    case delivery::LogLevel::Warning:
        return QStringLiteral("warning");
    case delivery::LogLevel::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace

bool isHeadlessInvocation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cotal-console"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cotal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COTAL_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "headless",
        "Runs the Cotal delivery daemon without a GUI. Secrets come from the environment only:\n"
        "COTAL_TOKEN (token auth), COTAL_USER and COTAL_PASSWORD (user/password auth)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption headless(
        QStringLiteral("headless"), QCoreApplication::translate("headless", "Run without a GUI."));
    const QCommandLineOption deliver(
        QStringLiteral("deliver"),
        QCoreApplication::translate("headless", "Run the space's delivery daemon."));
    const QCommandLineOption provision(
        QStringLiteral("provision"),
        QCoreApplication::translate("headless",
                                    "Create the space's streams and buckets, then exit."));
    const QCommandLineOption replicas(
        QStringLiteral("replicas"),
        QCoreApplication::translate(
            "headless", "With --provision: copies of each stream (1 to %1; 3 on a 3-node "
                        "JetStream cluster; default 1).")
            .arg(kMaxReplicas),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption defaultClass(
        QStringLiteral("default-class"),
        QCoreApplication::translate("headless",
                                    "With --provision: the space's default delivery class, "
                                    "durable or live (default durable)."),
        QStringLiteral("CLASS"), QStringLiteral("durable"));
    const QCommandLineOption space(QStringLiteral("space"),
                                   QCoreApplication::translate("headless", "The space to serve."),
                                   QStringLiteral("S"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate(
            "headless", "A NATS server URL (repeatable; default nats://127.0.0.1:4222)."),
        QStringLiteral("URL"));
    const QCommandLineOption creds(
        QStringLiteral("creds"),
        QCoreApplication::translate("headless", "The delivery credentials (chained creds file)."),
        QStringLiteral("FILE"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QCoreApplication::translate("headless", "User name (password from COTAL_PASSWORD)."),
        QStringLiteral("NAME"));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"),
                                   QCoreApplication::translate("headless", "TLS CA certificate."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("headless", "TLS client certificate."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QCoreApplication::translate("headless", "TLS client key."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption connectWait(
        QStringLiteral("connect-wait"),
        QCoreApplication::translate("headless",
                                    "Seconds to wait for an unreachable broker at start before "
                                    "exiting with status 1 (default %1).")
            .arg(kDefaultConnectWaitS),
        QStringLiteral("SECONDS"), QString::number(kDefaultConnectWaitS));
    // The reference's daemon runs one shard; these are accepted so the refusal can say why.
    const QCommandLineOption shards(
        QStringLiteral("shards"),
        QCoreApplication::translate("headless", "Number of delivery shards (only 1 is supported)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption shard(
        QStringLiteral("shard"),
        QCoreApplication::translate("headless", "This daemon's shard (only 0 is supported)."),
        QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption feedObserver(
        QStringLiteral("membership-observer-creds"),
        QCoreApplication::translate("headless",
                                    "The membership feed's system-account credentials (with "
                                    "--membership-rw-creds: the daemon writes the feed)."),
        QStringLiteral("FILE"));
    const QCommandLineOption feedWriter(
        QStringLiteral("membership-rw-creds"),
        QCoreApplication::translate("headless",
                                    "The membership feed's data-account writer credentials."),
        QStringLiteral("FILE"));
    parser.addOptions({headless, deliver, provision, replicas, defaultClass, space, server, creds,
                       user, tlsCa, tlsCert, tlsKey, connectWait, shards, shard, feedObserver,
                       feedWriter});

    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith("--token") || arg.startsWith("--password")) {
            logLine(QStringLiteral("secrets are never taken from the command line (they show in "
                                   "the process list): set COTAL_TOKEN or COTAL_PASSWORD"));
            return kExitUsage;
        }
    }
    if (!parser.parse(QCoreApplication::arguments())) {
        logLine(parser.errorText());
        return kExitUsage;
    }
    if (parser.isSet(help))
        parser.showHelp(kExitStopped);
    if (parser.isSet(version))
        parser.showVersion();

    if (parser.isSet(deliver) == parser.isSet(provision)) {
        logLine(QStringLiteral("--headless needs one task: --deliver or --provision"));
        return kExitUsage;
    }
    if (parser.value(space).trimmed().isEmpty()) {
        logLine(QStringLiteral("--space is required"));
        return kExitUsage;
    }
    if (parser.value(shards) != QLatin1String("1") || parser.value(shard) != QLatin1String("0")) {
        logLine(QStringLiteral("sharded delivery is not supported: the lease, the fan-out "
                               "consumer and the reader are one per space (delivery.md §2.1), so "
                               "run one daemon with --shards 1 --shard 0 and let a second one "
                               "stand by for the lease"));
        return kExitUsage;
    }
    bool waitOk = false;
    const int connectWaitS = parser.value(connectWait).toInt(&waitOk);
    if (!waitOk || connectWaitS < 0) {
        logLine(QStringLiteral("--connect-wait takes a number of seconds"));
        return kExitUsage;
    }

    delivery::DeliveryOptions options;
    options.space = parser.value(space).trimmed();
    options.connection.servers = parser.values(server);
    if (options.connection.servers.isEmpty())
        options.connection.servers = {QStringLiteral("nats://127.0.0.1:4222")};
    options.connection.credsFile = parser.value(creds);
    options.connection.token = qEnvironmentVariable("COTAL_TOKEN");
    options.connection.user =
        parser.isSet(user) ? parser.value(user) : qEnvironmentVariable("COTAL_USER");
    options.connection.password = qEnvironmentVariable("COTAL_PASSWORD");
    options.connection.tlsCaFile = parser.value(tlsCa);
    options.connection.tlsCertFile = parser.value(tlsCert);
    options.connection.tlsKeyFile = parser.value(tlsKey);

    if (parser.isSet(provision)) {
        ProvisionRequest request;
        request.connection = options.connection;
        request.space = options.space;
        bool replicasOk = false;
        request.replicas = parser.value(replicas).toInt(&replicasOk);
        if (!replicasOk || request.replicas < 1 || request.replicas > kMaxReplicas) {
            logLine(QStringLiteral("--replicas takes 1 to %1").arg(kMaxReplicas));
            return kExitUsage;
        }
        const QString chosenClass = parser.value(defaultClass);
        if (chosenClass != QLatin1String("durable") && chosenClass != QLatin1String("live")) {
            logLine(QStringLiteral("--default-class takes durable or live"));
            return kExitUsage;
        }
        request.defaultClass = chosenClass == QLatin1String("live")
                                   ? space::SpaceProvisioner::DefaultDeliveryClass::Live
                                   : space::SpaceProvisioner::DefaultDeliveryClass::Durable;
        return provisionSpace(request, kProvisionTimeoutMs);
    }

    if (parser.isSet(feedObserver) != parser.isSet(feedWriter)) {
        logLine(QStringLiteral("the membership feed needs both --membership-observer-creds and "
                               "--membership-rw-creds"));
        return kExitUsage;
    }
    if (parser.isSet(feedObserver)) {
        delivery::MembershipFeedOptions feed;
        feed.observer = options.connection;
        feed.observer.credsFile = parser.value(feedObserver);
        feed.writer = options.connection;
        feed.writer.credsFile = parser.value(feedWriter);
        for (nats::ConnectionOptions *connection : {&feed.observer, &feed.writer}) {
            connection->token.clear();
            connection->user.clear();
            connection->password.clear();
        }
        // The reference's override of the poll interval (delivery.md §9).
        bool intervalOk = false;
        const int intervalMs =
            qEnvironmentVariableIntValue("COTAL_MEMBERSHIP_INTERVAL_MS", &intervalOk);
        if (intervalOk && intervalMs > 0)
            feed.intervalMs = intervalMs;
        options.membership = feed;
    }

    delivery::DeliveryHost host(options);
    delivery::DeliveryDaemon *daemon = host.daemon();
    QObject::connect(daemon, &delivery::DeliveryDaemon::logged, &app,
                     [](delivery::LogLevel level, const QString &text) {
                         logLine(QStringLiteral("[%1] %2").arg(levelTag(level), text));
                     });

    bool stopping = false;
    const auto stopAndExit = [&](int code) {
        if (stopping)
            return;
        stopping = true;
        QTimer::singleShot(kStopDeadlineMs, &app, [code] {
            logLine(QStringLiteral("the lease release did not finish in time; exiting"));
            QCoreApplication::exit(code);
        });
        host.stop().then(&app, [code] { QCoreApplication::exit(code); });
    };

    SignalBridge signalBridge([&](int signal) {
        logLine(QStringLiteral("%1 received: releasing the lease and stopping")
                    .arg(signal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT")));
        stopAndExit(kExitStopped);
    });
    if (!signalBridge.isActive())
        logLine(QStringLiteral("cannot install the signal handlers: a signal kills the daemon "
                               "without releasing its lease"));

    QObject::connect(daemon, &delivery::DeliveryDaemon::failed, &app,
                     [&](const delivery::DeliveryError &error) {
                         logLine(QStringLiteral("stopped: %1").arg(error.message));
                         stopAndExit(kExitFailed);
                     });

    logLine(QStringLiteral("starting for space \"%1\" on %2%3")
                .arg(options.space, options.connection.servers.join(QStringLiteral(", ")),
                     options.isAuthMode()
                         ? QString()
                         : QStringLiteral(" (%1)").arg(delivery::DeliveryDaemon::openModeLabel())));
    const auto startDaemon = [&] {
        host.start().then(&app, [&](const delivery::DeliveryError &error) {
            if (error.isError()) {
                logLine(QStringLiteral("cannot start: %1").arg(error.message));
                stopping = true;
                QCoreApplication::exit(kExitFailed);
            }
        });
    };
    delivery::BrokerProbe probe(options.connection, connectWaitS * 1000);
    probe.run([](const QString &waiting) { logLine(waiting); },
              [&](const nats::NatsError &error) {
                  if (!error.isError())
                      return startDaemon();
                  logLine(QStringLiteral("cannot start: %1").arg(error.describe()));
                  stopping = true;
                  QCoreApplication::exit(kExitFailed);
              });
    return QCoreApplication::exec();
}

} // namespace cotal::app
