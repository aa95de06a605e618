#pragma once

#include "core/wire/result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::wire {

// True when no dot-segment (after JS trim) is `*` or `>`; only concrete channels can be published
// to (wire.md §5.1).
bool isConcreteChannel(const QString &channel);

// Policy validation (the reference's assertValidChannel, wire.md §5.2): every segment is `*`, `>`
// (last only) or [A-Za-z0-9_-]+; no trimming, no rewriting. Returns the channel unchanged.
Result<QString> validateChannel(const QString &channel);

// validateChannel plus isConcreteChannel: the form a publish target, registry key or member key
// needs.
Result<QString> validateConcreteChannel(const QString &channel);

// NATS pattern matching (wire.md §5.3); also used on dotted channel names. `a.>` does not match
// `a`.
bool subjectMatches(const QString &pattern, const QString &subject);
// The same on names split at '.' already, for callers that match many pairs.
bool tokensMatch(const QStringList &patternTokens, const QStringList &subjectTokens);

// True iff some allow entry matches the channel (wire.md §5.4): the single ACL coverage rule.
bool channelInAllow(const QStringList &allow, const QString &channel);

// True when every subject matched by `inner` is also matched by `outer` (wildcards compared as
// wildcards, not as literal tokens).
bool patternCovers(const QString &outer, const QString &inner);

// Dedupe, then drop every entry covered by a different entry (wire.md §5.5), keeping input order.
QStringList collapseFilterSubjects(const QStringList &subjects);

// Owner tokens (member keys, ACL keys, dinbox/dlv owners): ^[A-Za-z0-9_-]+$, fail loud.
Result<QString> validateOwnerToken(const QString &owner);

// Display names (wire.md §1 rule 5): non-empty, no outer whitespace, no CR/LF, no '/' or '\'.
Result<QString> validateName(const QString &name);

// A durable membership key `<channel>/<owner>` (storage.md §5.3).
struct MemberKey
{
    QString channel;
    QString owner;

    friend bool operator==(const MemberKey &, const MemberKey &) = default;
};

// Builds the key from a concrete, valid channel and a valid owner token; refuses anything else so a
// key can never alias another member's.
Result<QString> memberKey(const QString &channel, const QString &owner);

// Splits at the first '/'; no key when the '/' is missing, first or last (storage.md §5.3).
std::optional<MemberKey> parseMemberKey(const QString &key);

} // namespace cotal::wire
