#include "core/space/accessmatrix.h"

#include "core/wire/channels.h"

#include <algorithm>

namespace cotal::space {

namespace {

struct Pattern
{
    QString text;
    QStringList tokens;
};

QList<Pattern> patternsOf(const QStringList &texts)
{
    QList<Pattern> patterns;
    patterns.reserve(texts.size());
    for (const QString &text : texts)
        patterns.append({text, text.split(u'.')});
    return patterns;
}

// The first pattern that matches, or none.
const Pattern *firstMatch(const QList<Pattern> &patterns, const QStringList &channel)
{
    for (const Pattern &pattern : patterns) {
        if (wire::tokensMatch(pattern.tokens, channel))
            return &pattern;
    }
    return nullptr;
}

DurableState durableStateOf(const wire::MembershipRecord &record)
{
    if (record.isTombstone())
        return DurableState::Tombstoned;
    // Only `activated: true` is activated (delivery.md §6.4), as the feed counts it.
    return record.activated.value_or(false) ? DurableState::Active : DurableState::Pending;
}

QStringList knownChannels(const AccessInput &in)
{
    QSet<QString> channels;
    const auto add = [&channels](const QString &channel) {
        if (wire::isConcreteChannel(channel))
            channels.insert(channel);
    };
    for (const QString &channel : in.channels)
        add(channel);
    for (auto it = in.live.cbegin(); it != in.live.cend(); ++it) {
        for (const QString &pattern : it.value())
            add(pattern);
    }
    for (const MemberEntry &member : in.members)
        add(member.record.channel);
    for (auto it = in.acls.cbegin(); it != in.acls.cend(); ++it) {
        if (it.value()) {
            for (const QString &pattern : it.value()->allowSubscribe)
                add(pattern);
        }
    }
    QStringList sorted(channels.cbegin(), channels.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

} // namespace

AccessMatrix AccessMatrix::build(const AccessInput &in)
{
    AccessMatrix matrix;
    matrix.aclReadable = in.aclReadable;
    matrix.feedReadable = in.feedReadable;
    matrix.membersReadable = in.membersReadable;
    matrix.channels = knownChannels(in);

    QHash<QString, AccessRow> rows;
    const auto rowOf = [&rows](const QString &agent) -> AccessRow & {
        AccessRow &row = rows[agent];
        row.agent = agent;
        return row;
    };
    for (const AccessInput::Agent &agent : in.agents) {
        AccessRow &row = rowOf(agent.id);
        row.name = agent.name;
        row.role = agent.role;
        row.online = agent.seenAt > 0;
        row.lastSeen = std::max(row.lastSeen, agent.seenAt);
    }
    for (auto it = in.acls.cbegin(); it != in.acls.cend(); ++it)
        rowOf(it.key());
    for (auto it = in.live.cbegin(); it != in.live.cend(); ++it)
        rowOf(it.key());
    for (auto it = in.feedObservedAt.cbegin(); it != in.feedObservedAt.cend(); ++it) {
        AccessRow &row = rowOf(it.key());
        row.lastSeen = std::max(row.lastSeen, it.value());
    }
    QHash<QString, QHash<QString, const MemberEntry *>> members;
    for (const MemberEntry &member : in.members) {
        AccessRow &row = rowOf(member.record.owner);
        row.lastSeen = std::max(row.lastSeen, member.record.updatedAt);
        members[member.record.owner].insert(member.record.channel, &member);
    }

    QList<QStringList> channelTokens;
    channelTokens.reserve(matrix.channels.size());
    for (const QString &channel : matrix.channels)
        channelTokens.append(channel.split(u'.'));

    for (auto it = rows.begin(); it != rows.end(); ++it) {
        AccessRow &row = it.value();
        if (row.name.isEmpty())
            row.name = row.agent;
        if (!in.aclReadable) {
            row.acl = AccessRow::Acl::Unreadable;
        } else if (const auto acl = in.acls.constFind(row.agent); acl == in.acls.cend()) {
            row.acl = AccessRow::Acl::NoRecord;
        } else if (!acl.value()) {
            row.acl = AccessRow::Acl::Undecodable;
        } else {
            row.acl = AccessRow::Acl::Record;
            row.allow = acl.value()->allowSubscribe;
            row.aclUpdatedAt = acl.value()->updatedAt.value_or(0);
        }
        if (in.aclReadable && row.acl != AccessRow::Acl::Record) {
            row.drift |= NoRecord;
            ++matrix.counts.noRecord;
        }
        if (row.acl == AccessRow::Acl::Record && !row.online &&
            in.now - row.lastSeen > double(in.staleAfterMs) &&
            in.now - row.aclUpdatedAt > double(in.staleAfterMs)) {
            row.drift |= StaleAcl;
            ++matrix.counts.staleAcl;
        }

        if (const auto granted = in.credentialGrants.constFind(row.agent);
            granted != in.credentialGrants.cend())
            row.grants = granted.value();
        const QList<Pattern> allow = patternsOf(row.allow);
        const QList<Pattern> live = patternsOf(in.live.value(row.agent));
        const QList<Pattern> grants = patternsOf(row.grants.value_or(QStringList()));
        const QHash<QString, const MemberEntry *> memberships = members.value(row.agent);
        row.cells.resize(matrix.channels.size());
        for (qsizetype column = 0; column < matrix.channels.size(); ++column) {
            AccessCell &cell = row.cells[column];
            const QStringList &tokens = channelTokens.at(column);
            if (in.aclReadable) {
                const Pattern *covering = firstMatch(allow, tokens);
                cell.covered = covering != nullptr;
                if (covering)
                    cell.coveringPattern = covering->text;
            }
            if (in.feedReadable) {
                const Pattern *subscribed = firstMatch(live, tokens);
                cell.live = subscribed != nullptr;
                if (subscribed)
                    cell.livePattern = subscribed->text;
            }
            if (row.grants) {
                const Pattern *grant = firstMatch(grants, tokens);
                cell.granted = grant != nullptr;
                if (grant)
                    cell.grantPattern = grant->text;
            }
            if (const MemberEntry *member = memberships.value(matrix.channels.at(column))) {
                cell.member = *member;
                cell.durable = durableStateOf(member->record);
            }
            const bool uncovered = cell.covered.has_value() && !*cell.covered;
            if (uncovered && cell.live.value_or(false)) {
                cell.drift |= LiveUncovered;
                ++matrix.counts.liveUncovered;
            }
            if (uncovered &&
                (cell.durable == DurableState::Active || cell.durable == DurableState::Pending)) {
                cell.drift |= DurableUncovered;
                ++matrix.counts.durableUncovered;
            }
        }
    }

    matrix.rows.reserve(rows.size());
    for (auto it = rows.begin(); it != rows.end(); ++it)
        matrix.rows.append(std::move(it.value()));
    std::sort(matrix.rows.begin(), matrix.rows.end(), [](const AccessRow &a, const AccessRow &b) {
        const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.agent < b.agent;
    });
    return matrix;
}

} // namespace cotal::space
