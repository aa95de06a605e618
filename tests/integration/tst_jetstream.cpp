#include "core/nats/jetstream.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using cotal::nats::ApiResult;
using cotal::nats::ConnectionOptions;
using cotal::nats::JetStream;
using cotal::nats::JsMessage;
using cotal::nats::JsMetadata;
using cotal::nats::JsPublisher;
using cotal::nats::NatsConnection;
using cotal::nats::NatsError;
using cotal::nats::NatsErrorKind;
using cotal::nats::NatsException;
using cotal::nats::NatsMessage;
using cotal::nats::PubAck;
using cotal::nats::PullConsumer;
using cotal::testing::NatsServerProcess;

namespace {

constexpr int kWaitMs = 20000;
constexpr qint64 kSecondNs = 1'000'000'000;

template<typename T> bool waitFor(const QFuture<T> &future, int timeoutMs = kWaitMs)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

QJsonObject fixtureRequest(const QString &what)
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/js-api-requests.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray requests =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("requests")).toArray();
    for (const QJsonValue &request : requests) {
        if (request[QLatin1String("what")].toString().startsWith(what))
            return request.toObject();
    }
    return {};
}

QByteArray streamConfig(const QString &name, const QString &subjects)
{
    return QStringLiteral("{\"name\":\"%1\",\"subjects\":[\"%2\"],\"storage\":\"file\","
                          "\"num_replicas\":1}")
        .arg(name, subjects)
        .toUtf8();
}

QByteArray consumerConfig(const QString &durable, const QString &filter, qint64 ackWaitNs,
                          const QByteArray &extra = {})
{
    return QStringLiteral("{\"durable_name\":\"%1\",\"filter_subject\":\"%2\",\"ack_policy\":"
                          "\"explicit\",\"ack_wait\":%3,\"deliver_policy\":\"all\"")
               .arg(durable, filter)
               .arg(ackWaitNs)
               .toUtf8() +
           extra + '}';
}

} // namespace

class TestJetStream : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NatsServerProcess> m_server;
    std::unique_ptr<NatsConnection> m_connection;
    int m_serial = 0;

    bool connect(NatsConnection &connection, const NatsServerProcess &server)
    {
        ConnectionOptions options;
        options.servers = {server.url()};
        options.inboxId = QStringLiteral("jstest");
        const QFuture<NatsError> opened = connection.open(options);
        return waitFor(opened) && !opened.result().isError();
    }

    JetStream js() const { return JetStream(m_connection.get()); }

    // A fresh stream per test: <NAME>_<n> on subjects <name>_<n>.>.
    QString newStream(const JetStream &jetStream, const QString &base)
    {
        const QString name = QStringLiteral("%1_%2").arg(base).arg(++m_serial);
        const QFuture<ApiResult> created =
            jetStream.createStream(name, streamConfig(name, name.toLower() + QStringLiteral(".>")));
        if (!waitFor(created) || !created.result().ok()) {
            qWarning() << "stream create failed" << created.result().error.describe();
            return {};
        }
        return name;
    }

    static PubAck publish(const JetStream &jetStream, const QString &subject,
                          const QByteArray &data, const NatsConnection::Headers &headers = {})
    {
        const QFuture<PubAck> ack = jetStream.publish(subject, data, headers);
        if (!waitFor(ack)) {
            PubAck failed;
            failed.error.kind = NatsErrorKind::Timeout;
            return failed;
        }
        return ack.result();
    }

    static ApiResult result(const QFuture<ApiResult> &future)
    {
        if (!waitFor(future)) {
            ApiResult failed;
            failed.error.kind = NatsErrorKind::Timeout;
            return failed;
        }
        return future.result();
    }

    static QList<JsMessage> fetch(const JetStream &jetStream, const QString &stream,
                                  const QString &consumer, int batch, int expiresMs = 1000)
    {
        const auto fetched = PullConsumer::fetch(jetStream, stream, consumer, batch, expiresMs);
        if (!waitFor(fetched))
            return {};
        return fetched.result();
    }

    int consumerCount(const QString &stream, const QString &consumer, const char *field)
    {
        return int(result(js().consumerInfo(stream, consumer))
                       .body.value(QLatin1String(field))
                       .toInteger(-1));
    }

    // A stream with `count` messages and an explicit-ack durable on it.
    bool prepare(const QString &base, int count, QString *stream, QString *consumer,
                 qint64 ackWaitNs = 30 * kSecondNs)
    {
        *stream = newStream(js(), base);
        *consumer = QStringLiteral("worker");
        const QString filter = stream->toLower() + QStringLiteral(".>");
        if (!result(js().createConsumer(*stream, *consumer, filter,
                                        consumerConfig(*consumer, filter, ackWaitNs)))
                 .ok())
            return false;
        for (int i = 0; i < count; ++i) {
            if (!publish(js(), stream->toLower() + QStringLiteral(".m"), QByteArray::number(i))
                     .ok())
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<NatsServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_connection = std::make_unique<NatsConnection>();
        QVERIFY(connect(*m_connection, *m_server));
    }

    void cleanupTestCase() { m_connection.reset(); }

    void metadataFromReplySubject_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("stream");
        QTest::addColumn<QString>("consumer");
        QTest::addColumn<quint64>("delivered");
        QTest::addColumn<quint64>("streamSequence");
        QTest::addColumn<quint64>("consumerSequence");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<quint64>("pending");

        QTest::newRow("v1") << QStringLiteral("$JS.ACK.DM_demo.dm_U1.2.17.5.1795769838123456789.3")
                            << true << "DM_demo"
                            << "dm_U1" << 2ull << 17ull << 5ull << 1795769838123456789ll << 3ull;
        QTest::newRow("v2 without domain")
            << QStringLiteral(
                   "$JS.ACK._.ACCHASH.CHAT_demo.fanout.1.42.40.1795769838000000000.0.rAnDoM")
            << true << "CHAT_demo"
            << "fanout" << 1ull << 42ull << 40ull << 1795769838000000000ll << 0ull;
        QTest::newRow("v2 with domain and extra tokens")
            << QStringLiteral("$JS.ACK.hub.ACCHASH.S.c.3.9.8.7.6.tok.future") << true << "S"
            << "c" << 3ull << 9ull << 8ull << 7ll << 6ull;
        QTest::newRow("not an ack subject")
            << QStringLiteral("$JS.NAK.S.c.1.2.3.4.5") << false << ""
            << "" << 0ull << 0ull << 0ull << 0ll << 0ull;
        QTest::newRow("too few tokens") << QStringLiteral("$JS.ACK.S.c.1.2.3.4") << false << ""
                                        << "" << 0ull << 0ull << 0ull << 0ll << 0ull;
        QTest::newRow("between v1 and v2")
            << QStringLiteral("$JS.ACK.a.S.c.1.2.3.4.5.6") << false << ""
            << "" << 0ull << 0ull << 0ull << 0ll << 0ull;
        QTest::newRow("non-numeric sequence")
            << QStringLiteral("$JS.ACK.S.c.1.x.3.4.5") << false << ""
            << "" << 0ull << 0ull << 0ull << 0ll << 0ull;
        QTest::newRow("inbox") << QStringLiteral("_INBOX_x.abc.1") << false << ""
                               << "" << 0ull << 0ull << 0ull << 0ll << 0ull;
    }

    void metadataFromReplySubject()
    {
        QFETCH(QString, reply);
        QFETCH(bool, valid);
        const auto metadata = JsMetadata::fromReplySubject(reply);
        QCOMPARE(metadata.has_value(), valid);
        if (!valid)
            return;
        QTEST(metadata->stream, "stream");
        QTEST(metadata->consumer, "consumer");
        QTEST(metadata->delivered, "delivered");
        QTEST(metadata->streamSequence, "streamSequence");
        QTEST(metadata->consumerSequence, "consumerSequence");
        QTEST(metadata->timestampNs, "timestamp");
        QTEST(metadata->pending, "pending");
    }

    void createsAStreamAndReadsItsInfo()
    {
        const QString stream = newStream(js(), QStringLiteral("ORDERS"));
        QVERIFY(!stream.isEmpty());
        const ApiResult info = result(js().streamInfo(stream));
        QVERIFY2(info.ok(), qPrintable(info.error.describe()));
        const QJsonObject config = info.body.value(QLatin1String("config")).toObject();
        QCOMPARE(config.value(QLatin1String("name")).toString(), stream);
        QCOMPARE(config.value(QLatin1String("storage")).toString(), QStringLiteral("file"));

        const ApiResult names = result(js().streamNames(stream.toLower() + QStringLiteral(".x")));
        QVERIFY(names.ok());
        QCOMPARE(names.body.value(QLatin1String("streams")).toArray(), QJsonArray{stream});
    }

    void recreatingAStreamDifferentlyIsAlreadyExists()
    {
        const QString stream = newStream(js(), QStringLiteral("TWICE"));
        const ApiResult again =
            result(js().createStream(stream, streamConfig(stream, QStringLiteral("other.>"))));
        QCOMPARE(again.error.kind, NatsErrorKind::AlreadyExists);
        QCOMPARE(again.error.apiErrorCode, 10058);
    }

    void missingStreamIsNotFound()
    {
        const ApiResult info = result(js().streamInfo(QStringLiteral("NO_SUCH_STREAM")));
        QCOMPARE(info.error.kind, NatsErrorKind::NotFound);
        QCOMPARE(info.error.apiErrorCode, 10059);
        QCOMPARE(info.error.apiCode, 404);
    }

    void publishWithTheSameMsgIdIsADuplicate()
    {
        const QString stream = newStream(js(), QStringLiteral("DEDUP"));
        const QString subject = stream.toLower() + QStringLiteral(".x");
        const PubAck first = publish(js(), subject, "one", {{"Nats-Msg-Id", "id-1"}});
        QVERIFY2(first.ok(), qPrintable(first.error.describe()));
        QCOMPARE(first.stream, stream);
        QCOMPARE(first.sequence, 1ull);
        QVERIFY(!first.duplicate);

        const PubAck second = publish(js(), subject, "one again", {{"Nats-Msg-Id", "id-1"}});
        QVERIFY(second.ok());
        QVERIFY(second.duplicate);
        QCOMPARE(second.sequence, 1ull);
    }

    void publishWithAStaleExpectedSequenceIsAConflict()
    {
        const QString stream = newStream(js(), QStringLiteral("CAS"));
        const QString subject = stream.toLower() + QStringLiteral(".key");
        QVERIFY(publish(js(), subject, "v1", {{"Nats-Expected-Last-Subject-Sequence", "0"}}).ok());
        const PubAck stale =
            publish(js(), subject, "v2", {{"Nats-Expected-Last-Subject-Sequence", "0"}});
        QCOMPARE(stale.error.kind, NatsErrorKind::RevisionConflict);
        QCOMPARE(stale.error.apiErrorCode, 10071);
    }

    void publishWithoutAStreamIsNoResponders()
    {
        const PubAck ack = publish(js(), QStringLiteral("no.stream.here"), "x");
        QCOMPARE(ack.error.kind, NatsErrorKind::NoResponders);
    }

    void messagesAreReadBackBySequenceAndSubject()
    {
        const QString stream = newStream(js(), QStringLiteral("READ"));
        const QString subject = stream.toLower() + QStringLiteral(".k");
        QVERIFY(publish(js(), subject, "first").ok());
        QVERIFY(publish(js(), subject, "second").ok());

        const ApiResult bySequence = result(js().getMessage(stream, 1));
        QVERIFY2(bySequence.ok(), qPrintable(bySequence.error.describe()));
        const QJsonObject message = bySequence.body.value(QLatin1String("message")).toObject();
        QCOMPARE(QByteArray::fromBase64(message.value(QLatin1String("data")).toString().toLatin1()),
                 QByteArray("first"));

        const ApiResult last = result(js().getLastMessage(stream, subject));
        QVERIFY(last.ok());
        QCOMPARE(last.body.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("seq"))
                     .toInteger(),
                 qint64(2));

        const ApiResult missing =
            result(js().getLastMessage(stream, stream.toLower() + QStringLiteral(".none")));
        QCOMPARE(missing.error.kind, NatsErrorKind::NotFound);
    }

    void requestsCarryTheReferenceSubjectsAndBodies()
    {
        // A plain subscriber on the API subjects sees exactly what was sent.
        QList<NatsMessage> seen;
        auto spy =
            m_connection->subscribe(QStringLiteral("$JS.API.>"), this,
                                    [&seen](const QList<NatsMessage> &batch) { seen += batch; });
        QVERIFY(waitFor(m_connection->flush()));

        const QJsonObject fanout = fixtureRequest(QStringLiteral("fanout durable create"));
        const QByteArray raw = fanout.value(QLatin1String("raw")).toString().toUtf8();
        const qsizetype configStart = raw.indexOf(':') + 1;
        const QByteArray config =
            raw.mid(configStart, raw.indexOf(",\"stream_name\"") - configStart);
        result(js().createConsumer(QStringLiteral("CHAT_demo"), QStringLiteral("fanout"),
                                   QStringLiteral("cotal.demo.chat.>"), config));

        const QJsonObject kvGet = fixtureRequest(QStringLiteral("KV get on a bound bucket"));
        result(js().getLastMessage(
            QStringLiteral("KV_cotal_acl_demo"),
            QStringLiteral(
                "$KV.cotal_acl_demo.UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW")));

        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 2, kWaitMs);
        QCOMPARE(seen.at(0).subject, fanout.value(QLatin1String("subject")).toString());
        QCOMPARE(seen.at(0).data, raw);
        QVERIFY(seen.at(0).reply.startsWith(QLatin1String("_INBOX_jstest.")));
        QCOMPARE(seen.at(1).subject, kvGet.value(QLatin1String("subject")).toString());
        QCOMPARE(seen.at(1).data, kvGet.value(QLatin1String("raw")).toString().toUtf8());
    }

    void namedConsumerIsCreatedAndDescribed()
    {
        const QString stream = newStream(js(), QStringLiteral("NAMED"));
        const QString filter = stream.toLower() + QStringLiteral(".>");
        const QByteArray config = consumerConfig(QStringLiteral("worker"), filter, 30 * kSecondNs);
        const ApiResult created =
            result(js().createConsumer(stream, QStringLiteral("worker"), filter, config));
        QVERIFY2(created.ok(), qPrintable(created.error.describe()));
        QCOMPARE(created.body.value(QLatin1String("name")).toString(), QStringLiteral("worker"));
        // An identical create is idempotent.
        QVERIFY(result(js().createConsumer(stream, QStringLiteral("worker"), filter, config)).ok());

        const ApiResult info = result(js().consumerInfo(stream, QStringLiteral("worker")));
        QVERIFY(info.ok());
        QCOMPARE(info.body.value(QLatin1String("config"))
                     .toObject()
                     .value(QLatin1String("filter_subject"))
                     .toString(),
                 filter);

        QVERIFY(result(js().deleteConsumer(stream, QStringLiteral("worker"))).ok());
        QCOMPARE(result(js().consumerInfo(stream, QStringLiteral("worker"))).error.kind,
                 NatsErrorKind::NotFound);
    }

    void fetchThenAckClearsPending()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("ACK"), 3, &stream, &consumer));
        const QList<JsMessage> messages = fetch(js(), stream, consumer, 3);
        QCOMPARE(messages.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const JsMetadata &metadata = messages.at(i).metadata();
            QCOMPARE(metadata.stream, stream);
            QCOMPARE(metadata.consumer, consumer);
            QCOMPARE(metadata.delivered, 1ull);
            QCOMPARE(metadata.streamSequence, quint64(i + 1));
            QCOMPARE(messages.at(i).message().data, QByteArray::number(i));
        }
        QCOMPARE(consumerCount(stream, consumer, "num_ack_pending"), 3);
        QVERIFY(!messages.at(0).ack().isError());
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_ack_pending"), 2, kWaitMs);
        QVERIFY(!messages.at(1).ack().isError());
        QVERIFY(!messages.at(2).ack().isError());
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_ack_pending"), 0, kWaitMs);
        QVERIFY(fetch(js(), stream, consumer, 1, 300).isEmpty());
    }

    void nakRedeliversAtOnce()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("NAK"), 1, &stream, &consumer));
        const QList<JsMessage> first = fetch(js(), stream, consumer, 1);
        QCOMPARE(first.size(), 1);
        QVERIFY(!first.first().nak().isError());
        const QList<JsMessage> again = fetch(js(), stream, consumer, 1, 5000);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().metadata().streamSequence, 1ull);
        QCOMPARE(again.first().metadata().delivered, 2ull);
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_redelivered"), 1, kWaitMs);
        QVERIFY(!again.first().ack().isError());
    }

    void nakWithDelayHoldsTheMessageBack()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("NAKDELAY"), 1, &stream, &consumer));
        QList<NatsMessage> acks;
        auto spy = m_connection->subscribe(
            QStringLiteral("$JS.ACK.") + stream + QStringLiteral(".>"), this,
            [&acks](const QList<NatsMessage> &batch) { acks += batch; });
        QVERIFY(waitFor(m_connection->flush()));

        const QList<JsMessage> first = fetch(js(), stream, consumer, 1);
        QCOMPARE(first.size(), 1);
        QVERIFY(!first.first().nak(60000).isError());
        QTRY_COMPARE_WITH_TIMEOUT(acks.size(), 1, kWaitMs);
        QCOMPARE(acks.first().data, QByteArray("-NAK {\"delay\":60000000000}"));
        // Held back for a minute: a fetch now finds nothing, the message stays pending.
        QVERIFY(fetch(js(), stream, consumer, 1, 1000).isEmpty());
        QCOMPARE(consumerCount(stream, consumer, "num_ack_pending"), 1);
    }

    void termStopsRedelivery()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("TERM"), 1, &stream, &consumer, kSecondNs));
        const QList<JsMessage> first = fetch(js(), stream, consumer, 1);
        QCOMPARE(first.size(), 1);
        QVERIFY(!first.first().term().isError());
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_ack_pending"), 0, kWaitMs);
        // Well past the 1 s ack wait: a terminated message never comes back.
        QVERIFY(fetch(js(), stream, consumer, 1, 2500).isEmpty());
        QCOMPARE(consumerCount(stream, consumer, "num_redelivered"), 0);
    }

    void unackedMessageIsRedeliveredAfterAckWait()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("AGAIN"), 1, &stream, &consumer, kSecondNs));
        QCOMPARE(fetch(js(), stream, consumer, 1).size(), 1);
        const QList<JsMessage> again = fetch(js(), stream, consumer, 1, 10000);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().metadata().delivered, 2ull);
    }

    void inProgressKeepsTheMessageFromRedelivery()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("WPI"), 1, &stream, &consumer, 4 * kSecondNs));
        const QList<JsMessage> first = fetch(js(), stream, consumer, 1);
        QCOMPARE(first.size(), 1);
        // Keep working for twice the ack wait, reporting progress every half second.
        QElapsedTimer working;
        working.start();
        while (working.elapsed() < 8000) {
            QVERIFY(!first.first().inProgress().isError());
            QTest::qWait(500);
        }
        QCOMPARE(consumerCount(stream, consumer, "num_redelivered"), 0);
        QCOMPARE(consumerCount(stream, consumer, "num_ack_pending"), 1);
        QVERIFY(!first.first().ack().isError());
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_ack_pending"), 0, kWaitMs);
    }

    void fetchRefusedByTheServerFails()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("MAXBATCH"), 0, &stream, &consumer));
        const QString filter = stream.toLower() + QStringLiteral(".>");
        QVERIFY(result(js().createConsumer(stream, QStringLiteral("small"), filter,
                                           consumerConfig(QStringLiteral("small"), filter,
                                                          30 * kSecondNs, ",\"max_batch\":1")))
                    .ok());
        auto fetched = PullConsumer::fetch(js(), stream, QStringLiteral("small"), 5, 1000);
        NatsError failure;
        auto handled = fetched.onFailed([&failure](const NatsException &exception) {
            failure = exception.error();
            return QList<JsMessage>();
        });
        QVERIFY(waitFor(handled));
        QCOMPARE(failure.kind, NatsErrorKind::JetStreamApi);
        QCOMPARE(failure.apiCode, 409);
    }

    void pullConsumerDeliversEverything()
    {
        QString stream, consumer;
        QVERIFY(prepare(QStringLiteral("PULL"), 10, &stream, &consumer));
        QList<quint64> sequences;
        PullConsumer pull(
            js(), stream, consumer,
            [&sequences](const QList<JsMessage> &batch) {
                for (const JsMessage &message : batch) {
                    sequences.append(message.metadata().streamSequence);
                    message.ack();
                }
            },
            4, 1000);
        QSignalSpy failures(&pull, &PullConsumer::failed);
        pull.start();
        QTRY_COMPARE_WITH_TIMEOUT(sequences.size(), 10, kWaitMs);
        // An idle pull expires and is renewed; a later publish still arrives.
        QVERIFY(publish(js(), stream.toLower() + QStringLiteral(".m"), "late").ok());
        QTRY_COMPARE_WITH_TIMEOUT(sequences.size(), 11, kWaitMs);
        for (int i = 0; i < sequences.size(); ++i)
            QCOMPARE(sequences.at(i), quint64(i + 1));
        QCOMPARE(failures.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_ack_pending"), 0, kWaitMs);

        pull.stop();
        // Once the last pull has expired on the server, new messages stay in the stream.
        QTRY_COMPARE_WITH_TIMEOUT(consumerCount(stream, consumer, "num_waiting"), 0, kWaitMs);
        QVERIFY(publish(js(), stream.toLower() + QStringLiteral(".m"), "after stop").ok());
        QCOMPARE(consumerCount(stream, consumer, "num_pending"), 1);
    }

    void pullConsumerKeepsDeliveringAcrossAServerRestart()
    {
        NatsServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        NatsConnection connection;
        QVERIFY(connect(connection, server));
        const JetStream jetStream(&connection);
        QVERIFY(result(jetStream.createStream(
                           QStringLiteral("DURABLE"),
                           streamConfig(QStringLiteral("DURABLE"), QStringLiteral("durable.>"))))
                    .ok());
        QVERIFY(result(jetStream.createConsumer(QStringLiteral("DURABLE"), QStringLiteral("keeper"),
                                                QStringLiteral("durable.>"),
                                                consumerConfig(QStringLiteral("keeper"),
                                                               QStringLiteral("durable.>"),
                                                               30 * kSecondNs)))
                    .ok());

        QList<QByteArray> received;
        PullConsumer pull(
            jetStream, QStringLiteral("DURABLE"), QStringLiteral("keeper"),
            [&received](const QList<JsMessage> &batch) {
                for (const JsMessage &message : batch) {
                    received.append(message.message().data);
                    message.ack();
                }
            },
            16, 1000);
        pull.start();
        QVERIFY(publish(jetStream, QStringLiteral("durable.a"), "before").ok());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);

        server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), NatsConnection::State::Reconnecting, kWaitMs);
        QVERIFY2(server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), NatsConnection::State::Connected, 60000);

        // JetStream recovers the stream from the store shortly after the server listens.
        QVERIFY(QTest::qWaitFor(
            [&] { return publish(jetStream, QStringLiteral("durable.b"), "after").ok(); }, 60000));
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("after"), 60000);
        QCOMPARE(received.first(), QByteArray("before"));
    }

    void publisherBoundsMessagesInFlight()
    {
        const QString stream = newStream(js(), QStringLiteral("BULK"));
        JsPublisher publisher(js(), 8);
        QSignalSpy idle(&publisher, &JsPublisher::idle);
        QList<QFuture<PubAck>> acks;
        constexpr int count = 500;
        for (int i = 0; i < count; ++i)
            acks.append(
                publisher.publish(stream.toLower() + QStringLiteral(".x"), QByteArray::number(i)));
        QCOMPARE(publisher.inFlight(), 8);
        QCOMPARE(publisher.queued(), count - 8);
        QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, kWaitMs);
        QCOMPARE(publisher.inFlight(), 0);
        for (int i = 0; i < count; ++i) {
            QVERIFY(acks.at(i).isFinished());
            QVERIFY(acks.at(i).result().ok());
            QCOMPARE(acks.at(i).result().sequence, quint64(i + 1));
        }
    }
};

QTEST_GUILESS_MAIN(TestJetStream)
#include "tst_jetstream.moc"
