#pragma once

#include <QFuture>
#include <QString>

namespace cotal::profile {

struct SecretResult
{
    enum class Status
    {
        Ok,
        NotFound,
        NoKeychain, // no Secret Service / keychain backend: offer "don't remember"
        Denied,
        Failed,
    };

    Status status = Status::Ok;
    QByteArray secret; // set by read()
    QString message;   // human-readable reason; never contains the secret

    bool ok() const { return status == Status::Ok; }
};

// Secrets (passwords, tokens, creds, seeds) live only in the OS keychain, through QtKeychain.
// Entries are keyed "<profile id>/<kind>" under one service name. Call from a thread with an
// event loop; results arrive as futures.
class SecretStore final
{
public:
    explicit SecretStore(QString service = QStringLiteral("cotal-console"));

    QFuture<SecretResult> write(const QString &profileId, const QString &kind,
                                const QByteArray &secret) const;
    QFuture<SecretResult> read(const QString &profileId, const QString &kind) const;
    QFuture<SecretResult> remove(const QString &profileId, const QString &kind) const;

private:
    QString m_service;
};

} // namespace cotal::profile
