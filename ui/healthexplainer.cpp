#include "ui/healthexplainer.h"

#include <QSet>
#include <algorithm>

namespace cotal::ui {

namespace {

using Severity = HealthFinding::Severity;

space::LeaseReadOutcome outcomeOf(const HealthExplainer::Inputs &in)
{
    if (in.leaseReadFailed)
        return space::LeaseReadOutcome::Failed;
    switch (in.lease) {
    case LeaseModel::LeaseStatus::Ready:
        return space::LeaseReadOutcome::Ready;
    case LeaseModel::LeaseStatus::ClaimedNotReady:
        return space::LeaseReadOutcome::NotReady;
    case LeaseModel::LeaseStatus::Unreadable:
        return space::LeaseReadOutcome::Failed;
    case LeaseModel::LeaseStatus::Absent:
    case LeaseModel::LeaseStatus::Expired:
        break;
    }
    return space::LeaseReadOutcome::Absent;
}

} // namespace

QString HealthExplainer::severityText(HealthFinding::Severity severity)
{
    switch (severity) {
    case Severity::Ok:
        return tr("ok");
    case Severity::Info:
        return tr("info");
    case Severity::Warning:
        return tr("warning");
    case Severity::Error:
        return tr("error");
    }
    return {};
}

QList<ChannelHealth> HealthExplainer::explain(const Inputs &in)
{
    QStringList channels = in.channelClasses.keys();
    for (const wire::MembershipRecord &record : in.members) {
        if (!channels.contains(record.channel))
            channels.append(record.channel);
    }
    std::sort(channels.begin(), channels.end());

    const space::LeaseReadOutcome lease = outcomeOf(in);
    const auto nameOf = [&in](const QString &id) {
        const QString name = in.names.value(id);
        return name.isEmpty() ? id : name;
    };

    QList<ChannelHealth> out;
    for (const QString &channel : std::as_const(channels)) {
        ChannelHealth health;
        health.channel = channel;
        // The registry's default class applies to channels it does not list (storage.md §5.2).
        health.deliveryClass = in.channelClasses.value(channel, wire::DeliveryClass::Durable);
        const bool durable = health.deliveryClass == wire::DeliveryClass::Durable;
        QList<wire::MembershipRecord> open;
        for (const wire::MembershipRecord &record : in.members) {
            if (record.channel == channel && !record.isTombstone())
                open.append(record);
        }
        const auto add = [&health](Severity severity, const QString &owner, const QString &text) {
            health.findings.append(HealthFinding{severity, owner, text});
            health.worst = std::max(health.worst, severity);
        };

        if (!durable) {
            if (open.isEmpty())
                add(Severity::Ok, {},
                    tr("Live channel: messages reach only connected readers, "
                       "by design. No durable backstop is expected."));
            else
                add(Severity::Info, {},
                    tr("Live channel with %n open durable membership(s): they are inert until "
                       "the channel's class is set to durable, and then route at once.",
                       nullptr, int(open.size())));
            out.append(health);
            continue;
        }

        // The backstop itself: the lease, then whether its holder really serves.
        switch (lease) {
        case space::LeaseReadOutcome::Failed:
            add(Severity::Warning, {},
                tr("The delivery lease cannot be read with this connection's credentials, so "
                   "nobody can tell whether durable delivery runs. Add a delivery credential "
                   "to this connection: it may read cotal_delivery_<space>."));
            break;
        case space::LeaseReadOutcome::Absent:
            add(Severity::Error, {},
                in.lease == LeaseModel::LeaseStatus::Expired
                    ? tr("The delivery daemon stopped renewing its lease and it expired: copies "
                         "for offline members are not being made. Check why the daemon died, "
                         "then start one (this console can run it).")
                    : tr("No delivery daemon is running: members who are offline will miss "
                         "messages on #%1. Start a delivery daemon (this console can run it).")
                          .arg(channel));
            break;
        case space::LeaseReadOutcome::NotReady:
            add(Severity::Warning, {},
                tr("A delivery daemon holds the lease but is not ready yet. Durable joins wait "
                   "for it. If it stays like this, force-release the lease and restart it."));
            break;
        case space::LeaseReadOutcome::Ready:
            if (in.responder == ResponderStatus::NoResponders)
                add(Severity::Error, {},
                    tr("The lease says ready, but nothing answers ctl.delivery: the holder is "
                       "gone without releasing. Force-release the lease, then start a daemon."));
            else if (in.responder == ResponderStatus::Silent)
                add(Severity::Warning, {},
                    tr("The lease says ready, but ctl.delivery does not answer in time: the "
                       "daemon may be overloaded or wedged. Watch its lag; restart it if the "
                       "lag keeps growing."));
            break;
        }

        if (open.isEmpty())
            add(Severity::Info, {},
                tr("No agent holds a durable membership here: nobody gets copies of what "
                   "they miss while offline. Agents join durably when they join the channel "
                   "and a daemon is ready."));

        for (const wire::MembershipRecord &record : std::as_const(open)) {
            const bool activated = record.activated.value_or(false);
            const space::DeliveryHealth member =
                space::DeliveryHealth::evaluate(lease, true, health.deliveryClass, activated);
            const QString who = nameOf(record.owner);
            if (!activated) {
                const qint64 age = in.now - qint64(record.updatedAt);
                if (age > kStuckActivationMs)
                    add(Severity::Warning, record.owner,
                        tr("%1: generation %2 joined at sequence %3 never finished activation "
                           "(%4 s). Its copies still route, but the agent reports the channel "
                           "as not durable. Have the agent leave and rejoin #%5.")
                            .arg(who)
                            .arg(record.generation)
                            .arg(record.joinCursor)
                            .arg(age / 1000)
                            .arg(channel));
                else
                    add(Severity::Info, record.owner,
                        tr("%1: generation %2 is catching up on what was sent since sequence "
                           "%3; it activates in a moment.")
                            .arg(who)
                            .arg(record.generation)
                            .arg(record.joinCursor));
                continue;
            }
            if (member.state == space::DeliveryHealth::State::Degraded) {
                add(Severity::Warning, record.owner,
                    tr("%1: membership established (generation %2), but %3. Live messages "
                       "still arrive while it is online.")
                        .arg(who)
                        .arg(record.generation)
                        .arg(member.reason));
                continue;
            }
            if (!in.online.value(record.owner, false))
                add(Severity::Info, record.owner,
                    tr("%1 is offline: its copies since sequence %2 wait in its delivery stream "
                       "until it reconnects.")
                        .arg(who)
                        .arg(record.joinCursor));
            else
                add(Severity::Ok, record.owner,
                    tr("%1: %2 (generation %3).")
                        .arg(who, space::DeliveryHealth::label(member.state))
                        .arg(record.generation));
            if (in.feed == MembershipFeedModel::Freshness::Live &&
                !in.feedDurable.value(record.owner).contains(channel))
                add(Severity::Info, record.owner,
                    tr("%1: the membership feed does not list #%2 yet; it catches up on its "
                       "next poll. Delivery does not depend on it.")
                        .arg(who, channel));
        }
        out.append(health);
    }
    return out;
}

} // namespace cotal::ui
