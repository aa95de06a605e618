#include "core/space/deliveryhealth.h"

#include <QtTest>

using cotal::space::DeliveryHealth;
using cotal::space::LeaseReadOutcome;
using cotal::wire::DeliveryClass;
using State = cotal::space::DeliveryHealth::State;

class TestDeliveryHealth : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data()
    {
        QTest::addColumn<LeaseReadOutcome>("lease");
        QTest::addColumn<bool>("joined");
        QTest::addColumn<DeliveryClass>("deliveryClass");
        QTest::addColumn<bool>("mirrored");
        QTest::addColumn<State>("expected");

        const auto durable = DeliveryClass::Durable;
        const auto live = DeliveryClass::Live;
        const auto failed = LeaseReadOutcome::Failed;
        const auto absent = LeaseReadOutcome::Absent;
        const auto notReady = LeaseReadOutcome::NotReady;
        const auto ready = LeaseReadOutcome::Ready;
        QTest::newRow("ready, joined, durable, mirrored")
            << ready << true << durable << true << State::Active;
        QTest::newRow("unreadable lease hides health")
            << failed << true << durable << true << State::None;
        QTest::newRow("not joined") << ready << false << durable << true << State::None;
        QTest::newRow("live class") << ready << true << live << true << State::None;
        QTest::newRow("no daemon") << absent << true << durable << true << State::Degraded;
        QTest::newRow("daemon not ready") << notReady << true << durable << true << State::Degraded;
        QTest::newRow("no established membership")
            << ready << true << durable << false << State::Degraded;
        QTest::newRow("no daemon, live class") << absent << true << live << false << State::None;
    }

    void evaluate()
    {
        QFETCH(LeaseReadOutcome, lease);
        QFETCH(bool, joined);
        QFETCH(DeliveryClass, deliveryClass);
        QFETCH(bool, mirrored);
        QFETCH(State, expected);
        const DeliveryHealth health =
            DeliveryHealth::evaluate(lease, joined, deliveryClass, mirrored);
        QCOMPARE(health.state, expected);
        QVERIFY(!health.reason.isEmpty());
    }

    void reasonsNameTheCause()
    {
        const auto reason = [](LeaseReadOutcome lease, bool mirrored) {
            return DeliveryHealth::evaluate(lease, true, DeliveryClass::Durable, mirrored).reason;
        };
        QVERIFY(
            reason(LeaseReadOutcome::Absent, true).contains(QStringLiteral("no delivery daemon")));
        QVERIFY(reason(LeaseReadOutcome::NotReady, true).contains(QStringLiteral("not ready")));
        QVERIFY(reason(LeaseReadOutcome::Ready, false).contains(QStringLiteral("membership")));
        QVERIFY(reason(LeaseReadOutcome::Failed, true).contains(QStringLiteral("cannot be read")));
    }

    void labelsUseTheReferenceWording()
    {
        QCOMPARE(DeliveryHealth::label(State::Active), QStringLiteral("durable backstop active"));
        QCOMPARE(DeliveryHealth::label(State::Degraded),
                 QStringLiteral("durable backstop unavailable — live messages still arrive; "
                                "offline replay is at risk after backlog cap"));
        QVERIFY(DeliveryHealth::label(State::None).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryHealth)
#include "tst_deliveryhealth.moc"
