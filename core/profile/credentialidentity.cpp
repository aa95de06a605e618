#include "core/profile/credentialidentity.h"

#include "core/trust/nkeypair.h"
#include "core/wire/creds.h"

#include <QCoreApplication>
#include <QFile>

namespace cotal::profile {

namespace {

// Gives the messages below a translation context lupdate extracts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cotal::profile::CredentialIdentity)
};

CredentialIdentity fromCredsText(const QByteArray &text)
{
    CredentialIdentity identity;
    identity.carriesIdentity = true;
    const wire::Result<wire::UserCreds> creds = wire::parseCreds(text);
    if (!creds) {
        identity.error = Text::tr("not a NATS user creds text: %1").arg(creds.error().detail);
        return identity;
    }
    identity.publicKey = creds->subject;
    identity.name = creds->name;
    identity.grants = creds->grants;
    return identity;
}

} // namespace

CredentialIdentity credentialIdentity(ConnectionProfile::AuthKind kind, const QString &credsFile,
                                      const QByteArray &secret)
{
    using Kind = ConnectionProfile::AuthKind;
    switch (kind) {
    case Kind::CredsFile: {
        QFile file(credsFile);
        if (credsFile.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            CredentialIdentity identity;
            identity.carriesIdentity = true;
            identity.error =
                credsFile.isEmpty()
                    ? Text::tr("no creds file chosen")
                    : Text::tr("cannot read %1: %2").arg(credsFile, file.errorString());
            return identity;
        }
        return fromCredsText(file.readAll());
    }
    case Kind::CredsSecret:
        return fromCredsText(secret);
    case Kind::NKeySeed: {
        CredentialIdentity identity;
        identity.carriesIdentity = true;
        const std::optional<trust::NKeyPair> key = trust::NKeyPair::fromSeed(secret);
        if (key && key->type() == wire::NKeyType::User)
            identity.publicKey = QString::fromLatin1(key->publicKey());
        else
            identity.error = Text::tr("not a user NKey seed (SU…)");
        return identity;
    }
    case Kind::None:
    case Kind::Token:
    case Kind::UserPassword:
        break;
    }
    return {};
}

} // namespace cotal::profile
