#include "core/nats/nkeys_p.h"

#include <QRegularExpression>

namespace cotal::nats::detail {

namespace {

QByteArray block(const QByteArray &text, const char *label)
{
    // The creds format: a "-----BEGIN <label>-----" line, the value, a "------END" line.
    const QRegularExpression pattern(
        QStringLiteral("-{3,}BEGIN %1-{3,}\\s*\\n\\s*(\\S+)\\s*\\n\\s*-{3,}END")
            .arg(QString::fromLatin1(label)));
    const auto match = pattern.match(QString::fromUtf8(text));
    return match.hasMatch() ? match.captured(1).toUtf8() : QByteArray();
}

} // namespace

std::optional<Credentials> parseCredentials(const QByteArray &text)
{
    Credentials credentials{block(text, "NATS USER JWT"), block(text, "USER NKEY SEED")};
    if (credentials.jwt.isEmpty() || credentials.seed.isEmpty())
        return std::nullopt;
    return credentials;
}

} // namespace cotal::nats::detail
