#include "core/wire/joinlink.h"

#include "core/wire/token.h"

#include <QStringDecoder>
#include <QUrl>

namespace cotal::wire {

namespace {

constexpr int kDefaultNatsPort = 4222;

WireError linkError(const QString &why)
{
    return wireError(WireErrorCode::InvalidJoinLink, why);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Strict mode is JavaScript's decodeURIComponent (a bad escape or invalid UTF-8 is an error);
// lenient mode is the WHATWG form decoder (bad escapes stay literal, bad UTF-8 becomes U+FFFD).
std::optional<QString> percentDecode(const QString &encoded, bool strict)
{
    const QByteArray utf8 = encoded.toUtf8();
    QByteArray bytes;
    bytes.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '%' && i + 2 < utf8.size() && hexValue(utf8.at(i + 1)) >= 0 &&
            hexValue(utf8.at(i + 2)) >= 0) {
            bytes.append(
                static_cast<char>(hexValue(utf8.at(i + 1)) * 16 + hexValue(utf8.at(i + 2))));
            i += 2;
        } else if (c == '%' && strict) {
            return std::nullopt;
        } else {
            bytes.append(c);
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (strict && decoder.hasError())
        return std::nullopt;
    return decoded;
}

// URLSearchParams.get(): the first value for the name, form-decoded ('+' is a space).
std::optional<QString> searchParam(const QString &query, const QString &name)
{
    const QStringList pairs = query.split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        QString key = equals < 0 ? pair : pair.left(equals);
        QString value = equals < 0 ? QString() : pair.mid(equals + 1);
        key.replace(u'+', u' ');
        value.replace(u'+', u' ');
        if (percentDecode(key, false).value_or(QString()) == name)
            return percentDecode(value, false).value_or(QString());
    }
    return std::nullopt;
}

qsizetype authorityEnd(const QString &rest)
{
    qsizetype end = rest.size();
    for (const QChar delimiter : {u'/', u'?', u'#', u'\\'}) {
        const qsizetype at = rest.indexOf(delimiter);
        if (at >= 0 && at < end)
            end = at;
    }
    return end;
}

bool isHexUnit(QChar unit)
{
    return unit.unicode() < 128 && hexValue(static_cast<char>(unit.unicode())) >= 0;
}

bool hasMalformedEscape(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'%')
            continue;
        if (i + 2 >= text.size() || !isHexUnit(text.at(i + 1)) || !isHexUnit(text.at(i + 2)))
            return true;
    }
    return false;
}

// The parts the reference runs through decodeURIComponent (userinfo and the first path segment)
// must not hold a bad escape; QUrl would quietly turn it into %25.
bool rawPartsDecodable(const QString &rest)
{
    const qsizetype end = authorityEnd(rest);
    const qsizetype at = QStringView(rest).left(end).lastIndexOf(u'@');
    if (at > 0 && hasMalformedEscape(QStringView(rest).left(at)))
        return false;
    qsizetype start = end;
    while (start < rest.size() && (rest.at(start) == u'/' || rest.at(start) == u'\\'))
        ++start;
    qsizetype stop = start;
    while (stop < rest.size() && rest.at(stop) != u'/' && rest.at(stop) != u'\\' &&
           rest.at(stop) != u'?' && rest.at(stop) != u'#')
        ++stop;
    return !hasMalformedEscape(QStringView(rest).mid(start, stop - start));
}

// WHATWG takes the LAST '@' of the authority as the userinfo end; QUrl refuses a second '@'.
// Escape the earlier ones so both agree.
QString escapeInnerAtSigns(const QString &rest)
{
    const qsizetype lastAt = QStringView(rest).left(authorityEnd(rest)).lastIndexOf(u'@');
    if (lastAt <= 0)
        return rest;
    QString userinfo = rest.left(lastAt);
    userinfo.replace(u'@', QStringLiteral("%40"));
    return userinfo + rest.mid(lastAt);
}

} // namespace

Result<JoinLink> parseJoinLink(const QString &link)
{
    static const QString plainScheme = QStringLiteral("cotal://");
    static const QString tlsScheme = QStringLiteral("cotals://");
    JoinLink parsed;
    parsed.tls = link.startsWith(tlsScheme);
    if (!parsed.tls && !link.startsWith(plainScheme))
        return linkError(QStringLiteral("not a Cotal link (expected cotal:// or cotals://)"));

    const QString rest = link.mid(parsed.tls ? tlsScheme.size() : plainScheme.size());
    if (!rawPartsDecodable(rest))
        return linkError(QStringLiteral("Cotal link has a malformed percent-escape"));
    const QString reparse = (parsed.tls ? QStringLiteral("https://") : QStringLiteral("http://")) +
                            escapeInnerAtSigns(rest);
    const QUrl url(reparse, QUrl::TolerantMode);
    if (!url.isValid())
        return linkError(QStringLiteral("malformed Cotal link (bad host, port or characters)"));
    const QString host = url.host(QUrl::FullyEncoded);
    if (host.isEmpty())
        return linkError(QStringLiteral("Cotal link has no host"));
    parsed.host = host.contains(u':') ? u'[' + host + u']' : host;

    // The WHATWG parser drops a port equal to the scheme default, so the reference falls back to
    // 4222 for http:80 / https:443. Replicated on purpose: the same link must reach the same
    // server.
    const int schemeDefault = parsed.tls ? 443 : 80;
    const int port = url.port(-1);
    parsed.port = (port < 0 || port == schemeDefault) ? kDefaultNatsPort : port;
    parsed.servers = QStringLiteral("nats://%1:%2").arg(parsed.host).arg(parsed.port);

    QString path = url.path(QUrl::FullyEncoded);
    qsizetype start = 0;
    while (start < path.size() && path.at(start) == u'/')
        ++start;
    const qsizetype end = path.indexOf(u'/', start);
    const std::optional<QString> space =
        percentDecode(path.mid(start, end < 0 ? -1 : end - start), true);
    if (!space)
        return linkError(QStringLiteral("Cotal link space is not valid percent-encoded UTF-8"));
    if (space->isEmpty())
        return linkError(QStringLiteral("Cotal link has no space (cotal://host/<space>)"));
    parsed.space = *space;

    if (url.hasQuery()) {
        const QString query = url.query(QUrl::FullyEncoded);
        std::optional<QString> param = searchParam(query, QStringLiteral("channels"));
        if (!param)
            param = searchParam(query, QStringLiteral("channel"));
        if (param && !param->isEmpty()) {
            QStringList channels;
            const QStringList pieces = param->split(u',');
            for (const QString &piece : pieces) {
                const QString trimmed = jsTrim(piece);
                if (!trimmed.isEmpty())
                    channels.append(trimmed);
            }
            parsed.channels = channels;
        }
    }

    const std::optional<QString> user = percentDecode(url.userName(QUrl::FullyEncoded), true);
    const std::optional<QString> password = percentDecode(url.password(QUrl::FullyEncoded), true);
    if (!user || !password)
        return linkError(QStringLiteral("Cotal link credentials are not valid percent-encoding"));
    if (user->isEmpty() && !password->isEmpty())
        return linkError(QStringLiteral("Cotal link has a password but no user name"));
    if (!user->isEmpty() && password->isEmpty()) {
        parsed.auth = JoinAuth::Token;
        parsed.token = *user;
    } else if (!user->isEmpty()) {
        parsed.auth = JoinAuth::UserPassword;
        parsed.user = *user;
        parsed.password = *password;
    }
    return parsed;
}

QString formatJoinLink(const JoinLinkParts &parts)
{
    // encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) unescaped.
    const auto encode = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text, QByteArrayLiteral("!~*'()")));
    };
    QString link = parts.tls ? QStringLiteral("cotals://") : QStringLiteral("cotal://");
    if (!parts.token.isEmpty())
        link += encode(parts.token) + u'@';
    const bool bareIpv6 = parts.host.contains(u':') && !parts.host.startsWith(u'[');
    link += bareIpv6 ? u'[' + parts.host + u']' : parts.host;
    if (parts.port != 0)
        link += u':' + QString::number(parts.port);
    link += u'/' + encode(parts.space);
    if (!parts.channels.isEmpty())
        link += QStringLiteral("?channel=") + parts.channels.join(u',');
    return link;
}

std::optional<WireError> credsFileConflict(const JoinLink &link)
{
    if (link.auth == JoinAuth::None)
        return std::nullopt;
    return linkError(QStringLiteral("a creds file cannot be combined with a join link that carries "
                                    "a token or user/password"));
}

} // namespace cotal::wire
