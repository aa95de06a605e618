#include "core/local/natsserverlauncher.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace cotal::local {

namespace {

void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died between fork and prctl.
    if (::getppid() == 1)
        ::_exit(1);
}

QByteArray commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().replace('\0', ' ');
}

} // namespace

NatsServerLauncher::NatsServerLauncher(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

NatsServerLauncher::~NatsServerLauncher()
{
    stop();
}

QString NatsServerLauncher::url() const
{
    return QStringLiteral("nats://127.0.0.1:%1").arg(m_port);
}

qint64 NatsServerLauncher::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool NatsServerLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void NatsServerLauncher::start()
{
    m_ready = false;
    m_failure.clear();
    m_log.clear();
    const QString executable = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
    if (executable.isEmpty()) {
        m_failure = tr("nats-server is not installed (Debian package nats-server)");
        emit failed(m_failure);
        return;
    }
    if (!m_options.pidFile.isEmpty())
        stopOrphan(m_options.pidFile);

    QStringList args;
    if (!m_options.configFile.isEmpty()) {
        args << QStringLiteral("-c") << m_options.configFile;
    } else {
        QDir().mkpath(m_options.storeDir);
        const QString port = m_port           ? QString::number(m_port)
                             : m_options.port ? QString::number(m_options.port)
                                              : QStringLiteral("-1");
        args << QStringLiteral("-a") << QStringLiteral("127.0.0.1") << QStringLiteral("-p") << port
             << QStringLiteral("-js") << QStringLiteral("-sd") << m_options.storeDir;
    }

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setChildProcessModifier(dieWithParent);
    connect(m_process.get(), &QProcess::readyRead, this, &NatsServerLauncher::handleOutput);
    connect(m_process.get(), &QProcess::finished, this,
            [this](int exitCode) { handleFinished(exitCode); });
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_ready && m_failure.isEmpty() && m_process->state() == QProcess::NotRunning) {
            m_failure = tr("nats-server could not be started: %1").arg(m_process->errorString());
            emit failed(m_failure);
        }
    });
    m_process->start(executable, args);
}

void NatsServerLauncher::handleOutput()
{
    static const QRegularExpression listening(
        QStringLiteral("Listening for client connections on [^\\s]*:(\\d+)"));
    m_log += m_process->readAll();
    if (m_ready)
        return;
    const auto match = listening.match(QString::fromUtf8(m_log));
    if (match.hasMatch() && m_log.contains("Server is ready")) {
        m_port = match.captured(1).toUShort();
        m_ready = true;
        writePidFile();
        emit ready(url());
    }
}

void NatsServerLauncher::handleFinished(int exitCode)
{
    m_log += m_process->readAll();
    if (!m_ready && m_failure.isEmpty()) {
        m_failure = tr("nats-server exited before it was ready: %1").arg(QString::fromUtf8(m_log));
        emit failed(m_failure);
    }
    m_ready = false;
    if (!m_options.pidFile.isEmpty())
        QFile::remove(m_options.pidFile);
    emit exited(exitCode);
}

bool NatsServerLauncher::waitUntilReady(int timeoutMs, QString *error)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_ready && m_failure.isEmpty() && !deadline.hasExpired()) {
        if (m_process && m_process->state() != QProcess::NotRunning)
            m_process->waitForReadyRead(50);
        else
            QThread::msleep(10);
        if (m_process && m_process->bytesAvailable() > 0)
            handleOutput();
        if (m_process && m_process->state() == QProcess::NotRunning && !m_ready &&
            m_failure.isEmpty())
            handleFinished(m_process->exitCode());
    }
    if (!m_ready && error)
        *error =
            m_failure.isEmpty() ? tr("nats-server not ready in time: %1").arg(log()) : m_failure;
    return m_ready;
}

void NatsServerLauncher::writePidFile() const
{
    if (m_options.pidFile.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_options.pidFile).absolutePath());
    QFile file(m_options.pidFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QByteArray::number(pid()) + '\n');
}

void NatsServerLauncher::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void NatsServerLauncher::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

bool NatsServerLauncher::stopOrphan(const QString &pidFile)
{
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    file.close();
    QFile::remove(pidFile);
    // Only a process that still is a nats-server; the pid may have been reused since.
    if (pid <= 0 || !commandLineOf(pid).contains("nats-server"))
        return false;
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired() && commandLineOf(pid).contains("nats-server"))
        QThread::msleep(20);
    if (commandLineOf(pid).contains("nats-server"))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    return true;
}

} // namespace cotal::local
