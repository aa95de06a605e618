// The console binary's embedded default: with no saved connection it starts its own nats-server
// (recorded in the XDG state directory) and leaves no server behind when it quits or is killed.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sys/prctl.h>

namespace {

qint64 pidIn(const QString &pidFile)
{
    QFile file(pidFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

// A live nats-server (a zombie or a reused pid has another or an empty command line).
bool serverAlive(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return pid > 0 && cmdline.open(QIODevice::ReadOnly) &&
           cmdline.readAll().contains("nats-server");
}

class Console final
{
public:
    explicit Console(const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/state"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    }
    ~Console()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    void start() { m_process.start(QStringLiteral(COTAL_CONSOLE_EXECUTABLE), {}); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

} // namespace

class tst_ConsoleDemo : public QObject
{
    Q_OBJECT

private slots:
    void serverStopsWithTheConsole_data();
    void serverStopsWithTheConsole();
};

void tst_ConsoleDemo::serverStopsWithTheConsole_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("quit (SIGTERM)") << int(SIGTERM);
    QTest::newRow("killed (SIGKILL)") << int(SIGKILL);
}

void tst_ConsoleDemo::serverStopsWithTheConsole()
{
    QFETCH(int, signal);
    QTemporaryDir home;
    const QString pidFile =
        home.path() + QStringLiteral("/state/cotal-console/mesh/nats-server.pid");
    Console console(home.path());
    console.start();
    QVERIFY(console.process().waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(serverAlive(pidIn(pidFile)), 30000);
    const qint64 server = pidIn(pidFile);

    ::kill(pid_t(console.process().processId()), signal);
    QVERIFY(console.process().waitForFinished(15000));
    QTRY_VERIFY_WITH_TIMEOUT(!serverAlive(server), 10000);
}

QTEST_GUILESS_MAIN(tst_ConsoleDemo)
#include "tst_consoledemo.moc"
