#include "core/wire/names.h"

#include "core/wire/token.h"

namespace cotal::wire {

QString chatStreamName(const QString &space)
{
    return QStringLiteral("CHAT_") + token(space);
}

QString dmStreamName(const QString &space)
{
    return QStringLiteral("DM_") + token(space);
}

QString taskStreamName(const QString &space)
{
    return QStringLiteral("TASK_") + token(space);
}

QString inboxStreamName(const QString &space)
{
    return QStringLiteral("INBOX_") + token(space);
}

QString dlvStreamName(const QString &space)
{
    return QStringLiteral("DLV_") + token(space);
}

QString presenceBucket(const QString &space)
{
    return QStringLiteral("cotal_presence_") + token(space);
}

QString channelsBucket(const QString &space)
{
    return QStringLiteral("cotal_channels_") + token(space);
}

QString membersBucket(const QString &space)
{
    return QStringLiteral("cotal_members_") + token(space);
}

QString aclBucket(const QString &space)
{
    return QStringLiteral("cotal_acl_") + token(space);
}

QString membershipBucket(const QString &space)
{
    return QStringLiteral("cotal_membership_") + token(space);
}

QString deliveryBucket(const QString &space)
{
    return QStringLiteral("cotal_delivery_") + token(space);
}

QString managerBucket(const QString &space)
{
    return QStringLiteral("cotal_manager_") + token(space);
}

QString kvStreamName(const QString &bucket)
{
    return QStringLiteral("KV_") + bucket;
}

QStringList spaceStreamNames(const QString &space)
{
    return {
        chatStreamName(space),
        dmStreamName(space),
        taskStreamName(space),
        inboxStreamName(space),
        dlvStreamName(space),
        kvStreamName(presenceBucket(space)),
        kvStreamName(channelsBucket(space)),
        kvStreamName(membersBucket(space)),
        kvStreamName(aclBucket(space)),
        kvStreamName(membershipBucket(space)),
        kvStreamName(deliveryBucket(space)),
        kvStreamName(managerBucket(space)),
    };
}

QString dmConsumerName(const QString &id)
{
    return QStringLiteral("dm_") + token(id);
}

QString dlvConsumerName(const QString &id)
{
    return QStringLiteral("dlv_") + token(id);
}

QString svcConsumerName(const QString &role)
{
    return QStringLiteral("svc_") + token(role);
}

QString chatHistoryConsumerName(const QString &id)
{
    return QStringLiteral("chathist_") + token(id);
}

QString catchUpConsumerName(const QString &owner, qint64 generation)
{
    return QStringLiteral("cu_") + token(owner) + u'_' + QString::number(generation);
}

QString fanoutConsumerName()
{
    return QStringLiteral("fanout");
}

QString readerConsumerName()
{
    return QStringLiteral("reader");
}

int partition(int n, const QString &key)
{
    if (n <= 1)
        return 0;
    // Same arithmetic as the reference's Math.imul loop over charCodeAt: unsigned 32-bit wrap.
    quint32 hash = 0x811c9dc5u;
    for (const QChar unit : key) {
        hash ^= unit.unicode();
        hash *= 0x01000193u;
    }
    return static_cast<int>(hash % static_cast<quint32>(n));
}

QString plane3MsgId(const QString &msgId, const QString &owner, qint64 generation)
{
    return msgId + u':' + owner + u':' + QString::number(generation);
}

QString inboxPrefix(const QString &id)
{
    return QStringLiteral("_INBOX_") + id;
}

QString membershipObserverInboxPrefix()
{
    return QStringLiteral("_INBOX.cotal-membership");
}

} // namespace cotal::wire
