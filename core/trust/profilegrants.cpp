#include "core/trust/profilegrants.h"

namespace cotal::trust {

namespace {

const QString kApi = QStringLiteral("$JS.API.");

// The subjects below spell the reference's lists; each helper is one block of them.
class GrantList
{
public:
    explicit GrantList(const QString &space)
        : m_space(space)
    {}

    GrantList &add(const QString &subject)
    {
        m_subjects.append(subject);
        return *this;
    }
    GrantList &api(const QString &suffix) { return add(kApi + suffix); }
    QString kvStream(const QString &bucket) const
    {
        return QStringLiteral("KV_cotal_%1_%2").arg(bucket, m_space);
    }
    QString stream(const QString &kind) const { return kind + u'_' + m_space; }
    QString prefix() const { return QStringLiteral("cotal.") + m_space; }

    // Reads of a KV bucket: info, get, and watch consumers.
    GrantList &kvRead(const QString &bucket)
    {
        const QString kv = kvStream(bucket);
        return api(QStringLiteral("STREAM.INFO.") + kv)
            .api(QStringLiteral("STREAM.MSG.GET.") + kv)
            .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(kv))
            .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(kv))
            .api(QStringLiteral("CONSUMER.DELETE.%1.>").arg(kv));
    }
    // History reads of a message stream through ephemeral consumers.
    GrantList &history(const QString &streamName)
    {
        return api(QStringLiteral("CONSUMER.CREATE.") + streamName)
            .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(streamName))
            .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(streamName))
            .api(QStringLiteral("CONSUMER.MSG.NEXT.%1.>").arg(streamName))
            .api(QStringLiteral("CONSUMER.DELETE.%1.>").arg(streamName))
            .add(QStringLiteral("$JS.ACK.%1.>").arg(streamName));
    }
    // Binding one pre-created durable: info, pull and ack.
    GrantList &bind(const QString &streamName, const QString &durable)
    {
        return api(QStringLiteral("CONSUMER.INFO.%1.%2").arg(streamName, durable))
            .api(QStringLiteral("CONSUMER.MSG.NEXT.%1.%2").arg(streamName, durable))
            .add(QStringLiteral("$JS.ACK.%1.%2.>").arg(streamName, durable));
    }

    QStringList take() { return std::move(m_subjects); }

private:
    QString m_space;
    QStringList m_subjects;
};

QString inbox(const QString &userKey)
{
    return QStringLiteral("_INBOX_%1.>").arg(userKey);
}

// What admin and observer share: CHAT history, the roster, the channel registry, the feed.
GrantList viewGrants(const QString &space)
{
    GrantList grants(space);
    const QString chat = grants.stream(QStringLiteral("CHAT"));
    grants.api(QStringLiteral("INFO"))
        .api(QStringLiteral("STREAM.INFO.") + chat)
        .api(QStringLiteral("STREAM.INFO.") + grants.kvStream(QStringLiteral("presence")))
        .history(chat)
        .api(
            QStringLiteral("CONSUMER.CREATE.%1.>").arg(grants.kvStream(QStringLiteral("presence"))))
        .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(grants.kvStream(QStringLiteral("presence"))))
        .kvRead(QStringLiteral("channels"))
        .kvRead(QStringLiteral("membership"))
        .add(QStringLiteral("$JS.FC.>"));
    return grants;
}

UserPermissions admin(const QString &space, const QString &userKey)
{
    GrantList pub = viewGrants(space);
    const QString dm = pub.stream(QStringLiteral("DM"));
    pub.api(QStringLiteral("STREAM.INFO.") + dm).history(dm);
    return {pub.take(), {}, {pub.prefix() + QStringLiteral(".>"), inbox(userKey)}, true};
}

UserPermissions observer(const QString &space, const QString &userKey)
{
    GrantList pub = viewGrants(space);
    return {pub.take(), {}, {pub.prefix() + QStringLiteral(".chat.>"), inbox(userKey)}, true};
}

UserPermissions agent(const QString &space, const QString &me, const AgentGrants &spec)
{
    GrantList pub(space);
    const QString p = pub.prefix();
    const QString chat = pub.stream(QStringLiteral("CHAT"));
    const QString presence = pub.kvStream(QStringLiteral("presence"));
    const QString channels = pub.kvStream(QStringLiteral("channels"));
    const QString delivery = pub.kvStream(QStringLiteral("delivery"));
    const QString history = QStringLiteral("chathist_") + me;

    for (const QString &channel : spec.allowPublish)
        pub.add(QStringLiteral("%1.chat.%2.%3").arg(p, me, channel));
    pub.add(QStringLiteral("%1.inst.*.%2").arg(p, me))
        .add(QStringLiteral("%1.svc.*.%2").arg(p, me))
        .add(QStringLiteral("%1.ctl.self.%2").arg(p, me))
        .add(QStringLiteral("%1.ctl.delivery.%2").arg(p, me))
        .api(QStringLiteral("INFO"))
        .api(QStringLiteral("STREAM.INFO.") + chat)
        .api(QStringLiteral("STREAM.INFO.") + presence)
        .api(QStringLiteral("STREAM.INFO.") + channels);
    for (const QString &pattern : spec.allowSubscribe)
        pub.api(
            QStringLiteral("CONSUMER.CREATE.%1.%2.%3.chat.*.%4").arg(chat, history, p, pattern));
    pub.api(QStringLiteral("CONSUMER.INFO.%1.%2").arg(chat, history))
        .api(QStringLiteral("CONSUMER.MSG.NEXT.%1.%2").arg(chat, history))
        .api(QStringLiteral("CONSUMER.DELETE.%1.%2").arg(chat, history))
        .bind(pub.stream(QStringLiteral("DM")), QStringLiteral("dm_") + me)
        .bind(pub.stream(QStringLiteral("DLV")), QStringLiteral("dlv_") + me)
        .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(presence))
        .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(presence))
        .add(QStringLiteral("$JS.FC.>"))
        .add(QStringLiteral("$KV.cotal_presence_%1.%2").arg(space, me))
        .api(QStringLiteral("STREAM.MSG.GET.") + channels)
        .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(channels))
        .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(channels))
        .api(QStringLiteral("STREAM.INFO.") + delivery)
        .api(QStringLiteral("STREAM.MSG.GET.") + delivery);
    if (!spec.role.isEmpty())
        pub.bind(pub.stream(QStringLiteral("TASK")), QStringLiteral("svc_") + spec.role);

    // Only the provisioner creates an agent's durables; the agent binds them.
    GrantList deny(space);
    for (const QString &kind :
         {QStringLiteral("DM"), QStringLiteral("TASK"), QStringLiteral("DLV")}) {
        const QString stream = deny.stream(kind);
        deny.api(QStringLiteral("CONSUMER.CREATE.") + stream)
            .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(stream))
            .api(QStringLiteral("CONSUMER.DURABLE.CREATE.%1.>").arg(stream));
    }

    QStringList sub{inbox(me), QStringLiteral("%1.ctl.delivery.%2.>").arg(p, me),
                    QStringLiteral("%1.ctl.self.%2.reply.>").arg(p, me)};
    for (const QString &pattern : spec.allowSubscribe)
        sub.append(QStringLiteral("%1.chat.*.%2").arg(p, pattern));
    return {pub.take(), deny.take(), sub, false};
}

UserPermissions provisioner(const QString &space, const QString &userKey)
{
    GrantList pub(space);
    pub.api(QStringLiteral("INFO"));
    QStringList streams;
    for (const QString &kind :
         {QStringLiteral("CHAT"), QStringLiteral("DM"), QStringLiteral("TASK"),
          QStringLiteral("INBOX"), QStringLiteral("DLV")})
        streams.append(pub.stream(kind));
    for (const QString &bucket :
         {QStringLiteral("presence"), QStringLiteral("channels"), QStringLiteral("members"),
          QStringLiteral("acl"), QStringLiteral("membership"), QStringLiteral("delivery"),
          QStringLiteral("manager")})
        streams.append(pub.kvStream(bucket));
    for (const QString &stream : std::as_const(streams))
        pub.api(QStringLiteral("STREAM.CREATE.") + stream)
            .api(QStringLiteral("STREAM.INFO.") + stream);
    for (const QString &kind :
         {QStringLiteral("DM"), QStringLiteral("DLV"), QStringLiteral("TASK")}) {
        const QString stream = pub.stream(kind);
        pub.api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(stream))
            .api(QStringLiteral("CONSUMER.DURABLE.CREATE.%1.>").arg(stream))
            .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(stream));
    }
    pub.add(QStringLiteral("$KV.cotal_acl_%1.>").arg(space))
        .add(QStringLiteral("$KV.cotal_channels_%1.>").arg(space));
    for (const QString &bucket : {QStringLiteral("acl"), QStringLiteral("channels")}) {
        const QString kv = pub.kvStream(bucket);
        pub.api(QStringLiteral("STREAM.MSG.GET.") + kv)
            .api(QStringLiteral("DIRECT.GET.%1.>").arg(kv));
    }
    return {pub.take(), {}, {inbox(userKey)}, false};
}

UserPermissions delivery(const QString &space, const QString &userKey)
{
    GrantList pub(space);
    const QString p = pub.prefix();
    const QString chat = pub.stream(QStringLiteral("CHAT"));
    const QString inboxStream = pub.stream(QStringLiteral("INBOX"));
    const QString lease = pub.kvStream(QStringLiteral("delivery"));
    pub.api(QStringLiteral("INFO"))
        .api(QStringLiteral("STREAM.INFO.") + chat)
        .api(QStringLiteral("STREAM.INFO.") + inboxStream)
        .api(QStringLiteral("STREAM.INFO.") + pub.stream(QStringLiteral("DLV")))
        .api(QStringLiteral("CONSUMER.CREATE.%1.>").arg(chat))
        .api(QStringLiteral("CONSUMER.DURABLE.CREATE.%1.>").arg(chat))
        .api(QStringLiteral("CONSUMER.INFO.%1.>").arg(chat))
        .api(QStringLiteral("CONSUMER.MSG.NEXT.%1.>").arg(chat))
        .api(QStringLiteral("CONSUMER.DELETE.%1.>").arg(chat))
        .add(QStringLiteral("$JS.ACK.%1.>").arg(chat))
        .api(QStringLiteral("CONSUMER.CREATE.%1.reader.>").arg(inboxStream))
        .api(QStringLiteral("CONSUMER.DURABLE.CREATE.%1.reader").arg(inboxStream))
        .api(QStringLiteral("CONSUMER.INFO.%1.reader").arg(inboxStream))
        .api(QStringLiteral("CONSUMER.MSG.NEXT.%1.reader").arg(inboxStream))
        .api(QStringLiteral("CONSUMER.DELETE.%1.reader").arg(inboxStream))
        .add(QStringLiteral("$JS.ACK.%1.reader.>").arg(inboxStream))
        .add(QStringLiteral("$JS.FC.>"))
        .kvRead(QStringLiteral("presence"))
        .kvRead(QStringLiteral("channels"))
        .kvRead(QStringLiteral("members"))
        .kvRead(QStringLiteral("acl"))
        .add(QStringLiteral("$KV.cotal_members_%1.>").arg(space))
        .api(QStringLiteral("STREAM.INFO.") + lease)
        .api(QStringLiteral("STREAM.MSG.GET.") + lease)
        .add(QStringLiteral("$KV.cotal_delivery_%1.lease.*").arg(space))
        .add(p + QStringLiteral(".dinbox.*"))
        .add(p + QStringLiteral(".dlv.*"))
        .add(p + QStringLiteral(".ctl.delivery.*.reply.>"));
    return {pub.take(), {}, {inbox(userKey), p + QStringLiteral(".ctl.delivery.*")}, false};
}

// delivery.md §1.2: the feed writer's data-account half.
UserPermissions membershipRw(const QString &space, const QString &userKey)
{
    GrantList pub(space);
    pub.api(QStringLiteral("INFO"))
        .kvRead(QStringLiteral("members"))
        .kvRead(QStringLiteral("membership"))
        .add(QStringLiteral("$KV.cotal_membership_%1.>").arg(space))
        .add(QStringLiteral("$JS.FC.>"));
    return {pub.take(), {}, {inbox(userKey)}, false};
}

// delivery.md §1.2: a system-account user that may only ask for one account's connections.
UserPermissions membershipObserver(const QString &dataAccount)
{
    const QString account = QStringLiteral("$SYS.ACCOUNT.") + dataAccount;
    return {{QStringLiteral("$SYS.REQ.ACCOUNT.%1.CONNZ").arg(dataAccount)},
            {},
            {QStringLiteral("_INBOX.cotal-membership.>"), account + QStringLiteral(".CONNECT"),
             account + QStringLiteral(".DISCONNECT")},
            false};
}

} // namespace

QString profileName(UserProfile profile)
{
    switch (profile) {
    case UserProfile::Admin:
        return QStringLiteral("admin");
    case UserProfile::Observer:
        return QStringLiteral("observer");
    case UserProfile::Agent:
        return QStringLiteral("agent");
    case UserProfile::Provisioner:
        return QStringLiteral("provisioner");
    case UserProfile::Delivery:
        return QStringLiteral("delivery");
    case UserProfile::MembershipRw:
        return QStringLiteral("membership-rw");
    case UserProfile::MembershipObserver:
        return QStringLiteral("membership-observer");
    }
    return {};
}

UserPermissions profilePermissions(UserProfile profile, const QString &space,
                                   const QString &userKey, const AgentGrants &agentGrants,
                                   const QString &dataAccount)
{
    switch (profile) {
    case UserProfile::Admin:
        return admin(space, userKey);
    case UserProfile::Observer:
        return observer(space, userKey);
    case UserProfile::Agent:
        return agent(space, userKey, agentGrants);
    case UserProfile::Provisioner:
        return provisioner(space, userKey);
    case UserProfile::Delivery:
        return delivery(space, userKey);
    case UserProfile::MembershipRw:
        return membershipRw(space, userKey);
    case UserProfile::MembershipObserver:
        return membershipObserver(dataAccount);
    }
    return {};
}

} // namespace cotal::trust
