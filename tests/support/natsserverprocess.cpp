#include "tests/support/natsserverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace cotal::testing {

namespace {

constexpr int kStartTimeoutMs = 15000;

void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died between fork and prctl.
    if (::getppid() == 1)
        ::_exit(1);
}

} // namespace

NatsServerProcess::NatsServerProcess()
    : NatsServerProcess(Options{})
{}

NatsServerProcess::NatsServerProcess(Options options)
    : m_options(std::move(options))
{}

NatsServerProcess::~NatsServerProcess()
{
    stop();
}

QString NatsServerProcess::url() const
{
    return QStringLiteral("nats://127.0.0.1:%1").arg(m_port);
}

qint64 NatsServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString NatsServerProcess::storeDir() const
{
    return m_workDir.filePath(QStringLiteral("store"));
}

bool NatsServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QStringList NatsServerProcess::arguments(QString *error)
{
    const QString port = m_port ? QString::number(m_port) : QStringLiteral("-1");
    if (m_options.configTemplate.isEmpty()) {
        return {QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), port,
                QStringLiteral("-js"), QStringLiteral("-sd"), storeDir()};
    }
    QFile templateFile(m_options.configTemplate);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(m_options.configTemplate);
        return {};
    }
    QByteArray config = templateFile.readAll();
    config.replace("{{PORT}}", port.toUtf8());
    config.replace("{{STORE_DIR}}", storeDir().toUtf8());
    const QString configPath = m_workDir.filePath(QStringLiteral("server.conf"));
    QFile configFile(configPath);
    if (!configFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || configFile.write(config) != config.size()) {
        *error = QStringLiteral("cannot write %1").arg(configPath);
        return {};
    }
    return {QStringLiteral("-c"), configPath};
}

bool NatsServerProcess::start(QString *error)
{
    QString localError;
    QString &reason = error ? *error : localError;
    if (!m_workDir.isValid()) {
        reason = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString executable = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
    if (executable.isEmpty()) {
        reason = QStringLiteral("nats-server is not on PATH (scripts/setup installs it)");
        return false;
    }
    const QStringList args = arguments(&reason);
    if (args.isEmpty())
        return false;

    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setChildProcessModifier(dieWithParent);
    m_process->start(executable, args);
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        reason = QStringLiteral("nats-server did not start: %1").arg(m_process->errorString());
        return false;
    }
    return waitUntilReady(&reason);
}

bool NatsServerProcess::waitUntilReady(QString *error)
{
    static const QRegularExpression listening(
        QStringLiteral("Listening for client connections on [^\\s]*:(\\d+)"));
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("nats-server exited: %1").arg(QString::fromUtf8(m_log));
            return false;
        }
        m_process->waitForReadyRead(100);
        m_log += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch() && m_log.contains("Server is ready")) {
            m_port = match.captured(1).toUShort();
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            if (probe.waitForConnected(1000))
                return true;
        }
    }
    *error = QStringLiteral("nats-server not ready in time: %1").arg(QString::fromUtf8(m_log));
    return false;
}

void NatsServerProcess::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void NatsServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

} // namespace cotal::testing
