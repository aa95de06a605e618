#pragma once

#include "core/trust/nkeypair.h"
#include "core/trust/profilegrants.h"

#include <QByteArray>
#include <QString>

namespace cotal::trust {

// One minted user credential. `credsText` holds the seed: a secret.
struct MintedUser
{
    QByteArray publicKey; // the user's id in the space
    QByteArray jwt;
    QByteArray credsText;
};

// A fresh operator-mode trust chain, as the reference's `cotal up` creates one: an operator, a
// data account that signs users through a signing key, and the system account. It mints user
// creds for every profile and writes the nats-server config that trusts them. The seeds live
// only in this object.
class TrustChain final
{
public:
    TrustChain(const QString &operatorName, const QString &accountName);

    QByteArray operatorJwt() const { return m_operatorJwt; }
    QByteArray accountJwt() const { return m_accountJwt; }
    QByteArray systemAccountJwt() const { return m_systemJwt; }
    QByteArray operatorPublicKey() const { return m_operator.publicKey(); }
    QByteArray accountPublicKey() const { return m_account.publicKey(); }
    QByteArray systemAccountPublicKey() const { return m_system.publicKey(); }
    QByteArray signingPublicKey() const { return m_signing.publicKey(); }

    // Users of the data account are signed by its signing key; the membership observer is a
    // system-account user signed by the system account itself.
    MintedUser mint(UserProfile profile, const QString &space, const AgentGrants &agent = {}) const;

    // A nats-server config of the shape of the reference's `server.conf`: loopback, JetStream in
    // `storeDir`, the operator, the system account and both account JWTs preloaded. Port -1 lets
    // the server choose.
    QByteArray serverConfig(const QString &storeDir) const;

private:
    NKeyPair m_operator;
    NKeyPair m_account;
    NKeyPair m_signing;
    NKeyPair m_system;
    QByteArray m_operatorJwt;
    QByteArray m_accountJwt;
    QByteArray m_systemJwt;
};

} // namespace cotal::trust
