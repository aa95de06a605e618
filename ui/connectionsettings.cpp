#include "ui/connectionsettings.h"

#include "core/profile/credentialidentity.h"
#include "core/wire/names.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace cotal::ui {

using profile::ConnectionProfile;

nats::ConnectionOptions connectionOptions(const ConnectionProfile &profile,
                                          const QByteArray &secret)
{
    nats::ConnectionOptions options;
    options.servers = profile.servers;
    options.tlsRequired = profile.tlsRequired;
    options.tlsCaFile = profile.tlsCaFile;
    options.tlsCertFile = profile.tlsCertFile;
    options.tlsKeyFile = profile.tlsKeyFile;
    switch (profile.authKind) {
    case ConnectionProfile::AuthKind::None:
        break;
    case ConnectionProfile::AuthKind::Token:
        options.token = QString::fromUtf8(secret);
        break;
    case ConnectionProfile::AuthKind::UserPassword:
        options.user = profile.user;
        options.password = QString::fromUtf8(secret);
        break;
    case ConnectionProfile::AuthKind::CredsFile:
        options.credsFile = profile.credsFile;
        break;
    case ConnectionProfile::AuthKind::CredsSecret:
        options.credsText = secret;
        break;
    case ConnectionProfile::AuthKind::NKeySeed:
        break; // the seed file is set up by consoleConnection
    }
    return options;
}

ConsoleConnection consoleConnection(const ConnectionProfile &profile, const QByteArray &secret)
{
    ConsoleConnection result;
    // With a credential the console is who the credential says (wire.md §1); the generated
    // instance id is only for open mode, token and user/password.
    const profile::CredentialIdentity identity =
        profile::credentialIdentity(profile.authKind, profile.credsFile, secret);
    if (!identity.ok()) {
        result.error = QCoreApplication::translate("cotal::ui", "The credential cannot be used: %1")
                           .arg(identity.error);
        return result;
    }
    nats::ConnectionOptions connection = connectionOptions(profile, secret);
    if (profile.authKind == ConnectionProfile::AuthKind::NKeySeed) {
        QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (dir.isEmpty())
            dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        auto file = std::make_unique<QTemporaryFile>(dir + QStringLiteral("/cotal-seed-XXXXXX"));
        // QTemporaryFile creates the file 0600; the seed never reaches settings.
        if (!file->open() || file->write(secret.trimmed() + '\n') < 0 || !file->flush()) {
            result.error =
                QCoreApplication::translate("cotal::ui", "Cannot prepare the NKey seed: %1")
                    .arg(file->errorString());
            return result;
        }
        connection.nkeySeedFile = file->fileName();
        result.seedFile = std::move(file);
    }
    result.credentials.viewProfile = identity.name;
    result.credentials.view.grants = identity.grants;
    const QList<QPair<space::Credential, QString>> roles{
        {space::Credential::Provisioner, profile.provisionerCredsFile},
        {space::Credential::Delivery, profile.deliveryCredsFile}};
    for (const auto &[role, file] : roles) {
        if (file.isEmpty())
            continue;
        const profile::CredentialIdentity roleIdentity =
            profile::credentialIdentity(ConnectionProfile::AuthKind::CredsFile, file, {});
        if (!roleIdentity.ok()) {
            result.error =
                QCoreApplication::translate("cotal::ui", "The %1 credential cannot be used: %2")
                    .arg(space::SpaceAccess::roleName(role), roleIdentity.error);
            return result;
        }
        nats::ConnectionOptions roleConnection = connection;
        roleConnection.token.clear();
        roleConnection.user.clear();
        roleConnection.password.clear();
        roleConnection.credsText.clear();
        roleConnection.nkeySeedFile.clear();
        roleConnection.credsFile = file;
        roleConnection.inboxId = roleIdentity.publicKey;
        result.credentials.roles[role] = {roleConnection, roleIdentity.grants};
    }
    if (profile.membershipObserverCredsFile.isEmpty() != profile.membershipRwCredsFile.isEmpty()) {
        result.error = QCoreApplication::translate(
            "cotal::ui", "The membership feed needs both its observer and its writer creds file.");
        return result;
    }
    if (!profile.membershipObserverCredsFile.isEmpty()) {
        space::FeedCredentials feed;
        const QList<QPair<nats::ConnectionOptions *, QString>> files{
            {&feed.observer, profile.membershipObserverCredsFile},
            {&feed.writer, profile.membershipRwCredsFile}};
        for (const auto &[options, file] : files) {
            const profile::CredentialIdentity feedIdentity =
                profile::credentialIdentity(ConnectionProfile::AuthKind::CredsFile, file, {});
            if (!feedIdentity.ok()) {
                result.error = QCoreApplication::translate(
                                   "cotal::ui", "The membership feed credential cannot be used: %1")
                                   .arg(feedIdentity.error);
                return result;
            }
            *options = connection;
            options->token.clear();
            options->user.clear();
            options->password.clear();
            options->credsText.clear();
            options->nkeySeedFile.clear();
            options->credsFile = file;
            options->inboxId.clear();
        }
        result.credentials.membershipFeed = feed;
    }
    result.options = endpoint::EndpointOptions::adminConsole(std::move(connection), profile.space);
    result.options.card.id = identity.carriesIdentity ? identity.publicKey : profile.instanceId;
    if (!profile.displayName.isEmpty())
        result.options.card.name = profile.displayName;
    if (profile.appearInSpace) {
        // The presence key is the id; a credential that may not write it stays invisible
        // rather than being refused by the broker every heartbeat.
        const QString key = QStringLiteral("$KV.%1.%2")
                                .arg(wire::presenceBucket(profile.space), result.options.card.id);
        if (identity.grants.mayPublish(key)) {
            result.options.registerPresence = true;
        } else {
            result.notice =
                QCoreApplication::translate("cotal::ui",
                                            "The %1 credential may not write presence: the "
                                            "console stays invisible in this space.")
                    .arg(identity.name.isEmpty() ? QStringLiteral("view") : identity.name);
        }
    }
    return result;
}

void applyJoinLink(const wire::JoinLink &link, ConnectionProfile *profile, QByteArray *secret)
{
    profile->servers = QStringList{link.servers};
    profile->space = link.space;
    profile->tlsRequired = link.tls;
    switch (link.auth) {
    case wire::JoinAuth::None:
        profile->authKind = ConnectionProfile::AuthKind::None;
        secret->clear();
        break;
    case wire::JoinAuth::Token:
        profile->authKind = ConnectionProfile::AuthKind::Token;
        *secret = link.token.toUtf8();
        break;
    case wire::JoinAuth::UserPassword:
        profile->authKind = ConnectionProfile::AuthKind::UserPassword;
        profile->user = link.user;
        *secret = link.password.toUtf8();
        break;
    }
}

} // namespace cotal::ui
