#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::wire {

// One direction of a user JWT's NATS permissions (`nats.pub` or `nats.sub`).
struct PermissionList
{
    std::optional<QStringList> allow; // absent: everything not denied
    QStringList deny;
};

// What a credential may publish and subscribe, as its user JWT states it, so the console asks
// the broker only for what it will grant: a denied request is a permission violation in the
// server's log and an error the user sees, a skipped one is neither.
class Grants
{
public:
    // No JWT (open mode, token, user/password): nothing is known, so everything is tried.
    static Grants unrestricted() { return {}; }
    // From the JWT claims' `nats` object.
    static Grants fromClaims(const QJsonObject &claims);

    bool isRestricted() const
    {
        return m_pub.allow || m_sub.allow || !m_pub.deny.isEmpty() || !m_sub.deny.isEmpty();
    }
    // A literal subject.
    bool mayPublish(const QString &subject) const;
    // A subscription subject, wildcards allowed: every subject it matches must be allowed.
    bool maySubscribe(const QString &subject) const;
    // Whether some allowed publish subject lies under `prefix` ("cotal.demo.chat.").
    bool mayPublishUnder(const QString &prefix) const;

private:
    PermissionList m_pub;
    PermissionList m_sub;
};

// True when every subject `inner` matches is matched by `outer` (NATS `*` and `>`).
bool subjectCovers(const QString &outer, const QString &inner);

} // namespace cotal::wire
