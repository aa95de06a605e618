// libFuzzer target: every envelope and record decoder of core/wire on the same input. Whatever
// decodes must round-trip: decode → encode → decode gives an equal value, and encoding that value
// again gives the same bytes. Any violation aborts, so libFuzzer keeps the input as a crash.
#include "core/wire/aclrecord.h"
#include "core/wire/channelconfig.h"
#include "core/wire/control.h"
#include "core/wire/deliverylease.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/memberrecord.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/message.h"
#include "core/wire/plane3entry.h"
#include "core/wire/presence.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace cotal::wire;

namespace {

[[noreturn]] void violated(const char *what, QByteArrayView input)
{
    std::fprintf(stderr, "round-trip violated: %s\ninput: %.*s\n", what, int(input.size()),
                 input.data());
    std::abort();
}

#define FUZZ_CHECK(condition, input)                                                               \
    do {                                                                                           \
        if (!(condition))                                                                          \
            violated(#condition, input);                                                           \
    } while (false)

// decode(payload) ok ⇒ decode(encode(v)) == v and encode(decode(encode(v))) == encode(v).
template<typename T, typename Decode, typename Encode>
void roundTrip(QByteArrayView input, Decode decode, Encode encode)
{
    const Result<T> first = decode(input);
    if (!first)
        return;
    const QByteArray encoded = encode(first.value());
    const Result<T> second = decode(QByteArrayView(encoded));
    FUZZ_CHECK(second.ok(), QByteArrayView(encoded));
    FUZZ_CHECK(second.value() == first.value(), QByteArrayView(encoded));
    FUZZ_CHECK(encode(second.value()) == encoded, QByteArrayView(encoded));
}

void fuzzJson(QByteArrayView input)
{
    const Result<JsonValue> first = parseJson(input);
    if (!first)
        return;
    const QByteArray text = toJsonText(first.value());
    const Result<JsonValue> second = parseJson(text);
    FUZZ_CHECK(second.ok(), QByteArrayView(text));
    FUZZ_CHECK(second.value() == first.value(), QByteArrayView(text));
    FUZZ_CHECK(toJsonText(second.value()) == text, QByteArrayView(text));
}

void fuzzMessages(QByteArrayView input)
{
    roundTrip<CotalMessage>(
        input, [](QByteArrayView bytes) { return decodeCotalMessage(bytes); }, &encodeCotalMessage);
    // A first line, when there is one, is the delivering subject.
    const qsizetype newline = input.indexOf('\n');
    const QString subject = newline >= 0
                                ? QString::fromUtf8(input.first(newline))
                                : QStringLiteral("cotal.main.chat.UAQGWOEVJKMIO4WXSYOTLARXYOZTCX"
                                                 "FK67JASEH6AFFFYK6FOPSKQCAD.general");
    const QByteArrayView payload = newline >= 0 ? input.sliced(newline + 1) : input;
    const Result<CheckedDelivery> checked = checkDelivery(subject, payload);
    if (checked) {
        FUZZ_CHECK(checked->message.from.id == checked->subject.sender, payload);
        const Result<DeliveryKind> again = checkDelivery(subject, checked->message);
        FUZZ_CHECK(again.ok() && again.value() == checked->kind, payload);
    }
    if (const Result<ControlRequest> request = decodeControlRequest(payload))
        (void)checkControlSender(subject, request.value());
}

void fuzzControl(QByteArrayView input)
{
    roundTrip<ControlRequest>(
        input, [](QByteArrayView bytes) { return decodeControlRequest(bytes); },
        &encodeControlRequest);
    roundTrip<ControlReply>(
        input, [](QByteArrayView bytes) { return decodeControlReply(bytes); }, &encodeControlReply);
    if (const Result<ControlRequest> request = decodeControlRequest(input)) {
        const JsonObject args = request->argsOrEmpty();
        if (const Result<DurableJoinArgs> join = DurableJoinArgs::fromArgs(args))
            FUZZ_CHECK(DurableJoinArgs::fromArgs(join->toArgs()).value() == join.value(), input);
        if (const Result<DurableLeaveArgs> leave = DurableLeaveArgs::fromArgs(args))
            FUZZ_CHECK(DurableLeaveArgs::fromArgs(leave->toArgs()).value() == leave.value(), input);
    }
    if (const Result<ControlReply> reply = decodeControlReply(input); reply && reply->data) {
        const JsonValue &data = *reply->data;
        if (const Result<DurableJoinResult> join = DurableJoinResult::fromData(data))
            FUZZ_CHECK(DurableJoinResult::fromData(join->toData()).value() == join.value(), input);
        if (const Result<DurableLeaveResult> leave = DurableLeaveResult::fromData(data))
            FUZZ_CHECK(DurableLeaveResult::fromData(leave->toData()).value() == leave.value(),
                       input);
        if (const Result<ListMembershipsResult> list = ListMembershipsResult::fromData(data))
            FUZZ_CHECK(ListMembershipsResult::fromData(list->toData()).value() == list.value(),
                       input);
    }
}

void fuzzRecords(QByteArrayView input)
{
    roundTrip<Presence>(
        input, [](QByteArrayView bytes) { return decodePresence(bytes); }, &encodePresence);
    roundTrip<ChannelConfig>(
        input, [](QByteArrayView bytes) { return decodeChannelConfig(bytes); },
        [](const ChannelConfig &config) { return config.encode(); });
    roundTrip<ChannelDefaults>(
        input, [](QByteArrayView bytes) { return decodeChannelDefaults(bytes); },
        [](const ChannelDefaults &defaults) { return defaults.encode(); });
    roundTrip<MembershipRecord>(
        input, [](QByteArrayView bytes) { return decodeMembershipRecord(bytes); },
        &encodeMembershipRecord);
    roundTrip<AclRecord>(
        input, [](QByteArrayView bytes) { return decodeAclRecord(bytes); }, &encodeAclRecord);
    roundTrip<DeliveryLease>(
        input, [](QByteArrayView bytes) { return decodeDeliveryLease(bytes); },
        &encodeDeliveryLease);
    roundTrip<ChannelMembership>(
        input, [](QByteArrayView bytes) { return decodeChannelMembership(bytes); },
        &encodeChannelMembership);
    roundTrip<MembershipFeedHeartbeat>(
        input, [](QByteArrayView bytes) { return decodeMembershipFeedHeartbeat(bytes); },
        &encodeMembershipFeedHeartbeat);
    roundTrip<Plane3Entry>(
        input, [](QByteArrayView bytes) { return decodePlane3Entry(bytes); }, &encodePlane3Entry);

    if (const Result<Plane3Entry> entry = decodePlane3Entry(input))
        FUZZ_CHECK(entry->message().ok(), input);

    const ReadAcl acl = ReadAcl::fromKvValue(input.toByteArray());
    FUZZ_CHECK((acl.record() == nullptr) == (acl.standing() == ReadAcl::Standing::Unknown), input);

    if (const Result<ChannelConfig> config = decodeChannelConfig(input)) {
        const EffectiveChannelPolicy policy =
            resolveChannelPolicy(QStringLiteral("general"), config.value(), std::nullopt);
        FUZZ_CHECK(policy.replayWindow.has_value() == policy.replayWindowMs.has_value(), input);
    }
}

void fuzzText(QByteArrayView input)
{
    const QString text = decodeUtf8LikeTextDecoder(input);
    (void)parseReplayWindow(text);
    const QStringList mentions = text.split(u',');
    const QStringList normalised = normalizeMentions(mentions);
    FUZZ_CHECK(normalizeMentions(normalised) == normalised, input);
    (void)isExtensionPartKind(text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzzJson(input);
    fuzzMessages(input);
    fuzzControl(input);
    fuzzRecords(input);
    fuzzText(input);
    return 0;
}
