#pragma once

#include "core/endpoint/endpointoptions.h"
#include "core/profile/connectionprofile.h"
#include "core/space/spaceaccess.h"
#include "core/wire/joinlink.h"

#include <QByteArray>
#include <QTemporaryFile>
#include <memory>

namespace cotal::ui {

// Turns a saved profile plus its secret (from the keychain or typed for this session) into the
// options the console's endpoint runs with.
struct ConsoleConnection
{
    endpoint::EndpointOptions options;
    // The view credential's profile name and the role credentials, for the admin panes.
    space::SpaceCredentials credentials;
    // NKey seeds: cnats reads the seed from a file on every (re)connect, so the keychain copy
    // is written to a private 0600 file in the runtime directory for the session's lifetime.
    std::unique_ptr<QTemporaryFile> seedFile;
    QString error;
    // Said once the session opens (e.g. why the console cannot appear in the space).
    QString notice;
};

nats::ConnectionOptions connectionOptions(const profile::ConnectionProfile &profile,
                                          const QByteArray &secret);
// The console's identity is an admin view with the all-activity tap; it sends as
// profile.instanceId / displayName.
ConsoleConnection consoleConnection(const profile::ConnectionProfile &profile,
                                    const QByteArray &secret);
// A profile (and the link's secret) from a parsed join link; name, identity and TLS files
// untouched.
void applyJoinLink(const wire::JoinLink &link, profile::ConnectionProfile *profile,
                   QByteArray *secret);

} // namespace cotal::ui
