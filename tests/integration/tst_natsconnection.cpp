#include "core/nats/natsconnection.h"
#include "core/nats/nkeys_p.h"
#include "core/trust/nkeypair.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using cotal::nats::ConnectionOptions;
using cotal::nats::NatsConnection;
using cotal::nats::NatsError;
using cotal::nats::NatsErrorKind;
using cotal::nats::NatsMessage;
using cotal::nats::RequestResult;
using cotal::nats::Subscription;
using cotal::testing::NatsServerProcess;

namespace {

constexpr int kWaitMs = 20000;

const QString kProtocolDir = QStringLiteral(COTAL_PROTOCOL_DIR);

template<typename T> bool waitFor(const QFuture<T> &future, int timeoutMs = kWaitMs)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

QString authmesh(const QString &file)
{
    return kProtocolDir + QStringLiteral("/authmesh/") + file;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString publicKeyOf(const QString &credsFile)
{
    const QJsonArray identities =
        QJsonDocument::fromJson(readAll(authmesh(QStringLiteral("identities.json"))))
            .object()
            .value(QLatin1String("identities"))
            .toArray();
    for (const QJsonValue &identity : identities) {
        if (identity[QLatin1String("file")].toString() == credsFile)
            return identity[QLatin1String("user_public_key")].toString();
    }
    return {};
}

// Collects everything a subscription hands over, batch by batch.
struct Collector
{
    QList<NatsMessage> messages;
    QList<qsizetype> batchSizes;
    QList<QThread *> threads;

    NatsConnection::BatchHandler handler()
    {
        return [this](const QList<NatsMessage> &batch) {
            messages += batch;
            batchSizes.append(batch.size());
            threads.append(QThread::currentThread());
        };
    }
};

// A context object on a worker thread whose event loop a test can hold.
struct HeldWorker
{
    QThread thread;
    QObject *context = new QObject;
    QSemaphore release;

    HeldWorker()
    {
        thread.start();
        context->moveToThread(&thread);
    }
    ~HeldWorker()
    {
        context->deleteLater();
        thread.quit();
        thread.wait();
    }
    // Blocks the worker's event loop until release.release(): deliveries pile up meanwhile.
    void hold()
    {
        QMetaObject::invokeMethod(context, [this] { release.acquire(); });
    }
};

// Writes a server config into `dir` and returns its path.
QString writeConfig(const QTemporaryDir &dir, const QByteArray &body)
{
    const QString path = dir.filePath(QStringLiteral("server.conf.template"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("host: 127.0.0.1\nport: {{PORT}}\njetstream { store_dir: \"{{STORE_DIR}}\" }\n" +
               body);
    return path;
}

} // namespace

class TestNatsConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NatsServerProcess> m_server;

    ConnectionOptions optionsFor(const NatsServerProcess &server,
                                 const QString &inboxId = QStringLiteral("tester"))
    {
        ConnectionOptions options;
        options.servers = {server.url()};
        options.name = QStringLiteral("cotal:test");
        options.inboxId = inboxId;
        return options;
    }

    // Opens a connection and waits until it is connected.
    bool open(NatsConnection &connection, const ConnectionOptions &options)
    {
        const QFuture<NatsError> opened = connection.open(options);
        if (!waitFor(opened))
            return false;
        if (opened.result().isError())
            qWarning() << opened.result().describe();
        return !opened.result().isError() && connection.state() == NatsConnection::State::Connected;
    }

    bool flushed(NatsConnection &connection)
    {
        const QFuture<NatsError> flush = connection.flush();
        return waitFor(flush) && !flush.result().isError();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<NatsServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void openAndCloseChangeState()
    {
        NatsConnection connection;
        QSignalSpy states(&connection, &NatsConnection::stateChanged);
        QCOMPARE(connection.state(), NatsConnection::State::Disconnected);

        QVERIFY(open(connection, optionsFor(*m_server)));
        QCOMPARE(states.at(0).at(0).value<NatsConnection::State>(),
                 NatsConnection::State::Connecting);
        QCOMPARE(states.at(1).at(0).value<NatsConnection::State>(),
                 NatsConnection::State::Connected);
        QVERIFY(connection.connectedUrl().contains(QString::number(m_server->port())));
        QVERIFY(connection.maxPayload() > 0);

        connection.close();
        QCOMPARE(connection.state(), NatsConnection::State::Closed);
        QCOMPARE(states.last().at(0).value<NatsConnection::State>(), NatsConnection::State::Closed);
        QCOMPARE(connection.publish(QStringLiteral("after.close"), "x").kind,
                 NatsErrorKind::NotConnected);
    }

    // Whoever waits on open() may drop the connection right there, and a slot of its state
    // signal may too: the connection must not touch itself afterwards (ASan catches it).
    void connectionFreedByItsOwnContinuationOrSlotIsSafe()
    {
        QObject context;
        auto *byContinuation = new NatsConnection;
        const QPointer<NatsConnection> first(byContinuation);
        byContinuation->open(optionsFor(*m_server))
            .then(&context, [byContinuation](const NatsError &) { delete byContinuation; });
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 10000);

        auto *bySlot = new NatsConnection;
        const QPointer<NatsConnection> second(bySlot);
        connect(bySlot, &NatsConnection::stateChanged, &context,
                [bySlot](NatsConnection::State state) {
                    if (state == NatsConnection::State::Connected)
                        delete bySlot;
                });
        bySlot->open(optionsFor(*m_server));
        QTRY_VERIFY_WITH_TIMEOUT(second.isNull(), 10000);

        // A request whose completion drops the connection.
        auto *byReply = new NatsConnection;
        const QPointer<NatsConnection> third(byReply);
        QVERIFY(open(*byReply, optionsFor(*m_server)));
        byReply->request(QStringLiteral("nobody.listens.here"), "x", {}, 50,
                         [byReply](const RequestResult &) { delete byReply; });
        QTRY_VERIFY_WITH_TIMEOUT(third.isNull(), 10000);
    }

    void openWithoutServerFails()
    {
        NatsServerProcess gone;
        QVERIFY(gone.start());
        const ConnectionOptions options = optionsFor(gone);
        gone.stop();

        NatsConnection connection;
        const QFuture<NatsError> opened = connection.open(options);
        QVERIFY(waitFor(opened));
        QCOMPARE(opened.result().kind, NatsErrorKind::NotConnected);
        QCOMPARE(connection.state(), NatsConnection::State::Disconnected);
    }

    void messagesArriveOnTheContextThreadInBatches()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));

        HeldWorker worker;
        Collector onWorker;
        Collector onMain;
        auto workerSubscription =
            connection.subscribe(QStringLiteral("batch.x"), worker.context, onWorker.handler());
        auto mainSubscription =
            connection.subscribe(QStringLiteral("batch.x"), this, onMain.handler());
        QVERIFY(workerSubscription && mainSubscription);
        QVERIFY(flushed(connection));

        // Hold the worker's event loop so deliveries pile up behind one queued drain.
        worker.hold();
        constexpr int count = 2000;
        for (int i = 0; i < count; ++i)
            QVERIFY(
                !connection.publish(QStringLiteral("batch.x"), QByteArray::number(i)).isError());
        QTRY_COMPARE_WITH_TIMEOUT(onMain.messages.size(), count, kWaitMs);
        worker.release.release();

        QTRY_COMPARE_WITH_TIMEOUT(onWorker.messages.size(), count, kWaitMs);
        for (int i = 0; i < count; ++i)
            QCOMPARE(onWorker.messages.at(i).data, QByteArray::number(i));
        QVERIFY(onWorker.batchSizes.size() < count);
        QVERIFY(*std::max_element(onWorker.batchSizes.begin(), onWorker.batchSizes.end()) > 1);
        for (QThread *thread : onWorker.threads)
            QCOMPARE(thread, &worker.thread);
        for (QThread *thread : onMain.threads)
            QCOMPARE(thread, QThread::currentThread());

        workerSubscription.reset();
    }

    void handlerBehindAFloodDropsAndCounts()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        HeldWorker worker;
        Collector onWorker;
        auto subscription =
            connection.subscribe(QStringLiteral("flood.x"), worker.context, onWorker.handler());
        QVERIFY(subscription);
        QVERIFY(flushed(connection));

        // The held handler's bounded queue takes the oldest 65,536; the rest is dropped and
        // counted on the subscription and on the connection, never queued without end.
        worker.hold();
        constexpr int queueBound = 65536;
        constexpr int beyond = 1000;
        for (int i = 0; i < queueBound + beyond; ++i)
            QVERIFY(
                !connection.publish(QStringLiteral("flood.x"), QByteArray::number(i)).isError());
        QTRY_COMPARE_WITH_TIMEOUT(connection.droppedMessages(), quint64(beyond), kWaitMs);
        QCOMPARE(subscription->dropped(), quint64(beyond));
        worker.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(onWorker.messages.size(), queueBound, kWaitMs);
        QCOMPARE(onWorker.messages.last().data, QByteArray::number(queueBound - 1));
        subscription.reset();
    }

    void headersRoundTrip()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        Collector received;
        auto subscription =
            connection.subscribe(QStringLiteral("headers.x"), this, received.handler());
        QVERIFY(flushed(connection));
        QVERIFY(!connection
                     .publish(QStringLiteral("headers.x"), "body",
                              {{"Nats-Msg-Id", "m-1"}, {"X-Two", "a"}, {"X-Two", "b"}},
                              QStringLiteral("reply.to"))
                     .isError());
        QTRY_COMPARE_WITH_TIMEOUT(received.messages.size(), 1, kWaitMs);
        const NatsMessage &message = received.messages.first();
        QCOMPARE(message.data, QByteArray("body"));
        QCOMPARE(message.reply, QStringLiteral("reply.to"));
        QCOMPARE(message.status, 0);
        QCOMPARE(message.header("nats-msg-id"), std::optional<QByteArray>("m-1"));
        QCOMPARE(message.header("X-Two"), std::optional<QByteArray>("a"));
        QCOMPARE(message.headers.size(), 3);
    }

    void queueGroupDeliversEachMessageToOneMember()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        Collector first;
        Collector second;
        auto a = connection.subscribe(QStringLiteral("work.x"), this, first.handler(),
                                      QStringLiteral("workers"));
        auto b = connection.subscribe(QStringLiteral("work.x"), this, second.handler(),
                                      QStringLiteral("workers"));
        QVERIFY(a && b);
        QVERIFY(flushed(connection));
        constexpr int count = 200;
        for (int i = 0; i < count; ++i)
            connection.publish(QStringLiteral("work.x"), QByteArray::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(first.messages.size() + second.messages.size(), count, kWaitMs);
        // One more round trip: nothing arrives twice.
        QVERIFY(flushed(connection));
        QCoreApplication::processEvents();
        QCOMPARE(first.messages.size() + second.messages.size(), count);
        QSet<QByteArray> seen;
        for (const NatsMessage &message : first.messages + second.messages)
            seen.insert(message.data);
        QCOMPARE(seen.size(), count);
    }

    void requestGetsTheReply()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        auto responder = connection.subscribe(
            QStringLiteral("echo.upper"), this, [&connection](const QList<NatsMessage> &batch) {
                for (const NatsMessage &request : batch)
                    connection.publish(request.reply, request.data.toUpper());
            });
        QVERIFY(flushed(connection));

        const QFuture<RequestResult> reply =
            connection.request(QStringLiteral("echo.upper"), "hello", {}, 5000);
        QVERIFY(waitFor(reply));
        QVERIFY2(reply.result().ok(), qPrintable(reply.result().error.describe()));
        QCOMPARE(reply.result().reply.data, QByteArray("HELLO"));

        // Many concurrent requests share the one reply subscription.
        QList<QFuture<RequestResult>> replies;
        for (int i = 0; i < 50; ++i)
            replies.append(connection.request(QStringLiteral("echo.upper"),
                                              "r" + QByteArray::number(i), {}, 5000));
        for (int i = 0; i < replies.size(); ++i) {
            QVERIFY(waitFor(replies.at(i)));
            QCOMPARE(replies.at(i).result().reply.data, "R" + QByteArray::number(i));
        }
    }

    void noRespondersIsNotATimeout()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        const QFuture<RequestResult> nobody =
            connection.request(QStringLiteral("nobody.listens"), "x", {}, 10000);
        QVERIFY(waitFor(nobody));
        QCOMPARE(nobody.result().error.kind, NatsErrorKind::NoResponders);
        QCOMPARE(nobody.result().error.subject, QStringLiteral("nobody.listens"));
    }

    void silentResponderTimesOut()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        Collector silent;
        auto subscription =
            connection.subscribe(QStringLiteral("silent.x"), this, silent.handler());
        QVERIFY(flushed(connection));
        const QFuture<RequestResult> reply =
            connection.request(QStringLiteral("silent.x"), "x", {}, 300);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply.result().error.kind, NatsErrorKind::Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(silent.messages.size(), 1, kWaitMs);
    }

    void replyInboxesCarryTheInstancePrefix()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server, QStringLiteral("agent42"))));
        QCOMPARE(connection.inboxPrefix(), QStringLiteral("_INBOX_agent42"));
        QVERIFY(connection.newInbox().startsWith(QLatin1String("_INBOX_agent42.")));
        QVERIFY(connection.newInbox() != connection.newInbox());

        QString seenReply;
        auto responder =
            connection.subscribe(QStringLiteral("who.asks"), this,
                                 [&connection, &seenReply](const QList<NatsMessage> &batch) {
                                     seenReply = batch.first().reply;
                                     connection.publish(batch.first().reply, "ok");
                                 });
        QVERIFY(flushed(connection));
        const QFuture<RequestResult> reply = connection.request(QStringLiteral("who.asks"), "x");
        QVERIFY(waitFor(reply));
        QVERIFY(reply.result().ok());
        QVERIFY2(seenReply.startsWith(QLatin1String("_INBOX_agent42.")), qPrintable(seenReply));
    }

    void requestOnUsesExactlyTheGivenReplySubject()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        const QString request = QStringLiteral("cotal.demo.ctl.delivery.me");
        const QString replySubject = request + QStringLiteral(".reply.") +
                                     QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString seenReply;
        auto responder = connection.subscribe(
            request, this, [&connection, &seenReply](const QList<NatsMessage> &batch) {
                seenReply = batch.first().reply;
                connection.publish(batch.first().reply, "{\"ok\":true}");
            });
        QVERIFY(flushed(connection));
        const QFuture<RequestResult> reply =
            connection.requestOn(replySubject, request, "{}", 5000);
        QVERIFY(waitFor(reply));
        QVERIFY2(reply.result().ok(), qPrintable(reply.result().error.describe()));
        QCOMPARE(seenReply, replySubject);
        QCOMPARE(reply.result().reply.subject, replySubject);
        QCOMPARE(reply.result().reply.data, QByteArray("{\"ok\":true}"));

        const QFuture<RequestResult> nobody = connection.requestOn(
            replySubject + QStringLiteral("2"), QStringLiteral("cotal.demo.ctl.none.me"), "{}");
        QVERIFY(waitFor(nobody));
        QCOMPARE(nobody.result().error.kind, NatsErrorKind::NoResponders);
    }

    void destroyedSubscriptionNeverCallsItsHandler()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        int calls = 0;
        auto doomed = connection.subscribe(QStringLiteral("doomed.x"), this,
                                           [&calls](const QList<NatsMessage> &) { ++calls; });
        Collector marker;
        auto witness = connection.subscribe(QStringLiteral("marker.x"), this, marker.handler());
        QVERIFY(flushed(connection));

        for (int i = 0; i < 100; ++i)
            connection.publish(QStringLiteral("doomed.x"), "x");
        // Block this thread until the server echoed everything: the deliveries are queued here.
        QFuture<NatsError> flush = connection.flush();
        flush.waitForFinished();
        QVERIFY(!flush.result().isError());
        doomed.reset();

        // The marker's drain is queued after any drain for the doomed subscription.
        connection.publish(QStringLiteral("marker.x"), "m");
        QTRY_COMPARE_WITH_TIMEOUT(marker.messages.size(), 1, kWaitMs);
        QCOMPARE(calls, 0);
    }

    // The client library's reader looks a subscription up and only later locks it, copying the
    // whole payload in between; a subscription freed in that gap took the process down. Large
    // messages arriving without pause keep the reader in that gap while subscriptions end.
    void subscriptionsEndingUnderAFloodAreSafe()
    {
        NatsConnection reader;
        QVERIFY(open(reader, optionsFor(*m_server)));
        NatsConnection flooder;
        QVERIFY(open(flooder, optionsFor(*m_server, QStringLiteral("flooder"))));
        const QString subject = QStringLiteral("flood.big");
        std::atomic<bool> flooding = true;
        std::atomic<int> publishFailures = 0;
        std::thread publisher([&] {
            const QByteArray payload(512 * 1024, 'x');
            while (flooding.load()) {
                if (flooder.publish(subject, payload).isError())
                    ++publishFailures;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });

        constexpr int cycles = 300;
        int ended = 0;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            int received = 0;
            auto subscription =
                reader.subscribe(subject, this, [&received](const QList<NatsMessage> &batch) {
                    received += batch.size();
                });
            if (!subscription || !QTest::qWaitFor([&] { return received > 0; }, kWaitMs))
                break;
            subscription.reset();
            ++ended;
        }
        flooding = false;
        publisher.join();
        QCOMPARE(ended, cycles);
        QCOMPARE(publishFailures.load(), 0);
        QVERIFY(flushed(reader));
    }

    void reconnectsAfterServerRestartAndKeepsSubscriptions()
    {
        NatsServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(server)));
        QSignalSpy states(&connection, &NatsConnection::stateChanged);
        QSignalSpy reconnected(&connection, &NatsConnection::reconnected);
        Collector received;
        auto subscription =
            connection.subscribe(QStringLiteral("survive.x"), this, received.handler());
        QVERIFY(flushed(connection));

        server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), NatsConnection::State::Reconnecting, kWaitMs);
        QVERIFY2(server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), NatsConnection::State::Connected, 60000);
        QCOMPARE(reconnected.size(), 1);
        QCOMPARE(states.at(0).at(0).value<NatsConnection::State>(),
                 NatsConnection::State::Reconnecting);
        QCOMPARE(states.at(1).at(0).value<NatsConnection::State>(),
                 NatsConnection::State::Connected);

        QVERIFY(!connection.publish(QStringLiteral("survive.x"), "again").isError());
        QTRY_COMPARE_WITH_TIMEOUT(received.messages.size(), 1, kWaitMs);
        QCOMPARE(received.messages.first().data, QByteArray("again"));
    }

    void closeFailsPendingRequests()
    {
        NatsConnection connection;
        QVERIFY(open(connection, optionsFor(*m_server)));
        Collector silent;
        auto subscription = connection.subscribe(QStringLiteral("slow.x"), this, silent.handler());
        QVERIFY(flushed(connection));
        const QFuture<RequestResult> reply =
            connection.request(QStringLiteral("slow.x"), "x", {}, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(silent.messages.size(), 1, kWaitMs);
        connection.close();
        QVERIFY(waitFor(reply));
        QCOMPARE(reply.result().error.kind, NatsErrorKind::NotConnected);
    }

    void destroyingTheConnectionFailsPendingRequests()
    {
        auto connection = std::make_unique<NatsConnection>();
        QVERIFY(open(*connection, optionsFor(*m_server)));
        Collector silent;
        auto subscription = connection->subscribe(QStringLiteral("slow.y"), this, silent.handler());
        QVERIFY(flushed(*connection));
        const QFuture<RequestResult> reply =
            connection->request(QStringLiteral("slow.y"), "x", {}, 60000);
        connection.reset();
        QVERIFY(reply.isFinished());
        QCOMPARE(reply.result().error.kind, NatsErrorKind::NotConnected);
    }

    void callbackRequestReportsFailureOnALaterTurn()
    {
        NatsConnection connection;
        bool called = false;
        RequestResult outcome;
        connection.request(QStringLiteral("any.subject"), "x", {}, 1000,
                           [&](const RequestResult &result) {
                               called = true;
                               outcome = result;
                           });
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(called, kWaitMs);
        QCOMPARE(outcome.error.kind, NatsErrorKind::NotConnected);
    }

    void retryOnFailedConnectWaitsForTheServer()
    {
        NatsServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        ConnectionOptions options = optionsFor(server);
        server.stop();
        options.retryOnFailedConnect = true;
        options.reconnectWaitMs = 200;
        options.maxReconnectWaitMs = 1000;

        NatsConnection connection;
        const QFuture<NatsError> opened = connection.open(options);
        QCOMPARE(connection.state(), NatsConnection::State::Connecting);
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(waitFor(opened, 60000));
        QVERIFY2(!opened.result().isError(), qPrintable(opened.result().describe()));
        QCOMPARE(connection.state(), NatsConnection::State::Connected);
        const QFuture<RequestResult> nobody =
            connection.request(QStringLiteral("nobody.here"), "x", {}, 10000);
        QVERIFY(waitFor(nobody));
        QCOMPARE(nobody.result().error.kind, NatsErrorKind::NoResponders);
    }

    void publishPermissionViolationIsTyped()
    {
        QTemporaryDir dir;
        NatsServerProcess server(NatsServerProcess::Options{writeConfig(
            dir, "authorization { users = [ { user: limited, password: secret, permissions: {"
                 " publish: { allow: [\">\"], deny: [\"forbidden.>\"] },"
                 " subscribe: { allow: [\">\"], deny: [\"hidden.>\"] } } } ] }\n")});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        ConnectionOptions options = optionsFor(server);
        options.user = QStringLiteral("limited");
        options.password = QStringLiteral("secret");
        NatsConnection connection;
        QVERIFY(open(connection, options));
        QSignalSpy errors(&connection, &NatsConnection::asyncError);

        QVERIFY(!connection.publish(QStringLiteral("forbidden.x"), "x").isError());
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWaitMs);
        const auto violation = errors.first().first().value<NatsError>();
        QCOMPARE(violation.kind, NatsErrorKind::PermissionDenied);
        QCOMPARE(violation.subject, QStringLiteral("forbidden.x"));
        QCOMPARE(violation.operation, QStringLiteral("publish"));
    }

    void subscribePermissionViolationIsTyped()
    {
        QTemporaryDir dir;
        NatsServerProcess server(NatsServerProcess::Options{writeConfig(
            dir, "authorization { users = [ { user: limited, password: secret, permissions: {"
                 " subscribe: { allow: [\">\"], deny: [\"hidden.>\"] } } } ] }\n")});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server);
        options.user = QStringLiteral("limited");
        options.password = QStringLiteral("secret");
        NatsConnection connection;
        QVERIFY(open(connection, options));
        QSignalSpy errors(&connection, &NatsConnection::asyncError);

        Collector nothing;
        auto subscription =
            connection.subscribe(QStringLiteral("hidden.x"), this, nothing.handler());
        QVERIFY(subscription);
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWaitMs);
        const auto violation = errors.first().first().value<NatsError>();
        QCOMPARE(violation.kind, NatsErrorKind::PermissionDenied);
        QCOMPARE(violation.subject, QStringLiteral("hidden.x"));
        QCOMPARE(violation.operation, QStringLiteral("subscribe"));
    }

    void deniedRequestFailsAsPermissionDenied()
    {
        QTemporaryDir dir;
        NatsServerProcess server(NatsServerProcess::Options{writeConfig(
            dir, "authorization { users = [ { user: limited, password: secret, permissions: {"
                 " publish: { allow: [\">\"], deny: [\"forbidden.>\"] } } } ] }\n")});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server);
        options.user = QStringLiteral("limited");
        options.password = QStringLiteral("secret");
        NatsConnection connection;
        QVERIFY(open(connection, options));
        const QFuture<RequestResult> reply =
            connection.request(QStringLiteral("forbidden.rpc"), "x", {}, 60000);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply.result().error.kind, NatsErrorKind::PermissionDenied);
        QCOMPARE(reply.result().error.subject, QStringLiteral("forbidden.rpc"));
        QCOMPARE(reply.result().error.operation, QStringLiteral("publish"));
    }

    void wrongPasswordIsPermissionDenied()
    {
        QTemporaryDir dir;
        NatsServerProcess server(NatsServerProcess::Options{
            writeConfig(dir, "authorization { user: someone, password: right }\n")});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server);
        options.user = QStringLiteral("someone");
        options.password = QStringLiteral("wrong");
        NatsConnection connection;
        const QFuture<NatsError> opened = connection.open(options);
        QVERIFY(waitFor(opened));
        QCOMPARE(opened.result().kind, NatsErrorKind::PermissionDenied);
        QVERIFY(opened.result().message.contains(QLatin1String("authentication failed")));
    }

    void tokenAuthenticates()
    {
        QTemporaryDir dir;
        NatsServerProcess server(
            NatsServerProcess::Options{writeConfig(dir, "authorization { token: s3cret }\n")});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server);
        options.token = QStringLiteral("s3cret");
        NatsConnection connection;
        QVERIFY(open(connection, options));
    }

    void nkeySeedFileAuthenticates()
    {
        // alice's seed from the reference creds; the server knows only her public key.
        const auto credentials =
            cotal::nats::detail::parseCredentials(readAll(authmesh(QStringLiteral("alice.creds"))));
        QVERIFY(credentials);
        const QString alice = publicKeyOf(QStringLiteral("alice.creds"));
        const auto key = cotal::trust::NKeyPair::fromSeed(credentials->seed);
        QVERIFY(key);
        QCOMPARE(key->publicKey(), alice.toUtf8());

        QTemporaryDir dir;
        NatsServerProcess server(NatsServerProcess::Options{
            writeConfig(dir, "authorization { users = [ { nkey: " + alice.toUtf8() + " } ] }\n")});
        QVERIFY(server.start());
        const QString seedFile = dir.filePath(QStringLiteral("alice.nk"));
        QFile seed(seedFile);
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(credentials->seed + '\n');
        seed.close();

        ConnectionOptions options = optionsFor(server);
        options.nkeySeedFile = seedFile;
        NatsConnection connection;
        QVERIFY(open(connection, options));
    }

    void referenceCredsFileAuthenticates()
    {
        NatsServerProcess server(
            NatsServerProcess::Options{authmesh(QStringLiteral("server.conf.template"))});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        ConnectionOptions options = optionsFor(server, publicKeyOf(QStringLiteral("alice.creds")));
        options.credsFile = authmesh(QStringLiteral("alice.creds"));
        NatsConnection connection;
        QVERIFY(open(connection, options));
        const QFuture<RequestResult> info = connection.request(QStringLiteral("$JS.API.INFO"), {});
        QVERIFY(waitFor(info));
        QVERIFY2(info.result().ok(), qPrintable(info.result().error.describe()));
        QVERIFY(info.result().reply.data.contains("account_info"));
    }

    void referenceCredsTextAuthenticates()
    {
        NatsServerProcess server(
            NatsServerProcess::Options{authmesh(QStringLiteral("server.conf.template"))});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server, publicKeyOf(QStringLiteral("alice.creds")));
        options.credsText = readAll(authmesh(QStringLiteral("alice.creds")));
        NatsConnection connection;
        QVERIFY(open(connection, options));
        const QFuture<RequestResult> info = connection.request(QStringLiteral("$JS.API.INFO"), {});
        QVERIFY(waitFor(info));
        QVERIFY2(info.result().ok(), qPrintable(info.result().error.describe()));
    }

    void referenceCredsWithoutInboxPrefixAreDenied()
    {
        NatsServerProcess server(
            NatsServerProcess::Options{authmesh(QStringLiteral("server.conf.template"))});
        QVERIFY(server.start());
        ConnectionOptions options = optionsFor(server, QString());
        options.credsFile = authmesh(QStringLiteral("alice.creds"));
        NatsConnection connection;
        QVERIFY(open(connection, options));
        QCOMPARE(connection.inboxPrefix(), QStringLiteral("_INBOX"));
        const QFuture<RequestResult> info =
            connection.request(QStringLiteral("$JS.API.INFO"), {}, {}, 60000);
        QVERIFY(waitFor(info));
        QCOMPARE(info.result().error.kind, NatsErrorKind::PermissionDenied);
        QCOMPARE(info.result().error.operation, QStringLiteral("subscribe"));
        QVERIFY(info.result().error.subject.startsWith(QLatin1String("_INBOX.")));
    }

    void referenceServerRefusesAnonymousConnections()
    {
        NatsServerProcess server(
            NatsServerProcess::Options{authmesh(QStringLiteral("server.conf.template"))});
        QVERIFY(server.start());
        NatsConnection connection;
        const QFuture<NatsError> opened = connection.open(optionsFor(server));
        QVERIFY(waitFor(opened));
        QCOMPARE(opened.result().kind, NatsErrorKind::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestNatsConnection)
#include "tst_natsconnection.moc"
