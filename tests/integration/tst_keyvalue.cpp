#include "core/nats/keyvalue.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using cotal::nats::ApiResult;
using cotal::nats::ConnectionOptions;
using cotal::nats::JetStream;
using cotal::nats::KeyValue;
using cotal::nats::KvEntry;
using cotal::nats::KvResult;
using cotal::nats::KvWatcher;
using cotal::nats::NatsConnection;
using cotal::nats::NatsError;
using cotal::nats::NatsErrorKind;
using cotal::testing::NatsServerProcess;

namespace {

constexpr int kWaitMs = 30000;

// Waits (spinning the event loop) for a future; a hang or cancellation becomes an error value.
template<typename T> T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, kWaitMs)) {
        T value;
        value.error.kind = NatsErrorKind::Timeout;
        value.error.message = QStringLiteral("future did not finish");
        return value;
    }
    if (future.isCanceled() || future.resultCount() == 0) {
        T value;
        value.error.kind = NatsErrorKind::NotConnected;
        value.error.message = QStringLiteral("future was cancelled");
        return value;
    }
    return future.result();
}

bool openConnection(NatsConnection &connection, const QString &url, QString *error)
{
    ConnectionOptions options;
    options.servers = {url};
    options.name = QStringLiteral("tst_keyvalue");
    options.inboxId = QStringLiteral("TSTKV");
    options.reconnectWaitMs = 200;
    options.maxReconnectWaitMs = 1000;
    const QFuture<NatsError> opened = connection.open(options);
    if (!QTest::qWaitFor([&] { return opened.isFinished(); }, kWaitMs)) {
        *error = QStringLiteral("open did not finish");
        return false;
    }
    const NatsError result = opened.result();
    *error = result.describe();
    return !result.isError();
}

QJsonObject referenceStreams()
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/streams.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("streams"))
        .toObject();
}

QJsonArray referenceRequests()
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/js-api-requests.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("requests"))
        .toArray();
}

QByteArrayList values(const QList<KvEntry> &entries)
{
    QByteArrayList list;
    for (const KvEntry &entry : entries)
        list.append(entry.value);
    return list;
}

// Every entry a watcher has emitted so far, in order.
QList<KvEntry> collected(const QSignalSpy &spy)
{
    QList<KvEntry> all;
    for (const QList<QVariant> &arguments : spy)
        all += arguments.at(0).value<QList<KvEntry>>();
    return all;
}

} // namespace

// Evaluates `expression` once (QVERIFY2 evaluates its message even when the check passes).
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &result_ = (expression);                                                        \
        QVERIFY2(result_.ok(), qPrintable(result_.error.describe()));                              \
    } while (false)

class TestKeyValue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_connection = std::make_unique<NatsConnection>();
        QVERIFY2(openConnection(*m_connection, m_server.url(), &error), qPrintable(error));
        m_jetStream = std::make_unique<JetStream>(m_connection.get());
    }

    void cleanupTestCase()
    {
        if (m_connection)
            m_connection->close();
    }

    void createdBucketsMatchTheReferenceStreamConfigs_data()
    {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<qint64>("ttlMs");
        QTest::addColumn<int>("history");
        QTest::addColumn<qint64>("maxBytes");
        QTest::newRow("presence, ttl 6 s")
            << QStringLiteral("cotal_presence_demo") << 6000LL << 1 << -1LL;
        QTest::newRow("channels, no options")
            << QStringLiteral("cotal_channels_demo") << 0LL << 1 << -1LL;
        QTest::newRow("members, no options")
            << QStringLiteral("cotal_members_demo") << 0LL << 1 << -1LL;
        QTest::newRow("acl, no options") << QStringLiteral("cotal_acl_demo") << 0LL << 1 << -1LL;
        QTest::newRow("membership, max_bytes 64 MiB")
            << QStringLiteral("cotal_membership_demo") << 0LL << 1 << 67108864LL;
        QTest::newRow("delivery, ttl 30 s")
            << QStringLiteral("cotal_delivery_demo") << 30000LL << 1 << -1LL;
        QTest::newRow("manager, ttl 10 s")
            << QStringLiteral("cotal_manager_demo") << 10000LL << 1 << -1LL;
    }

    void createdBucketsMatchTheReferenceStreamConfigs()
    {
        QFETCH(QString, bucket);
        QFETCH(qint64, ttlMs);
        QFETCH(int, history);
        QFETCH(qint64, maxBytes);
        const QJsonObject reference =
            referenceStreams().value(QStringLiteral("KV_") + bucket).toObject();
        QVERIFY(!reference.isEmpty());

        const KeyValue kv(*m_jetStream, bucket);
        const ApiResult created = await(kv.createBucket(ttlMs, history, maxBytes));
        VERIFY_OK(created);
        const ApiResult info = await(m_jetStream->streamInfo(kv.streamName()));
        VERIFY_OK(info);
        const QJsonObject config = info.body.value(QStringLiteral("config")).toObject();
        // Field for field: the server is the fixture's 2.9.10, so every field it returns counts.
        QCOMPARE(QStringList(config.keys()), QStringList(reference.keys()));
        for (auto it = reference.constBegin(); it != reference.constEnd(); ++it)
            QVERIFY2(config.value(it.key()) == it.value(), qPrintable(it.key()));
    }

    void bucketConfigIsTheReferenceCreateBody()
    {
        QCOMPARE(KeyValue::bucketConfig(QStringLiteral("cotal_presence_demo"), 6000),
                 QByteArray("{\"name\":\"KV_cotal_presence_demo\",\"retention\":\"limits\","
                            "\"max_msgs_per_subject\":1,\"max_bytes\":-1,\"max_msg_size\":-1,"
                            "\"storage\":\"file\",\"subjects\":[\"$KV.cotal_presence_demo.>\"],"
                            "\"discard\":\"new\",\"allow_direct\":true,\"num_replicas\":1,"
                            "\"max_age\":6000000000,\"allow_rollup_hdrs\":true}"));
    }

    void createBucketOpensAnExistingBucketUnchanged()
    {
        const KeyValue kv(*m_jetStream, nextBucket());
        VERIFY_OK(await(kv.createBucket(0, 3)));
        VERIFY_OK(await(kv.put(QStringLiteral("k"), "v")));
        // A different config must neither fail nor reconfigure (the reference opens it).
        const ApiResult reopened = await(kv.createBucket(5000, 1));
        VERIFY_OK(reopened);
        const QJsonObject config = reopened.body.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("max_msgs_per_subject")).toInteger(), 3);
        QCOMPARE(config.value(QStringLiteral("max_age")).toInteger(), 0);
        QCOMPARE(await(kv.get(QStringLiteral("k"))).entry.value, QByteArray("v"));
    }

    void putThenGetReturnsValueRevisionAndTime()
    {
        const KeyValue kv = newBucket();
        const KvResult put = await(kv.put(QStringLiteral("team.backend/UA1"), "{\"a\":1}"));
        VERIFY_OK(put);
        QVERIFY(put.entry.revision > 0);

        const KvResult got = await(kv.get(QStringLiteral("team.backend/UA1")));
        VERIFY_OK(got);
        QCOMPARE(got.entry.bucket, kv.bucket());
        QCOMPARE(got.entry.key, QStringLiteral("team.backend/UA1"));
        QCOMPARE(got.entry.value, QByteArray("{\"a\":1}"));
        QCOMPARE(got.entry.revision, put.entry.revision);
        QCOMPARE(got.entry.operation, KvEntry::Operation::Put);
        QVERIFY(got.entry.created.isValid());
        QVERIFY(got.entry.created.date().year() >= 2024);
    }

    void getOfAMissingKeyIsNotFound()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("other"), "x")));
        const KvResult got = await(kv.get(QStringLiteral("missing")));
        QCOMPARE(got.error.kind, NatsErrorKind::NotFound);
    }

    void invalidKeysAreRejectedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("leading dot") << QStringLiteral(".a");
        QTest::newRow("trailing dot") << QStringLiteral("a.");
        QTest::newRow("wildcard") << QStringLiteral("a.*");
        QTest::newRow("empty") << QString();
    }

    void invalidKeysAreRejectedBeforeAnyRequest()
    {
        QFETCH(QString, key);
        const KeyValue kv(*m_jetStream, QStringLiteral("never_created"));
        QCOMPARE(await(kv.put(key, "x")).error.kind, NatsErrorKind::InvalidArgument);
        QCOMPARE(await(kv.get(key)).error.kind, NatsErrorKind::InvalidArgument);
        QCOMPARE(await(kv.create(key, "x")).error.kind, NatsErrorKind::InvalidArgument);
    }

    void createOnAFreshKeySucceeds()
    {
        const KeyValue kv = newBucket();
        const KvResult created = await(kv.create(QStringLiteral("lease.0"), "holder-a"));
        VERIFY_OK(created);
        QCOMPARE(await(kv.get(QStringLiteral("lease.0"))).entry.revision, created.entry.revision);
    }

    void createOnALiveKeyFailsWithRevisionConflict()
    {
        const KeyValue kv = newBucket();
        const KvResult first = await(kv.create(QStringLiteral("lease.0"), "holder-a"));
        VERIFY_OK(first);
        const KvResult second = await(kv.create(QStringLiteral("lease.0"), "holder-b"));
        QCOMPARE(second.error.kind, NatsErrorKind::RevisionConflict);
        // The conflict carries the live entry that won.
        QCOMPARE(second.entry.revision, first.entry.revision);
        QCOMPARE(second.entry.value, QByteArray("holder-a"));
        QCOMPARE(await(kv.get(QStringLiteral("lease.0"))).entry.value, QByteArray("holder-a"));
    }

    void createOverADeletedOrPurgedKeySucceeds_data()
    {
        QTest::addColumn<bool>("purge");
        QTest::newRow("DEL marker") << false;
        QTest::newRow("PURGE marker") << true;
    }

    void createOverADeletedOrPurgedKeySucceeds()
    {
        QFETCH(bool, purge);
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.create(QStringLiteral("lease.0"), "old holder")));
        const KvResult marker = await(purge ? kv.purge(QStringLiteral("lease.0"))
                                            : kv.remove(QStringLiteral("lease.0")));
        VERIFY_OK(marker);

        const KvResult recreated = await(kv.create(QStringLiteral("lease.0"), "new holder"));
        VERIFY_OK(recreated);
        QVERIFY(recreated.entry.revision > marker.entry.revision);
        const KvResult got = await(kv.get(QStringLiteral("lease.0")));
        QCOMPARE(got.entry.value, QByteArray("new holder"));
        QCOMPARE(got.entry.operation, KvEntry::Operation::Put);
    }

    void updateOnTheReadRevisionSucceedsAndAStaleUpdateFailsWithRevisionConflict()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("acl"), "v1")));
        const KvResult read = await(kv.get(QStringLiteral("acl")));
        VERIFY_OK(read);

        const KvResult updated = await(kv.update(QStringLiteral("acl"), "v2", read.entry.revision));
        VERIFY_OK(updated);
        QVERIFY(updated.entry.revision > read.entry.revision);

        // A second writer still holding the first read loses, typed, and learns the revision
        // that beat it.
        const KvResult stale = await(kv.update(QStringLiteral("acl"), "v3", read.entry.revision));
        QCOMPARE(stale.error.kind, NatsErrorKind::RevisionConflict);
        QCOMPARE(stale.error.apiErrorCode, 10071);
        QCOMPARE(stale.entry.revision, updated.entry.revision);
        QCOMPARE(await(kv.get(QStringLiteral("acl"))).entry.value, QByteArray("v2"));
    }

    void updateWithRevisionZeroIsInvalidArgument()
    {
        const KeyValue kv = newBucket();
        QCOMPARE(await(kv.update(QStringLiteral("k"), "v", 0)).error.kind,
                 NatsErrorKind::InvalidArgument);
    }

    void removeWithoutRevisionWritesADeleteMarker()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("k"), "v")));
        const KvResult removed = await(kv.remove(QStringLiteral("k")));
        VERIFY_OK(removed);
        const KvResult got = await(kv.get(QStringLiteral("k")));
        VERIFY_OK(got);
        QCOMPARE(got.entry.operation, KvEntry::Operation::Delete);
        QVERIFY(!got.entry.isLive());
        QVERIFY(got.entry.value.isEmpty());
        QCOMPARE(got.entry.revision, removed.entry.revision);
    }

    void removeWithRevisionOnlyDeletesThatRevision()
    {
        const KeyValue kv = newBucket();
        const KvResult first = await(kv.put(QStringLiteral("k"), "v1"));
        const KvResult second = await(kv.put(QStringLiteral("k"), "v2"));
        VERIFY_OK(second);

        const KvResult stale = await(kv.remove(QStringLiteral("k"), first.entry.revision));
        QCOMPARE(stale.error.kind, NatsErrorKind::RevisionConflict);
        QVERIFY(await(kv.get(QStringLiteral("k"))).entry.isLive());

        VERIFY_OK(await(kv.remove(QStringLiteral("k"), second.entry.revision)));
        QCOMPARE(await(kv.get(QStringLiteral("k"))).entry.operation, KvEntry::Operation::Delete);
    }

    void purgeDropsTheHistoryAndLeavesAPurgeMarker()
    {
        const KeyValue kv = newBucket(5);
        for (const char *value : {"v1", "v2", "v3"})
            VERIFY_OK(await(kv.put(QStringLiteral("k"), value)));
        const KvResult purged = await(kv.purge(QStringLiteral("k")));
        VERIFY_OK(purged);

        const auto history = await(kv.history(QStringLiteral("k")));
        VERIFY_OK(history);
        QCOMPARE(history.entries.size(), 1);
        QCOMPARE(history.entries.first().operation, KvEntry::Operation::Purge);
        QCOMPARE(history.entries.first().revision, purged.entry.revision);
    }

    void historyKeepsTheConfiguredNumberOfEntries()
    {
        const KeyValue kv = newBucket(3);
        for (const char *value : {"v1", "v2", "v3", "v4", "v5"})
            VERIFY_OK(await(kv.put(QStringLiteral("k"), value)));
        VERIFY_OK(await(kv.put(QStringLiteral("other"), "x")));

        const auto history = await(kv.history(QStringLiteral("k")));
        VERIFY_OK(history);
        QCOMPARE(values(history.entries), (QByteArrayList{"v3", "v4", "v5"}));
        QVERIFY(history.entries.at(0).revision < history.entries.at(1).revision);
        QVERIFY(history.entries.at(1).revision < history.entries.at(2).revision);
        for (const KvEntry &entry : history.entries)
            QCOMPARE(entry.key, QStringLiteral("k"));
    }

    void historyOfAMissingKeyIsEmpty()
    {
        const KeyValue kv = newBucket();
        const auto history = await(kv.history(QStringLiteral("never")));
        VERIFY_OK(history);
        QVERIFY(history.entries.isEmpty());
    }

    void keysSkipDeletedAndPurgedKeys()
    {
        const KeyValue kv = newBucket();
        for (const QString &key : {QStringLiteral("a"), QStringLiteral("b.c"),
                                   QStringLiteral("gone"), QStringLiteral("purged")})
            VERIFY_OK(await(kv.put(key, "v")));
        VERIFY_OK(await(kv.remove(QStringLiteral("gone"))));
        VERIFY_OK(await(kv.purge(QStringLiteral("purged"))));

        const auto keys = await(kv.keys());
        VERIFY_OK(keys);
        QStringList sorted = keys.keys;
        sorted.sort();
        QCOMPARE(sorted, (QStringList{QStringLiteral("a"), QStringLiteral("b.c")}));
    }

    void keysOfAnEmptyBucketAreEmpty()
    {
        const KeyValue kv = newBucket();
        const auto keys = await(kv.keys());
        VERIFY_OK(keys);
        QVERIFY(keys.keys.isEmpty());
    }

    void keysOfAMissingBucketFailWithNotFound()
    {
        const KeyValue kv(*m_jetStream, QStringLiteral("no_such_bucket"));
        QCOMPARE(await(kv.keys()).error.kind, NatsErrorKind::NotFound);
    }

    void watchDeliversInitialValuesThenDoneThenUpdatesAndDeletes()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("a"), "a1")));
        VERIFY_OK(await(kv.put(QStringLiteral("b"), "b1")));
        VERIFY_OK(await(kv.put(QStringLiteral("a"), "a2")));

        KvWatcher watcher(kv);
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        QSignalSpy failed(&watcher, &KvWatcher::failed);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        // Last value per key only.
        QCOMPARE(values(collected(entries)), (QByteArrayList{"b1", "a2"}));

        const qsizetype initialBatches = entries.size();
        VERIFY_OK(await(kv.put(QStringLiteral("c"), "c1")));
        VERIFY_OK(await(kv.remove(QStringLiteral("b"))));
        QTRY_COMPARE_WITH_TIMEOUT(collected(entries).size(), 4, kWaitMs);
        const QList<KvEntry> all = collected(entries);
        QVERIFY(entries.size() > initialBatches);
        QCOMPARE(all.at(2).key, QStringLiteral("c"));
        QCOMPARE(all.at(2).value, QByteArray("c1"));
        QCOMPARE(all.at(2).operation, KvEntry::Operation::Put);
        QCOMPARE(all.at(3).key, QStringLiteral("b"));
        QCOMPARE(all.at(3).operation, KvEntry::Operation::Delete);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
    }

    void watchOfAnEmptyBucketIsDoneAtOnce()
    {
        const KeyValue kv = newBucket();
        KvWatcher watcher(kv);
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        QCOMPARE(entries.size(), 0);
        VERIFY_OK(await(kv.put(QStringLiteral("first"), "1")));
        QTRY_COMPARE_WITH_TIMEOUT(collected(entries).size(), 1, kWaitMs);
    }

    void watchUpdatesOnlySeesOnlyLaterWrites()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("old"), "before")));
        KvWatcher watcher(kv, QStringLiteral(">"), KvWatcher::Mode::UpdatesOnly);
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);

        VERIFY_OK(await(kv.put(QStringLiteral("new"), "after")));
        VERIFY_OK(await(kv.put(QStringLiteral("old"), "after")));
        QTRY_COMPARE_WITH_TIMEOUT(collected(entries).size(), 2, kWaitMs);
        const QList<KvEntry> all = collected(entries);
        QCOMPARE(all.at(0).key, QStringLiteral("new"));
        QCOMPARE(all.at(1).key, QStringLiteral("old"));
        QCOMPARE(values(all), (QByteArrayList{"after", "after"}));
    }

    void watchWithAKeyFilterSeesOnlyMatchingKeys()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("team.a"), "1")));
        VERIFY_OK(await(kv.put(QStringLiteral("solo"), "2")));
        KvWatcher watcher(kv, QStringLiteral("team.*"));
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        VERIFY_OK(await(kv.put(QStringLiteral("solo"), "3")));
        VERIFY_OK(await(kv.put(QStringLiteral("team.b"), "4")));
        QTRY_COMPARE_WITH_TIMEOUT(collected(entries).size(), 2, kWaitMs);
        QCOMPARE(collected(entries).at(0).key, QStringLiteral("team.a"));
        QCOMPARE(collected(entries).at(1).key, QStringLiteral("team.b"));
    }

    void watchOfAMissingBucketFails()
    {
        KvWatcher watcher(KeyValue(*m_jetStream, QStringLiteral("no_such_bucket")));
        QSignalSpy failed(&watcher, &KvWatcher::failed);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).value<NatsError>().kind, NatsErrorKind::NotFound);
    }

    // Enough bytes to make the server ask for flow control several times: an unanswered
    // request would stall the initial values for good.
    void watchAndKeysOfALargeBucketCompleteUnderFlowControl()
    {
        const KeyValue kv = newBucket();
        const QByteArray value(4096, 'x');
        constexpr int count = 2000;
        QList<QFuture<KvResult>> puts;
        for (int i = 0; i < count; ++i)
            puts.append(kv.put(QStringLiteral("key.%1").arg(i), value));
        for (const QFuture<KvResult> &put : puts)
            VERIFY_OK(await(put));

        KvWatcher watcher(kv);
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        QCOMPARE(collected(entries).size(), count);
        // Batched: far fewer signals than entries.
        QVERIFY(entries.size() < count);

        const auto keys = await(kv.keys());
        VERIFY_OK(keys);
        QCOMPARE(keys.keys.size(), count);
    }

    // The server-side consumers are the reference's ordered consumers
    // (fixtures/js-api-requests.json), apart from the generated name and inbox.
    void watchAndKeysConsumersHaveTheReferenceConfig()
    {
        const KeyValue kv = newBucket();
        VERIFY_OK(await(kv.put(QStringLiteral("k"), "v")));
        KvWatcher watcher(kv);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        VERIFY_OK(await(kv.keys()));

        const ApiResult listed =
            await(m_jetStream->api(QStringLiteral("CONSUMER.LIST.") + kv.streamName()));
        VERIFY_OK(listed);
        const QJsonArray consumers = listed.body.value(QStringLiteral("consumers")).toArray();
        QCOMPARE(consumers.size(), 2);
        const QJsonArray requests = referenceRequests();
        QJsonObject watchReference;
        QJsonObject keysReference;
        for (const QJsonValue &request : requests) {
            const QJsonObject config = request.toObject()
                                           .value(QStringLiteral("payload"))
                                           .toObject()
                                           .value(QStringLiteral("config"))
                                           .toObject();
            if (config.value(QStringLiteral("name")).toString().startsWith(u"oc_"))
                (config.value(QStringLiteral("headers_only")).toBool() ? keysReference
                                                                       : watchReference) = config;
        }
        QVERIFY(!watchReference.isEmpty());
        QVERIFY(!keysReference.isEmpty());

        static const QRegularExpression name(QStringLiteral("^oc_[0-9A-Za-z]{22}_1$"));
        for (const QJsonValue &consumer : consumers) {
            const QJsonObject config =
                consumer.toObject().value(QStringLiteral("config")).toObject();
            const QJsonObject reference = config.value(QStringLiteral("headers_only")).toBool()
                                              ? keysReference
                                              : watchReference;
            for (auto it = reference.constBegin(); it != reference.constEnd(); ++it) {
                if (it.key() == QLatin1String("filter_subject")) {
                    QCOMPARE(config.value(it.key()).toString(), kv.subjectFor(QStringLiteral(">")));
                } else if (it.key() == QLatin1String("name")) {
                    QVERIFY(name.match(config.value(it.key()).toString()).hasMatch());
                } else if (it.key() == QLatin1String("deliver_subject")) {
                    QVERIFY(config.value(it.key()).toString().startsWith(
                        m_connection->inboxPrefix() + u'.'));
                } else {
                    // The server leaves out false booleans (headers_only of a watch).
                    const QJsonValue actual =
                        config.contains(it.key()) ? config.value(it.key()) : QJsonValue(false);
                    QVERIFY2(actual == it.value(), qPrintable(it.key()));
                }
            }
        }
    }

    void watcherKeepsDeliveringAfterTheServerRestarts_data()
    {
        QTest::addColumn<KvWatcher::Mode>("mode");
        QTest::newRow("initial values, then updates") << KvWatcher::Mode::InitialValuesThenUpdates;
        QTest::newRow("updates only") << KvWatcher::Mode::UpdatesOnly;
    }

    void watcherKeepsDeliveringAfterTheServerRestarts()
    {
        QFETCH(KvWatcher::Mode, mode);
        const bool updatesOnly = mode == KvWatcher::Mode::UpdatesOnly;
        NatsServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        NatsConnection connection;
        QVERIFY2(openConnection(connection, server.url(), &error), qPrintable(error));
        const JetStream jetStream(&connection);
        const KeyValue kv(jetStream, QStringLiteral("restart"));
        VERIFY_OK(await(kv.createBucket()));
        VERIFY_OK(await(kv.put(QStringLiteral("a"), "before")));

        KvWatcher watcher(kv, QStringLiteral(">"), mode);
        QSignalSpy entries(&watcher, &KvWatcher::entries);
        QSignalSpy done(&watcher, &KvWatcher::initialValuesDone);
        QSignalSpy failed(&watcher, &KvWatcher::failed);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
        // Updates-only has delivered nothing yet: it must resume after the stream sequence
        // its consumer started at, never replay "before".
        const qsizetype initial = updatesOnly ? 0 : 1;
        QCOMPARE(collected(entries).size(), initial);

        server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() != NatsConnection::State::Connected, kWaitMs);
        QVERIFY2(server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), NatsConnection::State::Connected, kWaitMs);

        VERIFY_OK(await(kv.put(QStringLiteral("b"), "after")));
        QTRY_VERIFY_WITH_TIMEOUT(collected(entries).size() >= initial + 1, kWaitMs);
        VERIFY_OK(await(kv.put(QStringLiteral("a"), "after")));
        QTRY_VERIFY_WITH_TIMEOUT(collected(entries).size() >= initial + 2, kWaitMs);

        // Resumed after the last revision seen, in stream order: nothing twice, nothing lost.
        const QList<KvEntry> all = collected(entries);
        QCOMPARE(all.size(), initial + 2);
        QCOMPARE(all.at(initial).key, QStringLiteral("b"));
        QCOMPARE(all.at(initial + 1).key, QStringLiteral("a"));
        QCOMPARE(values(all.mid(initial)), (QByteArrayList{"after", "after"}));
        QVERIFY(all.at(initial).revision < all.at(initial + 1).revision);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);
        connection.close();
    }

private:
    QString nextBucket() { return QStringLiteral("kv_test_%1").arg(++m_buckets); }

    KeyValue newBucket(int history = 1)
    {
        KeyValue kv(*m_jetStream, nextBucket());
        const ApiResult created = await(kv.createBucket(0, history));
        if (!created.ok())
            qWarning("createBucket failed: %s", qPrintable(created.error.describe()));
        return kv;
    }

    NatsServerProcess m_server;
    std::unique_ptr<NatsConnection> m_connection;
    std::unique_ptr<JetStream> m_jetStream;
    int m_buckets = 0;
};

QTEST_GUILESS_MAIN(TestKeyValue)
#include "tst_keyvalue.moc"
