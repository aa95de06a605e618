#include "core/delivery/dlvpacer.h"

#include "core/delivery/daemoncontext_p.h"
#include "core/wire/names.h"

#include <QTimer>
#include <algorithm>

namespace cotal::delivery {

namespace {

// Short of DLV's cap: the margin covers copies of an earlier run.
constexpr qsizetype kUnreadLimit = kSubjectCap - 40;
// While an owner is waited for, its ack floor is read this often.
constexpr int kPollIntervalMs = 250;
// An owner whose ack floor has not moved for this long while copies waited is not reading.
constexpr qint64 kStallMs = 5000;
// How often an owner found not reading is looked at again.
constexpr qint64 kAbsentRecheckMs = 2000;

} // namespace

DlvPacer::DlvPacer(DaemonContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_clock.start();
}

qsizetype DlvPacer::unread(const Member &member) const
{
    const auto firstUnread =
        std::upper_bound(member.stored.cbegin(), member.stored.cend(), member.position);
    return qsizetype(member.stored.cend() - firstUnread);
}

bool DlvPacer::full(const Member &member) const
{
    return unread(member) + member.claimed >= kUnreadLimit;
}

bool DlvPacer::claim(const QString &owner)
{
    if (!m_context->metrics.dlvEvictionTracked)
        return true;
    auto it = m_members.find(owner);
    if (it == m_members.end()) {
        it = m_members.insert(owner, Member{});
        it->progressAt = m_clock.elapsed();
    }
    if (it->absent || !full(*it)) {
        ++it->claimed;
        if (it->absent && full(*it) && m_clock.elapsed() - it->polledAt > kAbsentRecheckMs)
            poll(owner); // reading again?
        return true;
    }
    it->waiting = true;
    poll(owner);
    return false;
}

void DlvPacer::stored(const QString &owner, quint64 sequence, bool duplicate)
{
    const auto it = m_members.find(owner);
    if (it == m_members.end())
        return;
    it->claimed = std::max(it->claimed - 1, 0);
    if (duplicate)
        return;
    it->stored.push_back(sequence);
    if (qsizetype(it->stored.size()) > kSubjectCap)
        it->stored.pop_front();
}

void DlvPacer::unclaim(const QString &owner)
{
    const auto it = m_members.find(owner);
    if (it != m_members.end())
        it->claimed = std::max(it->claimed - 1, 0);
}

void DlvPacer::reset()
{
    ++m_generation;
    m_members.clear();
}

void DlvPacer::poll(const QString &owner)
{
    Member &member = m_members[owner];
    if (member.polling)
        return;
    member.polling = true;
    member.polledAt = m_clock.elapsed();
    const quint64 generation = m_generation;
    m_context->jetStream
        .consumerInfo(wire::dlvStreamName(m_context->space), wire::dlvConsumerName(owner))
        .then(this, [this, owner, generation](const nats::ApiResult &info) {
            const quint64 position = quint64(info.body.value(QLatin1String("delivered"))
                                                 .toObject()
                                                 .value(QLatin1String("stream_seq"))
                                                 .toInteger());
            polled(owner, generation, info.error.kind != nats::NatsErrorKind::PermissionDenied,
                   position, !info.ok());
        });
}

void DlvPacer::polled(const QString &owner, quint64 generation, bool readable, quint64 position,
                      bool noConsumer)
{
    if (generation != m_generation)
        return;
    Member &member = m_members[owner];
    member.polling = false;
    const qint64 now = m_clock.elapsed();
    if (!readable) {
        m_context->markDlvUntracked();
    } else if (noConsumer) {
        member.absent = true; // nobody can read them
    } else if (position > member.position) {
        member.position = position;
        member.progressAt = now;
        member.absent = false;
    } else if (!member.absent && member.waiting && now - member.progressAt > kStallMs) {
        member.absent = true;
        m_context->log(LogLevel::Warning,
                       QStringLiteral("%1 has read nothing from its DLV for %2 s: its copies "
                                      "are no longer held for it, and those beyond its 1000 "
                                      "are evicted unread")
                           .arg(owner)
                           .arg(kStallMs / 1000));
    }
    if (!member.waiting)
        return;
    if (member.absent || !full(member) || !m_context->metrics.dlvEvictionTracked) {
        member.waiting = false;
        if (onRoom)
            onRoom(owner);
        return;
    }
    QTimer::singleShot(kPollIntervalMs, this, [this, owner, generation] {
        if (generation == m_generation)
            poll(owner);
    });
}

} // namespace cotal::delivery
