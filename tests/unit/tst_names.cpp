#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cotal::wire;

namespace {

const QString A = QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD");

} // namespace

class TestNames : public QObject
{
    Q_OBJECT

private slots:
    void streamNames_data()
    {
        QTest::addColumn<QString>("built");
        QTest::addColumn<QString>("expected");
        QTest::newRow("chat") << chatStreamName("main") << "CHAT_main";
        QTest::newRow("dm") << dmStreamName("main") << "DM_main";
        QTest::newRow("task") << taskStreamName("main") << "TASK_main";
        QTest::newRow("inbox") << inboxStreamName("main") << "INBOX_main";
        QTest::newRow("dlv") << dlvStreamName("main") << "DLV_main";
        QTest::newRow("space is tokenised") << chatStreamName("my space") << "CHAT_my_space";
        QTest::newRow("dotted space") << dlvStreamName("a.b") << "DLV_a_b";
        QTest::newRow("empty space") << dmStreamName("") << "DM__";
    }

    void streamNames()
    {
        QFETCH(QString, built);
        QFETCH(QString, expected);
        QCOMPARE(built, expected);
    }

    void bucketNames_data()
    {
        QTest::addColumn<QString>("built");
        QTest::addColumn<QString>("expected");
        QTest::newRow("presence") << presenceBucket("demo") << "cotal_presence_demo";
        QTest::newRow("channels") << channelsBucket("demo") << "cotal_channels_demo";
        QTest::newRow("members") << membersBucket("demo") << "cotal_members_demo";
        QTest::newRow("acl") << aclBucket("demo") << "cotal_acl_demo";
        QTest::newRow("membership") << membershipBucket("demo") << "cotal_membership_demo";
        QTest::newRow("delivery") << deliveryBucket("demo") << "cotal_delivery_demo";
        QTest::newRow("manager") << managerBucket("demo") << "cotal_manager_demo";
        QTest::newRow("space is tokenised")
            << presenceBucket(" my space ") << "cotal_presence_my_space";
        QTest::newRow("kv stream") << kvStreamName(aclBucket("demo")) << "KV_cotal_acl_demo";
    }

    void bucketNames()
    {
        QFETCH(QString, built);
        QFETCH(QString, expected);
        QCOMPARE(built, expected);
    }

    void spaceStreamNamesMatchTheProvisionerGrants()
    {
        // storage.md §1 / authmesh README: the provisioner may create exactly these 12 streams.
        const QStringList expected = {
            QStringLiteral("CHAT_demo"),
            QStringLiteral("DM_demo"),
            QStringLiteral("TASK_demo"),
            QStringLiteral("INBOX_demo"),
            QStringLiteral("DLV_demo"),
            QStringLiteral("KV_cotal_presence_demo"),
            QStringLiteral("KV_cotal_channels_demo"),
            QStringLiteral("KV_cotal_members_demo"),
            QStringLiteral("KV_cotal_acl_demo"),
            QStringLiteral("KV_cotal_membership_demo"),
            QStringLiteral("KV_cotal_delivery_demo"),
            QStringLiteral("KV_cotal_manager_demo"),
        };
        QCOMPARE(spaceStreamNames(QStringLiteral("demo")), expected);
    }

    void spaceStreamNamesMatchTheFixture()
    {
        QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/streams.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray fixture = file.readAll();
        const QStringList names = spaceStreamNames(QStringLiteral("demo"));
        for (const QString &name : names)
            QVERIFY2(fixture.contains('"' + name.toUtf8() + '"'), qPrintable(name));
    }

    void consumerNames_data()
    {
        QTest::addColumn<QString>("built");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dm") << dmConsumerName(A) << "dm_" + A;
        QTest::newRow("dlv") << dlvConsumerName(A) << "dlv_" + A;
        QTest::newRow("svc") << svcConsumerName("reviewer") << "svc_reviewer";
        QTest::newRow("svc role tokenised")
            << svcConsumerName("code reviewer") << "svc_code_reviewer";
        QTest::newRow("chat history") << chatHistoryConsumerName(A) << "chathist_" + A;
        QTest::newRow("catch-up") << catchUpConsumerName(A, 3) << "cu_" + A + "_3";
        QTest::newRow("catch-up large generation")
            << catchUpConsumerName("o.x", 4294967296LL) << "cu_o_x_4294967296";
        QTest::newRow("fanout") << fanoutConsumerName() << "fanout";
        QTest::newRow("reader") << readerConsumerName() << "reader";
        QTest::newRow("id is tokenised") << dmConsumerName("a.b") << "dm_a_b";
    }

    void consumerNames()
    {
        QFETCH(QString, built);
        QFETCH(QString, expected);
        QCOMPARE(built, expected);
    }

    void consumersMatchTheFixture()
    {
        // Rebuild every durable of fixtures/consumers.json (stream, name, filter) from its id/role.
        QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/consumers.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject consumers = QJsonDocument::fromJson(file.readAll())
                                          .object()
                                          .value(QStringLiteral("consumers"))
                                          .toObject();
        QVERIFY(!consumers.isEmpty());
        const QString space = QStringLiteral("demo");
        for (auto it = consumers.begin(); it != consumers.end(); ++it) {
            const QString stream = it.key().section(u'/', 0, 0);
            const QString name = it.key().section(u'/', 1);
            const QString filter =
                it.value().toObject().value(QStringLiteral("filter_subject")).toString();
            QCOMPARE(it.value().toObject().value(QStringLiteral("durable_name")).toString(), name);
            QString expectedStream;
            QString expectedName;
            QString expectedFilter;
            if (name.startsWith(QStringLiteral("dm_"))) {
                const QString id = name.mid(3);
                expectedStream = dmStreamName(space);
                expectedName = dmConsumerName(id);
                expectedFilter = dmInboxFilter(space, id);
            } else if (name.startsWith(QStringLiteral("dlv_"))) {
                const QString id = name.mid(4);
                expectedStream = dlvStreamName(space);
                expectedName = dlvConsumerName(id);
                expectedFilter = dlvSubject(space, id);
            } else if (name.startsWith(QStringLiteral("svc_"))) {
                const QString role = name.mid(4);
                expectedStream = taskStreamName(space);
                expectedName = svcConsumerName(role);
                expectedFilter = roleQueueFilter(space, role);
            } else if (name == fanoutConsumerName()) {
                expectedStream = chatStreamName(space);
                expectedName = name;
                expectedFilter = fanoutFilter(space);
            } else {
                QCOMPARE(name, readerConsumerName());
                expectedStream = inboxStreamName(space);
                expectedName = name;
                expectedFilter = readerFilter(space);
            }
            QCOMPARE(stream, expectedStream);
            QCOMPARE(name, expectedName);
            QCOMPARE(filter, expectedFilter);
        }
    }

    void partition_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("expected");
        // Expected values: FNV-1a 32-bit over UTF-16 units (offset 0x811c9dc5, prime 0x01000193).
        QTest::newRow("empty key, 7") << 7 << "" << 2;           // 0x811c9dc5
        QTest::newRow("a, 16") << 16 << "a" << 12;               // 0xe40c292c
        QTest::newRow("a, 7") << 7 << "a" << 5;                  // 0xe40c292c
        QTest::newRow("nkey, 3") << 3 << A << 2;                 // 0x6c818888
        QTest::newRow("nkey, 7") << 7 << A << 3;                 // 0x6c818888
        QTest::newRow("bmp unit, 16") << 16 << "é" << 4;         // 0x6c0b6c44 (one unit)
        QTest::newRow("astral pair, 7") << 7 << "😀" << 2;        // 0xcb31c4b8 (two units)
        QTest::newRow("channel, 7") << 7 << "team.backend" << 6; // 0x10d427fa
        QTest::newRow("one shard") << 1 << A << 0;
        QTest::newRow("zero shards") << 0 << A << 0;
        QTest::newRow("negative shards") << -4 << A << 0;
    }

    void partition()
    {
        QFETCH(int, n);
        QFETCH(QString, key);
        QFETCH(int, expected);
        QCOMPARE(cotal::wire::partition(n, key), expected);
    }

    void partitionStaysInRange()
    {
        for (int n = 2; n <= 64; ++n) {
            for (int i = 0; i < 50; ++i) {
                const int shard = cotal::wire::partition(n, QString::number(i * 7919) + A);
                QVERIFY(shard >= 0 && shard < n);
            }
        }
    }

    void plane3MsgId()
    {
        QCOMPARE(
            cotal::wire::plane3MsgId(QStringLiteral("018f1d0a-0000-7000-9000-000000000001"), A, 2),
            QStringLiteral("018f1d0a-0000-7000-9000-000000000001:") + A + QStringLiteral(":2"));
        // live-mention entries carry generation 0.
        QCOMPARE(cotal::wire::plane3MsgId(QStringLiteral("m1"), QStringLiteral("o"), 0),
                 QStringLiteral("m1:o:0"));
    }

    void inboxPrefixHasNoDotAfterInbox()
    {
        QCOMPARE(inboxPrefix(A), QStringLiteral("_INBOX_") + A);
        QVERIFY(!inboxPrefix(A).startsWith(QStringLiteral("_INBOX.")));
        QCOMPARE(membershipObserverInboxPrefix(), QStringLiteral("_INBOX.cotal-membership"));
    }

    void inboxPrefixMatchesTheMintedGrants()
    {
        // identities.json records each cred's inbox prefix; the per-id rule must reproduce it.
        QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/identities.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray identities = QJsonDocument::fromJson(file.readAll())
                                          .object()
                                          .value(QStringLiteral("identities"))
                                          .toArray();
        QVERIFY(identities.size() >= 6);
        for (const QJsonValue &value : identities) {
            const QJsonObject identity = value.toObject();
            const QString key = identity.value(QStringLiteral("user_public_key")).toString();
            QCOMPARE(inboxPrefix(key), identity.value(QStringLiteral("inbox_prefix")).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
