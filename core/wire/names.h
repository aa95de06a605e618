#pragma once

#include <QString>
#include <QStringList>

namespace cotal::wire {

// JetStream names for one space (storage.md §1, §4). `<S>` is always token(space).

// Message streams.
QString chatStreamName(const QString &space);  // CHAT_<S>
QString dmStreamName(const QString &space);    // DM_<S>
QString taskStreamName(const QString &space);  // TASK_<S>
QString inboxStreamName(const QString &space); // INBOX_<S> (Plane-3 mixed inbox)
QString dlvStreamName(const QString &space);   // DLV_<S> (Plane-3 per-member delivery)

// KV buckets; the backing stream of bucket b is kvStreamName(b) = KV_<b>.
QString presenceBucket(const QString &space);   // cotal_presence_<S>
QString channelsBucket(const QString &space);   // cotal_channels_<S>
QString membersBucket(const QString &space);    // cotal_members_<S>
QString aclBucket(const QString &space);        // cotal_acl_<S>
QString membershipBucket(const QString &space); // cotal_membership_<S>
QString deliveryBucket(const QString &space);   // cotal_delivery_<S>
QString managerBucket(const QString &space);    // cotal_manager_<S>
QString kvStreamName(const QString &bucket);

// The 12 JetStream streams of a space (5 message streams, then the 7 KV streams): exactly what
// `cotal up` creates and teardown may delete.
QStringList spaceStreamNames(const QString &space);

// Consumers.
QString dmConsumerName(const QString &id);          // dm_<token(id)> on DM_<S>
QString dlvConsumerName(const QString &id);         // dlv_<token(id)> on DLV_<S>
QString svcConsumerName(const QString &role);       // svc_<token(role)> on TASK_<S>
QString chatHistoryConsumerName(const QString &id); // chathist_<token(id)> on CHAT_<S>
QString catchUpConsumerName(const QString &owner,
                            qint64 generation); // cu_<token(owner)>_<generation>
QString fanoutConsumerName();                   // fanout on CHAT_<S>
QString readerConsumerName();                   // reader on INBOX_<S>

// Shard index for a key: FNV-1a 32-bit over UTF-16 code units, mod n; n <= 1 gives 0
// (storage.md §4).
int partition(int n, const QString &key);

// Plane-3 dedup id `<msgId>:<owner>:<generation>` for dinbox and dlv publishes (wire.md §9).
QString plane3MsgId(const QString &msgId, const QString &owner, qint64 generation);

// Client inbox prefix `_INBOX_<id>` (no dot after _INBOX): the only inbox auth-mode creds may
// subscribe to (wire.md §10).
QString inboxPrefix(const QString &id);

// The membership observer (system account) is the one exception: a fixed `_INBOX.` prefix.
QString membershipObserverInboxPrefix();

} // namespace cotal::wire
