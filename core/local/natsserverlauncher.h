#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <memory>

namespace cotal::local {

// Runs one `nats-server -js` on loopback. The listen port is chosen by the server itself
// (-p -1) and read back from its log, so there is no window in which another process can take
// a port we probed. The child gets PR_SET_PDEATHSIG so it dies with us; a pid file lets the next
// start find and stop a server orphaned some other way.
class NatsServerLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NatsServerLauncher)

public:
    struct Options
    {
        QString storeDir;   // JetStream store; created if missing
        QString configFile; // optional; used instead of the command-line listen options
        QString pidFile;    // optional; enables orphan clean-up across runs
        quint16 port = 0;   // 0 = let the server choose
    };

    explicit NatsServerLauncher(Options options, QObject *parent = nullptr);
    ~NatsServerLauncher() override;

    // Starts the server; ready() or failed() follows.
    void start();
    // Blocks until ready or failed (tests and command-line tools only; never on the GUI thread).
    bool waitUntilReady(int timeoutMs, QString *error);
    void stop();
    void kill();

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString url() const;
    qint64 pid() const;
    QString log() const { return QString::fromUtf8(m_log); }

    // Stops a server recorded in `pidFile` by an earlier run that did not clean up.
    // Returns true when one was found and stopped.
    static bool stopOrphan(const QString &pidFile);

signals:
    void ready(const QString &url);
    void failed(const QString &reason);
    void exited(int exitCode);

private:
    void handleOutput();
    void handleFinished(int exitCode);
    void writePidFile() const;

    Options m_options;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
    bool m_ready = false;
    QString m_failure;
};

} // namespace cotal::local
