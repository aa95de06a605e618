#include "core/trust/trustchain.h"

#include "core/trust/jwtclaims.h"
#include "core/wire/jsonwriter.h"

#include <QDateTime>

namespace cotal::trust {

namespace {

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

TrustChain::TrustChain(const QString &operatorName, const QString &accountName)
    : m_operator(NKeyPair::generate(wire::NKeyType::Operator))
    , m_account(NKeyPair::generate(wire::NKeyType::Account))
    , m_signing(NKeyPair::generate(wire::NKeyType::Account))
    , m_system(NKeyPair::generate(wire::NKeyType::Account))
{
    const qint64 iat = now();
    const QByteArray operatorKey = m_operator.publicKey();
    m_operatorJwt =
        signJwt(operatorClaims(operatorName, operatorKey, m_system.publicKey(), iat), m_operator);
    m_accountJwt = signJwt(accountClaims(accountName, m_account.publicKey(), operatorKey,
                                         {m_signing.publicKey()}, false, iat),
                           m_operator);
    m_systemJwt = signJwt(
        accountClaims(QStringLiteral("SYS"), m_system.publicKey(), operatorKey, {}, true, iat),
        m_operator);
}

MintedUser TrustChain::mint(UserProfile profile, const QString &space,
                            const AgentGrants &agent) const
{
    const NKeyPair user = NKeyPair::generate(wire::NKeyType::User);
    const QByteArray key = user.publicKey();
    const UserPermissions permissions = profilePermissions(
        profile, space, QString::fromLatin1(key), agent, QString::fromLatin1(accountPublicKey()));
    const bool systemUser = profile == UserProfile::MembershipObserver;
    const NKeyPair &issuer = systemUser ? m_system : m_signing;
    const QByteArray claims =
        userClaims(profileName(profile), key, issuer.publicKey(),
                   systemUser ? QByteArray() : accountPublicKey(), permissions, now());
    MintedUser minted;
    minted.publicKey = key;
    minted.jwt = signJwt(claims, issuer);
    minted.credsText = credsFileText(minted.jwt, user.seed());
    return minted;
}

QByteArray TrustChain::serverConfig(const QString &storeDir) const
{
    wire::JsonWriter storePath;
    storePath.string(storeDir); // a JSON string, as the reference writes the path
    // max_control_line: agent JWTs (~5 KB) exceed the 4 KB default CONNECT line.
    return "host: 127.0.0.1\n"
           "port: -1\n"
           "max_control_line: 65536\n"
           "jetstream { store_dir: " +
           storePath.take() +
           " }\n"
           "operator: " +
           m_operatorJwt + "\nsystem_account: " + m_system.publicKey() +
           "\nresolver: MEMORY\nresolver_preload: {\n  " + m_account.publicKey() + ": " +
           m_accountJwt + "\n  " + m_system.publicKey() + ": " + m_systemJwt + "\n}\n";
}

} // namespace cotal::trust
