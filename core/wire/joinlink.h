#pragma once

#include "core/wire/result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::wire {

// Join links (wire.md §11):
//   cotal://[token@]host[:port]/space[?channel=a,b]     plaintext
//   cotals://[token@]host[:port]/space[?channel=a,b]    TLS required
//   cotal://user:pass@host[:port]/space                 user/password

enum class JoinAuth
{
    None,
    Token,
    UserPassword,
};

struct JoinLink
{
    // `nats://<host>:<port>`; credentials never stay in it.
    QString servers;
    // As written in a URL: lowercased, IPv6 literals keep their brackets.
    QString host;
    int port = 4222;
    // Percent-decoded and raw (not tokenised).
    QString space;
    // No value: the link names no channels (use the configured ones). A value, even an empty list,
    // is what the link's channel parameter said.
    std::optional<QStringList> channels;
    bool tls = false;
    JoinAuth auth = JoinAuth::None;
    QString token;
    QString user;
    QString password;
};

// Parses like the reference (a WHATWG re-parse as http/https). Deliberate choices:
// - the reference's default-port quirk is replicated: `cotal://h:80/x` and `cotals://h:443/x`
//   connect to 4222 (the WHATWG parser drops a scheme-default port), `cotals://h:80/x` keeps 80;
// - a password without a user name is refused (the reference silently drops the credentials);
// - error details never repeat the link, which may carry a token or password.
Result<JoinLink> parseJoinLink(const QString &link);

struct JoinLinkParts
{
    QString host;
    // 0 leaves the port out (the reader then uses 4222).
    int port = 0;
    QString space;
    QString token;
    bool tls = false;
    QStringList channels;
};

// `<cotal|cotals>://[enc(token)@]host[:port]/enc(space)[?channel=a,b]`, channels joined unencoded.
// A bare IPv6 host is bracketed.
QString formatJoinLink(const JoinLinkParts &parts);

// Rule 8: credentials from a creds file exclude a link's token or user/password. Returns the
// error to report when both are present.
std::optional<WireError> credsFileConflict(const JoinLink &link);

} // namespace cotal::wire
