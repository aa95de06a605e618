#include "core/wire/channels.h"

#include "core/wire/token.h"

namespace cotal::wire {

namespace {

WireError channelError(const QString &channel, const QString &why)
{
    return wireError(WireErrorCode::InvalidChannel,
                     QStringLiteral("invalid channel \"%1\": %2").arg(channel, why));
}

} // namespace

bool isConcreteChannel(const QString &channel)
{
    const QStringList segments = channel.split(u'.');
    for (const QString &segment : segments) {
        const QString trimmed = jsTrim(segment);
        if (trimmed == u"*" || trimmed == u">")
            return false;
    }
    return true;
}

Result<QString> validateChannel(const QString &channel)
{
    const QStringList segments = channel.split(u'.');
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return channelError(
                channel, QStringLiteral("empty segment (no leading, trailing or double dots)"));
    }
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        if (segment == u">") {
            if (i != segments.size() - 1)
                return channelError(channel,
                                    QStringLiteral("'>' is only valid as the last segment"));
            continue;
        }
        if (segment == u"*")
            continue;
        // Anything token() would rewrite is refused: the raw string is what ACLs are checked
        // against, the sanitised one is what grants are minted for (wire.md §5.2).
        if (!isTokenStable(segment))
            return channelError(
                channel,
                QStringLiteral("segment \"%1\" must be [A-Za-z0-9_-], '*' or '>'").arg(segment));
    }
    return channel;
}

Result<QString> validateConcreteChannel(const QString &channel)
{
    Result<QString> valid = validateChannel(channel);
    if (!valid)
        return valid;
    if (!isConcreteChannel(channel))
        return channelError(channel, QStringLiteral("a wildcard is not a concrete channel"));
    return valid;
}

bool subjectMatches(const QString &pattern, const QString &subject)
{
    return tokensMatch(pattern.split(u'.'), subject.split(u'.'));
}

bool tokensMatch(const QStringList &p, const QStringList &s)
{
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p.at(i) == u">")
            return i < s.size();
        if (i >= s.size())
            return false;
        if (p.at(i) == u"*")
            continue;
        if (p.at(i) != s.at(i))
            return false;
    }
    return p.size() == s.size();
}

bool channelInAllow(const QStringList &allow, const QString &channel)
{
    for (const QString &entry : allow) {
        if (subjectMatches(entry, channel))
            return true;
    }
    return false;
}

bool patternCovers(const QString &outer, const QString &inner)
{
    const QStringList o = outer.split(u'.');
    const QStringList n = inner.split(u'.');
    for (qsizetype i = 0; i < o.size(); ++i) {
        if (o.at(i) == u">")
            return i < n.size();
        if (i >= n.size())
            return false;
        if (n.at(i) == u">")
            return false;
        if (o.at(i) == u"*")
            continue;
        if (n.at(i) == u"*" || o.at(i) != n.at(i))
            return false;
    }
    return o.size() == n.size();
}

QStringList collapseFilterSubjects(const QStringList &subjects)
{
    QStringList unique;
    for (const QString &subject : subjects) {
        if (!unique.contains(subject))
            unique.append(subject);
    }
    // The reference compares with subjectMatches, which reads the inner wildcards as literals and
    // so drops both of [a.*, a.>]; comparing as patterns keeps the broader one, as intended.
    QStringList kept;
    for (const QString &candidate : std::as_const(unique)) {
        bool covered = false;
        for (const QString &other : std::as_const(unique)) {
            if (other != candidate && patternCovers(other, candidate)) {
                covered = true;
                break;
            }
        }
        if (!covered)
            kept.append(candidate);
    }
    return kept;
}

Result<QString> validateOwnerToken(const QString &owner)
{
    if (!isTokenStable(owner))
        return wireError(WireErrorCode::InvalidOwnerToken,
                         QStringLiteral("invalid owner token \"%1\": must be one [A-Za-z0-9_-] "
                                        "token (no dots, '*' or '>')")
                             .arg(owner));
    return owner;
}

Result<QString> validateName(const QString &name)
{
    auto nameError = [&name](const QString &why) {
        return wireError(WireErrorCode::InvalidName,
                         QStringLiteral("invalid name \"%1\": %2").arg(name, why));
    };
    if (name.isEmpty())
        return nameError(QStringLiteral("must not be empty"));
    if (jsTrim(name) != name)
        return nameError(QStringLiteral("must not start or end with whitespace"));
    if (name.contains(u'\r') || name.contains(u'\n'))
        return nameError(QStringLiteral("must not contain a line break"));
    if (name.contains(u'/'))
        return nameError(QStringLiteral("must not contain '/' (reserved for owner/name handles)"));
    if (name.contains(u'\\'))
        return nameError(QStringLiteral("must not contain '\\'"));
    return name;
}

Result<QString> memberKey(const QString &channel, const QString &owner)
{
    const Result<QString> validChannel = validateConcreteChannel(channel);
    if (!validChannel)
        return validChannel.error();
    const Result<QString> validOwner = validateOwnerToken(owner);
    if (!validOwner)
        return validOwner.error();
    return channel + u'/' + owner;
}

std::optional<MemberKey> parseMemberKey(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash <= 0 || slash == key.size() - 1)
        return std::nullopt;
    return MemberKey{key.left(slash), key.mid(slash + 1)};
}

} // namespace cotal::wire
