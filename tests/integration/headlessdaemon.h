#pragma once

#include <QProcess>
#include <QStringList>
#include <csignal>
#include <sys/prctl.h>

namespace cotal::testing {

// `cotal-console --headless --deliver` as a supervisor runs it: its own process, its stderr kept.
class HeadlessDaemon final
{
public:
    HeadlessDaemon(const QString &url, const QString &space, const QStringList &extra = {})
        : m_arguments{QStringLiteral("--headless"), QStringLiteral("--deliver"),
                      QStringLiteral("--space"),    space,
                      QStringLiteral("--server"),   url}
    {
        m_arguments += extra;
        // A daemon outliving a crashed test would keep delivering into the next run.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
    }

    ~HeadlessDaemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void start()
    {
        m_stderr.clear();
        m_process.start(QStringLiteral(COTAL_CONSOLE_EXECUTABLE), m_arguments);
    }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QProcess &process() { return m_process; }

    QString errorOutput()
    {
        m_stderr += m_process.readAllStandardError();
        return QString::fromLocal8Bit(m_stderr);
    }

private:
    QStringList m_arguments;
    QProcess m_process;
    QByteArray m_stderr;
};

} // namespace cotal::testing
