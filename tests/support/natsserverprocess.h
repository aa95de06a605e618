#pragma once

#include "core/local/natsserverlauncher.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace cotal::testing {

// A real `nats-server -js` on a random loopback port with its own temporary store.
// The server dies with the process that started it (PR_SET_PDEATHSIG), so a killed test
// leaves no orphan behind.
class NatsServerProcess final
{
    Q_DISABLE_COPY_MOVE(NatsServerProcess)

public:
    struct Options
    {
        // A config file; "{{PORT}}" and "{{STORE_DIR}}" in it are filled in by the harness.
        QString configTemplate;
    };

    NatsServerProcess();
    explicit NatsServerProcess(Options options);
    ~NatsServerProcess();

    // Starts the server and waits until it accepts client connections. Returns false with a
    // reason on failure. A restart after kill() reuses the port and the store.
    bool start(QString *error = nullptr);
    void stop();
    // SIGKILL, as a crash would; the store survives for a later start().
    void kill();
    // SIGSTOP / SIGCONT: a hung broker that holds its connections open and answers nothing.
    void freeze();
    void thaw();

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString url() const;
    qint64 pid() const;
    QString storeDir() const;
    // Everything the server printed so far (read as the event loop runs).
    QString log() const;

private:
    bool writeConfig(QString *configPath, QString *error) const;

    Options m_options;
    QTemporaryDir m_workDir;
    std::unique_ptr<local::NatsServerLauncher> m_launcher;
    quint16 m_port = 0;
};

} // namespace cotal::testing
