#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <csignal>

namespace cotal::testing {

namespace {

constexpr int kStartTimeoutMs = 15000;

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
    return m_launcher ? m_launcher->pid() : 0;
}

QString NatsServerProcess::storeDir() const
{
    return m_workDir.filePath(QStringLiteral("store"));
}

bool NatsServerProcess::isRunning() const
{
    return m_launcher && m_launcher->isRunning();
}

bool NatsServerProcess::writeConfig(QString *configPath, QString *error) const
{
    QFile templateFile(m_options.configTemplate);
    if (!templateFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(m_options.configTemplate);
        return false;
    }
    QByteArray config = templateFile.readAll();
    config.replace("{{PORT}}", m_port ? QByteArray::number(m_port) : QByteArrayLiteral("-1"));
    config.replace("{{STORE_DIR}}", storeDir().toUtf8());
    *configPath = m_workDir.filePath(QStringLiteral("server.conf"));
    QFile configFile(*configPath);
    if (!configFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        configFile.write(config) != config.size()) {
        *error = QStringLiteral("cannot write %1").arg(*configPath);
        return false;
    }
    return true;
}

bool NatsServerProcess::start(QString *error)
{
    QString localError;
    QString &reason = error ? *error : localError;
    if (!m_workDir.isValid()) {
        reason = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    local::NatsServerLauncher::Options options;
    options.storeDir = storeDir();
    options.port = m_port; // a restart keeps the port clients reconnect to
    if (!m_options.configTemplate.isEmpty() && !writeConfig(&options.configFile, &reason))
        return false;
    m_launcher = std::make_unique<local::NatsServerLauncher>(options);
    m_launcher->start();
    if (!m_launcher->waitUntilReady(kStartTimeoutMs, &reason))
        return false;
    m_port = m_launcher->port();
    return true;
}

void NatsServerProcess::stop()
{
    if (m_launcher)
        m_launcher->stop();
}

void NatsServerProcess::kill()
{
    if (m_launcher)
        m_launcher->kill();
}

void NatsServerProcess::freeze()
{
    if (isRunning())
        ::kill(pid_t(pid()), SIGSTOP);
}

void NatsServerProcess::thaw()
{
    if (isRunning())
        ::kill(pid_t(pid()), SIGCONT);
}

QString NatsServerProcess::log() const
{
    return m_launcher ? m_launcher->log() : QString();
}

} // namespace cotal::testing
