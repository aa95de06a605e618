#include "core/endpoint/ownsendgate.h"

#include <QtTest>

using cotal::endpoint::OwnSendGate;
using cotal::endpoint::ReceivedMessage;

namespace {

ReceivedMessage copyOf(const QString &id)
{
    ReceivedMessage message;
    message.message.id = id;
    return message;
}

QStringList idsOf(const QList<ReceivedMessage> &messages)
{
    QStringList ids;
    for (const ReceivedMessage &message : messages)
        ids.append(message.message.id);
    return ids;
}

} // namespace

class tst_OwnSendGate : public QObject
{
    Q_OBJECT

private slots:
    void othersPassUntouched()
    {
        OwnSendGate gate;
        gate.hold(QStringLiteral("mine"));
        QCOMPARE(idsOf(gate.pass({copyOf(QStringLiteral("a")), copyOf(QStringLiteral("b"))})),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void aSentCopySurfacesWhenSettled()
    {
        OwnSendGate gate;
        gate.hold(QStringLiteral("mine"));
        QCOMPARE(idsOf(gate.pass({copyOf(QStringLiteral("a")), copyOf(QStringLiteral("mine"))})),
                 QStringList{QStringLiteral("a")});
        QCOMPARE(idsOf(gate.settle(QStringLiteral("mine"), true)),
                 QStringList{QStringLiteral("mine")});
        // Settled: a later copy (a joined channel's) passes like any other.
        QCOMPARE(idsOf(gate.pass({copyOf(QStringLiteral("mine"))})),
                 QStringList{QStringLiteral("mine")});
    }

    void aFailedSendNeverSurfaces()
    {
        OwnSendGate gate;
        gate.hold(QStringLiteral("mine"));
        QVERIFY(gate.pass({copyOf(QStringLiteral("mine"))}).isEmpty());
        QVERIFY(gate.settle(QStringLiteral("mine"), false).isEmpty());
        QVERIFY(gate.pass({copyOf(QStringLiteral("mine"))}).isEmpty());
    }

    void sentBeforeItsCopyArrivedPassesTheCopy()
    {
        OwnSendGate gate;
        gate.hold(QStringLiteral("mine"));
        QVERIFY(gate.settle(QStringLiteral("mine"), true).isEmpty());
        QCOMPARE(idsOf(gate.pass({copyOf(QStringLiteral("mine"))})),
                 QStringList{QStringLiteral("mine")});
    }

    void failuresAreRememberedBoundedly()
    {
        OwnSendGate gate;
        for (int i = 0; i <= OwnSendGate::kRememberedFailures; ++i) {
            gate.hold(QString::number(i));
            gate.settle(QString::number(i), false);
        }
        QCOMPARE(idsOf(gate.pass({copyOf(QStringLiteral("0"))})), QStringList{QStringLiteral("0")});
        QVERIFY(gate.pass({copyOf(QString::number(OwnSendGate::kRememberedFailures))}).isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_OwnSendGate)
#include "tst_ownsendgate.moc"
