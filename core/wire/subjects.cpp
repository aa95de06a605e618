#include "core/wire/subjects.h"

#include "core/wire/token.h"

#include <QStringList>
#include <QUuid>
#include <array>

namespace cotal::wire {

namespace {

const QString kRoot = QStringLiteral("cotal");

QString join(const QString &space, const QString &kind, const QString &tail)
{
    return spacePrefix(space) + u'.' + kind + u'.' + tail;
}

std::optional<QString> parseOwnerOf(const QString &subject, const QString &kind)
{
    const QStringList parts = subject.split(u'.');
    if (parts.size() != 4 || parts.at(0) != kRoot || parts.at(2) != kind)
        return std::nullopt;
    // The reference returns the empty string here, which its callers treat as "no owner" (falsy);
    // returning no value keeps that meaning explicit.
    if (parts.at(3).isEmpty())
        return std::nullopt;
    return parts.at(3);
}

} // namespace

QString spacePrefix(const QString &space)
{
    return kRoot + u'.' + token(space);
}

Result<QString> channelPath(const QString &channel)
{
    QStringList segments;
    const QStringList raw = channel.split(u'.');
    for (const QString &segment : raw) {
        const QString trimmed = jsTrim(segment);
        if (!trimmed.isEmpty())
            segments.append(trimmed);
    }
    if (segments.isEmpty())
        return QStringLiteral("_");
    QStringList out;
    out.reserve(segments.size());
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        if (segment == u">") {
            if (i != segments.size() - 1)
                return wireError(WireErrorCode::InvalidChannel,
                                 QStringLiteral("channel \"%1\": '>' is only valid as the last "
                                                "segment")
                                     .arg(channel));
            out.append(segment);
        } else if (segment == u"*") {
            out.append(segment);
        } else {
            out.append(token(segment));
        }
    }
    return out.join(u'.');
}

Result<QString> chatSubject(const QString &space, const QString &sender, const QString &channel)
{
    const Result<QString> path = channelPath(channel);
    if (!path)
        return path;
    return join(space, QStringLiteral("chat"), routeToken(sender) + u'.' + path.value());
}

QString unicastSubject(const QString &space, const QString &target, const QString &sender)
{
    return join(space, QStringLiteral("inst"), routeToken(target) + u'.' + routeToken(sender));
}

QString anycastSubject(const QString &space, const QString &role, const QString &sender)
{
    return join(space, QStringLiteral("svc"), routeToken(role) + u'.' + routeToken(sender));
}

QString controlSubject(const QString &space, const QString &service, const QString &sender)
{
    return join(space, QStringLiteral("ctl"), routeToken(service) + u'.' + routeToken(sender));
}

QString controlReplySubject(const QString &space, const QString &service, const QString &requester,
                            const QString &replyId)
{
    return controlSubject(space, service, requester) + QStringLiteral(".reply.") + token(replyId);
}

QString newReplyId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString dinboxSubject(const QString &space, const QString &owner)
{
    return join(space, QStringLiteral("dinbox"), routeToken(owner));
}

QString dlvSubject(const QString &space, const QString &owner)
{
    return join(space, QStringLiteral("dlv"), routeToken(owner));
}

QString traceSubject(const QString &space, const QString &instance)
{
    return join(space, QStringLiteral("trace"), token(instance));
}

QString controlPlaneSubject(const QString &space, const QString &instance)
{
    return join(space, QStringLiteral("control"), token(instance));
}

Result<QString> channelSubscription(const QString &space, const QString &channel)
{
    return chatSubject(space, QStringLiteral("*"), channel);
}

QString dmInboxFilter(const QString &space, const QString &id)
{
    return unicastSubject(space, id, QStringLiteral("*"));
}

QString dmSendGrant(const QString &space, const QString &id)
{
    return unicastSubject(space, QStringLiteral("*"), id);
}

QString roleQueueFilter(const QString &space, const QString &role)
{
    return anycastSubject(space, role, QStringLiteral("*"));
}

QString anycastSendGrant(const QString &space, const QString &id)
{
    return anycastSubject(space, QStringLiteral("*"), id);
}

QString controlServeSubscription(const QString &space, const QString &service)
{
    return controlSubject(space, service, QStringLiteral("*"));
}

QString controlReplySubtree(const QString &space, const QString &service, const QString &id)
{
    return controlSubject(space, service, id) + QStringLiteral(".reply.>");
}

QString observerTap(const QString &space)
{
    return join(space, QStringLiteral("chat"), QStringLiteral(">"));
}

QString adminTap(const QString &space)
{
    return spacePrefix(space) + QStringLiteral(".>");
}

QString fanoutFilter(const QString &space)
{
    return observerTap(space);
}

QString readerFilter(const QString &space)
{
    return join(space, QStringLiteral("dinbox"), QStringLiteral(">"));
}

QString dlvStreamFilter(const QString &space)
{
    return join(space, QStringLiteral("dlv"), QStringLiteral(">"));
}

std::optional<ParsedSubject> parseSubject(const QString &subject)
{
    const QStringList parts = subject.split(u'.');
    if (parts.at(0) != kRoot || parts.size() < 3)
        return std::nullopt;
    const QString &kind = parts.at(2);
    if (kind == u"chat") {
        if (parts.size() < 5)
            return std::nullopt;
        return ParsedSubject{SubjectKind::Chat, parts.at(3), parts.mid(4).join(u'.')};
    }
    SubjectKind parsedKind;
    if (kind == u"inst")
        parsedKind = SubjectKind::Inst;
    else if (kind == u"svc")
        parsedKind = SubjectKind::Svc;
    else if (kind == u"ctl")
        parsedKind = SubjectKind::Ctl;
    else
        return std::nullopt;
    if (parts.size() != 5)
        return std::nullopt;
    return ParsedSubject{parsedKind, parts.at(4), parts.at(3)};
}

std::optional<DeliveryKind> deliveryKindOf(SubjectKind kind)
{
    switch (kind) {
    case SubjectKind::Chat:
        return DeliveryKind::Channel;
    case SubjectKind::Inst:
        return DeliveryKind::Dm;
    case SubjectKind::Svc:
        return DeliveryKind::Anycast;
    case SubjectKind::Ctl:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QString> parseDinboxOwner(const QString &subject)
{
    return parseOwnerOf(subject, QStringLiteral("dinbox"));
}

std::optional<QString> parseDlvOwner(const QString &subject)
{
    return parseOwnerOf(subject, QStringLiteral("dlv"));
}

std::optional<QString> channelFromChatSubscription(const QString &space, const QString &subject)
{
    if (!subject.startsWith(spacePrefix(space) + QStringLiteral(".chat.")))
        return std::nullopt;
    const std::optional<ParsedSubject> parsed = parseSubject(subject);
    if (!parsed || parsed->kind != SubjectKind::Chat)
        return std::nullopt;
    return parsed->rest;
}

bool hasReservedPrefix(const QString &subject)
{
    static const std::array<QString, 5> reserved = {
        QStringLiteral("$JS."),  QStringLiteral("$KV."),    QStringLiteral("$SYS."),
        QStringLiteral("$OBJ."), QStringLiteral("_INBOX."),
    };
    for (const QString &prefix : reserved) {
        if (subject.startsWith(prefix))
            return true;
    }
    return false;
}

bool isBoundReplyFor(const QString &requestSubject, const QString &replySubject)
{
    return replySubject.startsWith(requestSubject + QStringLiteral(".reply."));
}

} // namespace cotal::wire
