#pragma once

#include "core/wire/result.h"

#include <QString>
#include <optional>

namespace cotal::wire {

// Subject builders and the one parser that knows sender positions (wire.md §3, §4).
// Builders sanitise: the space through token(), route positions (sender, target, role, service,
// owner) through routeToken() so a literal `*` survives for patterns and grants.

// `cotal.<token(space)>`
QString spacePrefix(const QString &space);

// The channel part of a chat subject (wire.md §3.1): lenient, sanitises each segment, keeps `*`
// and a trailing `>`. Fails only for a `>` that is not the last segment.
Result<QString> channelPath(const QString &channel);

// Multicast `cotal.<S>.chat.<sender>.<channel…>`.
Result<QString> chatSubject(const QString &space, const QString &sender, const QString &channel);
// Unicast `cotal.<S>.inst.<target>.<sender>`.
QString unicastSubject(const QString &space, const QString &target, const QString &sender);
// Anycast `cotal.<S>.svc.<role>.<sender>`.
QString anycastSubject(const QString &space, const QString &role, const QString &sender);
// Control request `cotal.<S>.ctl.<service>.<sender>`.
QString controlSubject(const QString &space, const QString &service, const QString &sender);
// Bounded control reply `cotal.<S>.ctl.<service>.<requester>.reply.<replyId>` (wire.md §8.3).
QString controlReplySubject(const QString &space, const QString &service, const QString &requester,
                            const QString &replyId);
// A fresh unpredictable reply id (UUID v4). Never a counter: see wire.md §8.3 rule 4.
QString newReplyId();
// Plane-3 mixed inbox `cotal.<S>.dinbox.<owner>`.
QString dinboxSubject(const QString &space, const QString &owner);
// Plane-3 post-authorisation delivery `cotal.<S>.dlv.<owner>`.
QString dlvSubject(const QString &space, const QString &owner);
// Reserved, published by nobody today: `cotal.<S>.trace.<token(instance)>` and
// `cotal.<S>.control.<token(instance)>`. Kept so taps can name them.
QString traceSubject(const QString &space, const QString &instance);
QString controlPlaneSubject(const QString &space, const QString &instance);

// Patterns (wire.md §3 "Useful patterns").
// Live channel subscription `cotal.<S>.chat.*.<channel>`; also the history consumer filter.
Result<QString> channelSubscription(const QString &space, const QString &channel);
// DM inbox filter `cotal.<S>.inst.<id>.*`.
QString dmInboxFilter(const QString &space, const QString &id);
// "Send DMs as me" grant `cotal.<S>.inst.*.<id>`.
QString dmSendGrant(const QString &space, const QString &id);
// Role queue filter `cotal.<S>.svc.<role>.*`.
QString roleQueueFilter(const QString &space, const QString &role);
// "Anycast as me" grant `cotal.<S>.svc.*.<id>`.
QString anycastSendGrant(const QString &space, const QString &id);
// Control serve subscription `cotal.<S>.ctl.<service>.*` (queue group = the service).
QString controlServeSubscription(const QString &space, const QString &service);
// Reply subtree a requester subscribes to `cotal.<S>.ctl.<service>.<id>.reply.>`.
QString controlReplySubtree(const QString &space, const QString &service, const QString &id);
// Observer tap `cotal.<S>.chat.>`; also the fan-out consumer filter.
QString observerTap(const QString &space);
// Admin tap `cotal.<S>.>`.
QString adminTap(const QString &space);
// Fan-out consumer filter on CHAT_<S>.
QString fanoutFilter(const QString &space);
// Trusted reader filter on INBOX_<S> `cotal.<S>.dinbox.>`.
QString readerFilter(const QString &space);
// DLV stream filter `cotal.<S>.dlv.>`.
QString dlvStreamFilter(const QString &space);

enum class SubjectKind
{
    Chat,
    Inst,
    Svc,
    Ctl,
};

struct ParsedSubject
{
    SubjectKind kind;
    QString sender;
    // Chat: the channel (may be dotted); inst/svc/ctl: target / role / service.
    QString rest;

    friend bool operator==(const ParsedSubject &, const ParsedSubject &) = default;
};

// Purely structural (wire.md §4): does not check the space and keeps empty tokens. No value means
// "no sender": such a message must never be treated as a delivery.
std::optional<ParsedSubject> parseSubject(const QString &subject);

// How a message was addressed to its receiver, from the delivering subject (wire.md §4).
enum class DeliveryKind
{
    Channel,
    Dm,
    Anycast,
};

// chat → Channel, inst → Dm, svc → Anycast; ctl carries no message, so no value.
std::optional<DeliveryKind> deliveryKindOf(SubjectKind kind);

// Owner of `cotal.<S>.dinbox.<owner>` (exactly four tokens).
std::optional<QString> parseDinboxOwner(const QString &subject);
// Owner of `cotal.<S>.dlv.<owner>` (exactly four tokens).
std::optional<QString> parseDlvOwner(const QString &subject);

// The channel pattern of a chat subscription in this space, e.g. `team.>` for
// `cotal.<S>.chat.*.team.>`; no value for foreign spaces and sender-less taps.
std::optional<QString> channelFromChatSubscription(const QString &space, const QString &subject);

// Application subjects must not start with `$JS.`, `$KV.`, `$SYS.`, `$OBJ.` or `_INBOX.`
// (wire.md §3.2).
bool hasReservedPrefix(const QString &subject);

// The boundReply guard (wire.md §8.2): a control reply must land under `<request>.reply.`.
bool isBoundReplyFor(const QString &requestSubject, const QString &replySubject);

} // namespace cotal::wire
