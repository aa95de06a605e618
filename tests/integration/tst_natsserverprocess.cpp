#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QtTest>

#include <csignal>

using cotal::testing::NatsServerProcess;

namespace {

// A pid is gone when /proc has no entry or only a zombie waiting for its reaper.
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.mid(close + 2, 1) == "Z";
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(2000);
}

} // namespace

class TestNatsServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void startsOnAFreeLoopbackPort()
    {
        NatsServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.port() != 0);
        QVERIFY(server.url().startsWith(QStringLiteral("nats://127.0.0.1:")));
        QVERIFY(accepts(server.port()));
    }

    void twoServersGetDifferentPorts()
    {
        NatsServerProcess first;
        NatsServerProcess second;
        QVERIFY(first.start());
        QVERIFY(second.start());
        QVERIFY(first.port() != second.port());
    }

    void stopEndsTheProcess()
    {
        NatsServerProcess server;
        QVERIFY(server.start());
        const qint64 pid = server.pid();
        server.stop();
        QTRY_VERIFY(processGone(pid));
    }

    void restartAfterKillKeepsPortAndStore()
    {
        NatsServerProcess server;
        QVERIFY(server.start());
        const quint16 port = server.port();
        server.kill();
        QVERIFY(!accepts(port));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.port(), port);
        QVERIFY(accepts(port));
    }

    void killedTestProcessLeavesNoOrphanServer()
    {
        QProcess holder;
        holder.start(QStringLiteral(NATSSERVER_HOLDER), {});
        QVERIFY(holder.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(holder.canReadLine(), 20000);
        const QList<QByteArray> fields = holder.readLine().trimmed().split(' ');
        QCOMPARE(fields.size(), 2);
        const qint64 serverPid = fields.at(0).toLongLong();
        const quint16 port = fields.at(1).toUShort();
        QVERIFY(!processGone(serverPid));
        QVERIFY(accepts(port));

        ::kill(static_cast<pid_t>(holder.processId()), SIGKILL);
        QVERIFY(holder.waitForFinished());
        QTRY_VERIFY(processGone(serverPid));
        QTRY_VERIFY(!accepts(port));
    }
};

QTEST_GUILESS_MAIN(TestNatsServerProcess)
#include "tst_natsserverprocess.moc"
