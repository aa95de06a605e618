#pragma once

#include <QString>
#include <QStringList>

namespace cotal::nats {

// Everything needed to open one connection. Secrets live here only in memory; the UI keeps
// them in the OS keychain.
struct ConnectionOptions
{
    QStringList servers; // nats:// or tls:// URLs
    QString name;        // client connection name shown in server monitoring
    // The instance id; the inbox prefix becomes "_INBOX_<id>" before any request (wire.md §10).
    QString inboxId;

    QString token;
    QString user;
    QString password;
    QString credsFile;    // chained creds file (JWT + seed)
    QByteArray credsText; // the same, held in memory (from the keychain); wins over credsFile
    QString nkeySeedFile;

    bool tlsRequired = false;
    QString tlsCaFile;
    QString tlsCertFile;
    QString tlsKeyFile;

    int connectTimeoutMs = 5000;
    int reconnectWaitMs = 1000; // first back-off step; doubled up to maxReconnectWaitMs
    int maxReconnectWaitMs = 30000;
    // A broker that stops answering (frozen, a dead link) is declared lost after this many
    // unanswered PINGs sent this far apart, then reconnected to. cnats' own default (2 min,
    // 2 out) would keep a frozen broker "connected" for minutes.
    int pingIntervalMs = 2000;
    int maxPingsOut = 2;
    bool retryOnFailedConnect = false;
    // Write every publish and request at once instead of letting the client's flusher wait 1 ms
    // for more: for a connection that carries few, latency-bound requests.
    bool sendAsap = false;
};

} // namespace cotal::nats
