#include "core/space/channelregistry.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QSignalSpy>

using cotal::nats::KeyValue;
using cotal::space::ChannelRegistry;
using cotal::space::SpaceErrorKind;
using cotal::testing::SpaceTestServer;
using cotal::wire::ChannelConfig;
using cotal::wire::ChannelDefaults;
using cotal::wire::DeliveryClass;
using cotal::wire::EffectiveChannelPolicy;

namespace {

constexpr int kWatchWaitMs = 15000;
const QString kDefaults = QStringLiteral("=defaults");

ChannelConfig config(const QByteArray &json)
{
    return cotal::wire::decodeChannelConfig(json).value();
}

ChannelDefaults defaults(const QByteArray &json)
{
    return cotal::wire::decodeChannelDefaults(json).value();
}

EffectiveChannelPolicy policy(bool replay, std::optional<QString> window,
                              DeliveryClass deliveryClass)
{
    EffectiveChannelPolicy effective;
    effective.replay = replay;
    effective.replayWindow = window;
    if (window)
        effective.replayWindowMs = cotal::wire::parseReplayWindow(*window).value();
    effective.deliveryClass = deliveryClass;
    return effective;
}

} // namespace

class TestChannelRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void init()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("channels"));
        m_bucket =
            std::make_unique<KeyValue>(m_server.jetStream(), cotal::wire::channelsBucket(space));
        AWAIT(created, m_bucket->createBucket());
        VERIFY_NATS_OK(created);
        m_registry = std::make_unique<ChannelRegistry>(*m_bucket);
    }

    void cleanup() { m_registry.reset(); }

    void emptyRegistryUsesTheBuiltInDefaults()
    {
        QVERIFY(startAndLoad());
        QCOMPARE(m_registry->effective(QStringLiteral("general")),
                 policy(true, std::nullopt, DeliveryClass::Durable));
        QVERIFY(m_registry->channels().isEmpty());
    }

    void channelOverridesDefaultsOverridesBuiltIn()
    {
        QVERIFY(put(kDefaults,
                    "{\"replay\":false,\"replayWindow\":\"1h\",\"deliveryClass\":\"live\"}"));
        QVERIFY(put(QStringLiteral("review"), "{\"replay\":true}"));
        QVERIFY(
            put(QStringLiteral("ops"), "{\"replayWindow\":\"2h\",\"deliveryClass\":\"durable\"}"));
        QVERIFY(startAndLoad());
        QCOMPARE(m_registry->effective(QStringLiteral("review")),
                 policy(true, QStringLiteral("1h"), DeliveryClass::Live));
        QCOMPARE(m_registry->effective(QStringLiteral("ops")),
                 policy(false, QStringLiteral("2h"), DeliveryClass::Durable));
        QCOMPARE(m_registry->effective(QStringLiteral("unconfigured")),
                 policy(false, QStringLiteral("1h"), DeliveryClass::Live));
        QCOMPARE(m_registry->channels(),
                 QStringList({QStringLiteral("ops"), QStringLiteral("review")}));
    }

    void wildcardTargetConsultsOnlyTheDefaults()
    {
        QVERIFY(put(kDefaults, "{\"deliveryClass\":\"live\"}"));
        QVERIFY(put(QStringLiteral("ops"), "{\"deliveryClass\":\"durable\",\"replay\":false}"));
        QVERIFY(startAndLoad());
        const EffectiveChannelPolicy live = policy(true, std::nullopt, DeliveryClass::Live);
        QCOMPARE(m_registry->effective(QStringLiteral("ops.>")), live);
        QCOMPARE(m_registry->effective(QStringLiteral("*")), live);
        QCOMPARE(m_registry->effective(QStringLiteral("ops")).deliveryClass,
                 DeliveryClass::Durable);
    }

    void undecodableValueKeepsTheLastGoodOne()
    {
        QVERIFY(startAndLoad());
        QSignalSpy changed(m_registry.get(), &ChannelRegistry::changed);
        const quint64 good = putRevision(QStringLiteral("ops"), "{\"deliveryClass\":\"live\"}");
        QVERIFY(good > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->entry(QStringLiteral("ops")), kWatchWaitMs);
        QVERIFY(put(QStringLiteral("ops"), "{\"deliveryClass\":\"sometimes\"}"));
        QVERIFY(put(QStringLiteral("marker"), "{}"));
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->entry(QStringLiteral("marker")), kWatchWaitMs);
        QCOMPARE(m_registry->entry(QStringLiteral("ops"))->revision, good);
        QCOMPARE(m_registry->effective(QStringLiteral("ops")).deliveryClass, DeliveryClass::Live);
        QVERIFY(changed.count() >= 1);
    }

    void deleteRemovesAndDefaultsFallBack()
    {
        QVERIFY(put(kDefaults, "{\"deliveryClass\":\"live\"}"));
        QVERIFY(put(QStringLiteral("ops"), "{\"replay\":false}"));
        QVERIFY(startAndLoad());
        QSignalSpy changed(m_registry.get(), &ChannelRegistry::changed);
        AWAIT(removedOps, m_bucket->remove(QStringLiteral("ops")));
        AWAIT(purgedDefaults, m_bucket->purge(kDefaults));
        VERIFY_NATS_OK(removedOps);
        VERIFY_NATS_OK(purgedDefaults);
        QTRY_VERIFY_WITH_TIMEOUT(!m_registry->entry(QStringLiteral("ops")) &&
                                     !m_registry->defaults().deliveryClass(),
                                 kWatchWaitMs);
        QCOMPARE(m_registry->effective(QStringLiteral("ops")),
                 policy(true, std::nullopt, DeliveryClass::Durable));
        QStringList keys;
        for (const QList<QVariant> &arguments : changed)
            keys += arguments.at(0).toStringList();
        QVERIFY(keys.contains(QStringLiteral("ops")));
        QVERIFY(keys.contains(kDefaults));
    }

    void resolveFreshReadsTheBucketNow()
    {
        QVERIFY(put(kDefaults, "{\"replay\":false}"));
        QVERIFY(put(QStringLiteral("ops"), "{\"replayWindow\":\"30m\"}"));
        // No watch running: the cache is empty, the fresh read is not.
        AWAIT(fresh, m_registry->resolveFresh(QStringLiteral("ops")));
        VERIFY_NATS_OK(fresh);
        QCOMPARE(fresh.policy, policy(false, QStringLiteral("30m"), DeliveryClass::Durable));
        QVERIFY(fresh.config && fresh.defaults);
        QVERIFY(fresh.config->revision > 0);
        QCOMPARE(m_registry->effective(QStringLiteral("ops")).replay, true);
    }

    void resolveFreshOfAWildcardReadsOnlyTheDefaults()
    {
        QVERIFY(put(kDefaults, "{\"deliveryClass\":\"live\"}"));
        AWAIT(fresh, m_registry->resolveFresh(QStringLiteral("team.>")));
        VERIFY_NATS_OK(fresh);
        QVERIFY(!fresh.config);
        QCOMPARE(fresh.policy.deliveryClass, DeliveryClass::Live);
    }

    void writeConfigCreatesWhenAbsent()
    {
        const ChannelConfig written =
            config(cotal::testing::fixtureRaw(QStringLiteral("channel-config.json")));
        AWAIT(result, m_registry->writeConfig(QStringLiteral("team.backend"), written, 0));
        QVERIFY2(result.ok(), qPrintable(result.error.describe()));
        AWAIT(stored, m_bucket->get(QStringLiteral("team.backend")));
        QCOMPARE(stored.entry.revision, result.revision);
        QCOMPARE(stored.entry.value,
                 cotal::testing::fixtureRaw(QStringLiteral("channel-config.json")));
    }

    void writeConfigUpdatesOnTheRevisionRead()
    {
        const quint64 revision =
            putRevision(QStringLiteral("ops"), "{\"description\":\"Ops\",\"replay\":true}");
        ChannelConfig edited = config("{\"description\":\"Ops\",\"replay\":true}");
        edited.setReplay(false);
        AWAIT(result, m_registry->writeConfig(QStringLiteral("ops"), edited, revision));
        QVERIFY2(result.ok(), qPrintable(result.error.describe()));
        QVERIFY(result.revision > revision);
        AWAIT(stored, m_bucket->get(QStringLiteral("ops")));
        QCOMPARE(stored.entry.value, QByteArray("{\"description\":\"Ops\",\"replay\":false}"));
    }

    void staleRevisionIsAConflictWithTheStoredValue()
    {
        const quint64 read = putRevision(QStringLiteral("ops"), "{\"replay\":true}");
        const quint64 newer =
            putRevision(QStringLiteral("ops"), "{\"replay\":true,\"deliveryClass\":\"live\"}");
        QVERIFY(read > 0 && newer > read);
        AWAIT(result,
              m_registry->writeConfig(QStringLiteral("ops"), config("{\"replay\":false}"), read));
        QCOMPARE(result.error.kind, SpaceErrorKind::RevisionConflict);
        QVERIFY(result.current);
        QCOMPARE(result.current->revision, newer);
        QCOMPARE(result.current->record.deliveryClass(), std::optional(DeliveryClass::Live));
        AWAIT(stored, m_bucket->get(QStringLiteral("ops")));
        QCOMPARE(stored.entry.revision, newer); // never overwritten
    }

    void createOverAnExistingChannelIsAConflict()
    {
        const quint64 existing = putRevision(QStringLiteral("ops"), "{\"replay\":true}");
        AWAIT(result,
              m_registry->writeConfig(QStringLiteral("ops"), config("{\"replay\":false}"), 0));
        QCOMPARE(result.error.kind, SpaceErrorKind::RevisionConflict);
        QVERIFY(result.current);
        QCOMPARE(result.current->revision, existing);
    }

    void writeConfigValidatesTheChannelFirst_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::newRow("wildcard") << QStringLiteral("team.>");
        QTest::newRow("single-token wildcard") << QStringLiteral("team.*");
        QTest::newRow("reserved defaults key") << kDefaults;
        QTest::newRow("space inside") << QStringLiteral("team backend");
        QTest::newRow("empty") << QString();
    }

    void writeConfigValidatesTheChannelFirst()
    {
        QFETCH(QString, channel);
        AWAIT(result, m_registry->writeConfig(channel, config("{\"replay\":true}"), 0));
        QCOMPARE(result.error.kind, SpaceErrorKind::InvalidArgument);
        AWAIT(info, m_server.jetStream().streamInfo(m_bucket->streamName()));
        QCOMPARE(info.body.value(QStringLiteral("state"))
                     .toObject()
                     .value(QStringLiteral("messages"))
                     .toInt(),
                 0);
    }

    void oversizeDescriptionIsRejectedNotTruncated()
    {
        ChannelConfig edited;
        QVERIFY(edited.setDescription(QString(200, u'x')) == std::nullopt);
        QVERIFY(edited.setDescription(QString(201, u'x')).has_value());
        AWAIT(result, m_registry->writeConfig(QStringLiteral("ops"), edited, 0));
        QVERIFY(result.ok());
        AWAIT(stored, m_bucket->get(QStringLiteral("ops")));
        QCOMPARE(config(stored.entry.value).description()->size(), 200);
    }

    void writeDefaultsIsCompareAndSet()
    {
        const quint64 revision = putRevision(kDefaults, "{\"deliveryClass\":\"durable\"}");
        ChannelDefaults edited = defaults("{\"deliveryClass\":\"durable\"}");
        edited.setDeliveryClass(DeliveryClass::Live);
        AWAIT(first, m_registry->writeDefaults(edited, revision));
        QVERIFY2(first.ok(), qPrintable(first.error.describe()));
        AWAIT(second, m_registry->writeDefaults(edited, revision));
        QCOMPARE(second.error.kind, SpaceErrorKind::RevisionConflict);
        QCOMPARE(second.current->revision, first.revision);
    }

    void watchFollowsEditorWrites()
    {
        QVERIFY(startAndLoad());
        AWAIT(result, m_registry->writeConfig(QStringLiteral("ops"),
                                              config("{\"deliveryClass\":\"live\"}"), 0));
        QVERIFY(result.ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->entry(QStringLiteral("ops")), kWatchWaitMs);
        QCOMPARE(m_registry->entry(QStringLiteral("ops"))->revision, result.revision);
    }

private:
    bool startAndLoad()
    {
        QSignalSpy loaded(m_registry.get(), &ChannelRegistry::loaded);
        m_registry->start();
        return QTest::qWaitFor([&] { return loaded.count() == 1; }, kWatchWaitMs) &&
               m_registry->isLoaded();
    }

    quint64 putRevision(const QString &key, const QByteArray &value)
    {
        const QFuture<cotal::nats::KvResult> done = m_bucket->put(key, value);
        if (!cotal::testing::finishedWithResult(done) || !done.result().ok())
            return 0;
        return done.result().entry.revision;
    }

    bool put(const QString &key, const QByteArray &value) { return putRevision(key, value) > 0; }

    SpaceTestServer m_server;
    std::unique_ptr<KeyValue> m_bucket;
    std::unique_ptr<ChannelRegistry> m_registry;
};

QTEST_GUILESS_MAIN(TestChannelRegistry)
#include "tst_channelregistry.moc"
