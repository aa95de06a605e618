#include "core/wire/grants.h"

#include <QJsonArray>

namespace cotal::wire {

namespace {

std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

PermissionList permissionList(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    PermissionList list;
    list.allow = stringList(object.value(QStringLiteral("allow")));
    list.deny = stringList(object.value(QStringLiteral("deny"))).value_or(QStringList());
    return list;
}

bool allowed(const PermissionList &list, const QString &subject)
{
    for (const QString &pattern : list.deny) {
        if (subjectCovers(pattern, subject))
            return false;
    }
    if (!list.allow)
        return true;
    for (const QString &pattern : *list.allow) {
        if (subjectCovers(pattern, subject))
            return true;
    }
    return false;
}

} // namespace

bool subjectCovers(const QString &outer, const QString &inner)
{
    const QStringList o = outer.split(u'.');
    const QStringList i = inner.split(u'.');
    for (qsizetype n = 0; n < o.size(); ++n) {
        if (o[n] == u">")
            return n < i.size(); // `>` needs at least one token, of any kind
        if (n >= i.size() || i[n] == u">")
            return false;
        if (o[n] == u"*")
            continue;
        if (o[n] != i[n]) // a literal covers only itself, not `*`
            return false;
    }
    return o.size() == i.size();
}

Grants Grants::fromClaims(const QJsonObject &claims)
{
    Grants grants;
    const QJsonObject nats = claims.value(QStringLiteral("nats")).toObject();
    grants.m_pub = permissionList(nats.value(QStringLiteral("pub")));
    grants.m_sub = permissionList(nats.value(QStringLiteral("sub")));
    return grants;
}

bool Grants::mayPublish(const QString &subject) const
{
    return allowed(m_pub, subject);
}

bool Grants::maySubscribe(const QString &subject) const
{
    return allowed(m_sub, subject);
}

bool Grants::mayPublishUnder(const QString &prefix) const
{
    if (!m_pub.allow)
        return true;
    for (const QString &pattern : *m_pub.allow) {
        if (pattern.startsWith(prefix) || subjectCovers(pattern, prefix + u'x'))
            return true;
    }
    return false;
}

} // namespace cotal::wire
