#include "ui/feedmodel.h"

#include "ui/presencestyle.h"

#include <QThreadPool>
#include <algorithm>
#include <memory>

namespace cotal::ui {

using endpoint::ReceivedMessage;
using wire::DeliveryKind;

namespace {

constexpr int MaxLineLength = 400;
constexpr qsizetype MaxSharedStrings = 4096;

// Frees what the feed evicts. A thread of its own: the global pool also runs the client
// library's blocking connects and closes, which must not wait behind a block of rows.
struct ReleasePool final : QThreadPool
{
    ReleasePool() { setMaxThreadCount(1); }
};

// Freeing an evicted block's strings was a third of a full feed's insert on the GUI thread; it
// only hands the rows over.
template<typename Row> void releaseOffThread(std::vector<Row> &&rows)
{
    static ReleasePool pool;
    // Moved, not copied, into the task: no reference may stay behind on this thread.
    auto doomed = std::make_shared<std::vector<Row>>(std::move(rows));
    pool.start([doomed = std::move(doomed)]() mutable { doomed.reset(); });
}

} // namespace

FeedModel::FeedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &FeedModel::flush);
}

int FeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int FeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const FeedModel::Entry &FeedModel::entry(int row) const
{
    return m_ring[(m_head + static_cast<size_t>(row)) % m_ring.size()];
}

const ReceivedMessage &FeedModel::message(int row) const
{
    return entry(row).message;
}

QVariant FeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = entry(index.row());
    const wire::CotalMessage &m = e.message.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Mode:
            return modeLabel(e.message.kind);
        case Sender:
            return m.from.name.isEmpty() ? m.from.id : m.from.name;
        case Target:
            return e.message.kind == wire::DeliveryKind::Dm ? m_peerNames.value(e.target, e.target)
                                                            : e.target;
        case Time:
            return formatTime(m.ts);
        case Text:
            return e.line;
        case Historical:
            return e.message.historical ? tr("history", "backfilled message marker") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Sender)
            return m.from.id;
        if (index.column() == Target && e.message.kind == wire::DeliveryKind::Dm)
            return e.target;
        if (index.column() == Historical && e.message.historical)
            return tr("Backfilled from channel history when joining, not received live");
        return {};
    case RawRole:
        switch (index.column()) {
        case Mode:
            return static_cast<int>(e.message.kind);
        case Time:
            return m.ts;
        case Historical:
            return e.message.historical;
        case Text:
            return e.text;
        default:
            return data(index, Qt::DisplayRole);
        }
    case KindRole:
        return static_cast<int>(e.message.kind);
    case SenderIdRole:
        return m.from.id;
    case ChannelRole:
        return e.message.kind == DeliveryKind::Channel ? e.target : QString();
    case TargetRole:
        return e.target;
    case HistoricalRole:
        return e.message.historical;
    case SearchTextRole:
        return m.from.name + QLatin1Char('\n') + m.from.id + QLatin1Char('\n') + e.target +
               QLatin1Char('\n') + e.text;
    default:
        return {};
    }
}

QVariant FeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Mode:
        return tr("Mode", "delivery mode column");
    case Sender:
        return tr("Sender");
    case Target:
        return tr("Channel / target");
    case Time:
        return tr("Time");
    case Text:
        return tr("Text");
    case Historical:
        return tr("Source", "live or historical column");
    default:
        return {};
    }
}

QString FeedModel::modeLabel(DeliveryKind kind)
{
    switch (kind) {
    case DeliveryKind::Channel:
        return tr("channel", "delivery mode badge");
    case DeliveryKind::Dm:
        return tr("DM", "delivery mode badge");
    case DeliveryKind::Anycast:
        break;
    }
    return tr("anycast", "delivery mode badge");
}

QString FeedModel::plainText(const wire::CotalMessage &message)
{
    QString text;
    for (const wire::Part &part : message.parts) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        if (part.kind == wire::Part::Kind::Text)
            text += part.text;
        else
            text += QLatin1Char('[') + part.kindName() + QLatin1Char(']');
    }
    return text;
}

QString FeedModel::targetOf(const ReceivedMessage &message)
{
    // The delivering subject decides the mode; the payload's routing field names the target.
    return message.message.route.target;
}

void FeedModel::share(QString &text)
{
    if (text.isEmpty())
        return;
    const auto known = m_sharedStrings.constFind(text);
    if (known != m_sharedStrings.cend()) {
        text = *known;
        return;
    }
    if (m_sharedStrings.size() >= MaxSharedStrings)
        m_sharedStrings.clear();
    m_sharedStrings.insert(text);
}

FeedModel::Entry FeedModel::makeEntry(const ReceivedMessage &message)
{
    Entry e{message, plainText(message.message), {}, {}};
    wire::CotalMessage &m = e.message.message;
    share(m.space);
    share(m.from.id);
    share(m.from.name);
    if (m.from.role)
        share(*m.from.role);
    share(m.route.target);
    share(e.message.subject);
    e.line = e.text.left(MaxLineLength);
    e.line.replace(QLatin1Char('\n'), QStringLiteral(" \u23CE "));
    e.line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    e.target = targetOf(e.message);
    return e;
}

void FeedModel::setPeerNames(const QHash<QString, QString> &names)
{
    if (names == m_peerNames)
        return;
    m_peerNames = names;
    if (m_count > 0)
        emit dataChanged(index(0, Target), index(m_count - 1, Target),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

void FeedModel::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(std::max(0, ms));
}

void FeedModel::append(const QList<ReceivedMessage> &batch)
{
    if (batch.isEmpty())
        return;
    m_totalReceived += static_cast<quint64>(batch.size());
    if (m_paused) {
        for (const ReceivedMessage &message : batch) {
            if (static_cast<int>(m_pending.size()) >= m_capacity)
                m_pending.pop_front();
            m_pending.push_back(makeEntry(message));
        }
        m_pendingCount += batch.size();
        emit pendingCountChanged(m_pendingCount);
        return;
    }
    if (m_flushTimer.interval() == 0 && m_queued.empty()) {
        std::vector<Entry> entries;
        entries.reserve(static_cast<size_t>(batch.size()));
        for (const ReceivedMessage &message : batch)
            entries.push_back(makeEntry(message));
        insertBatch(std::move(entries));
        return;
    }
    m_queued.reserve(m_queued.size() + static_cast<size_t>(batch.size()));
    for (const ReceivedMessage &message : batch)
        m_queued.push_back(makeEntry(message));
    // Only what fits survives the next insert anyway.
    if (static_cast<int>(m_queued.size()) > m_capacity)
        m_queued.erase(m_queued.begin(),
                       m_queued.begin() + (static_cast<int>(m_queued.size()) - m_capacity));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FeedModel::flush()
{
    m_flushTimer.stop();
    if (m_queued.empty())
        return;
    std::vector<Entry> entries;
    entries.swap(m_queued);
    insertBatch(std::move(entries));
}

void FeedModel::insertBatch(std::vector<Entry> &&entries)
{
    if (entries.empty())
        return;
    const size_t capacity = static_cast<size_t>(m_capacity);
    if (entries.size() > capacity)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(capacity));
    const size_t incoming = entries.size();
    const size_t count = static_cast<size_t>(m_count);

    if (count + incoming > capacity) {
        const size_t evict = count + incoming - capacity;
        if (m_ring.size() < capacity)
            m_ring.resize(capacity); // rows 0..count-1 stay in place (m_head is 0 here)
        beginRemoveRows({}, 0, static_cast<int>(evict) - 1);
        std::vector<Entry> evicted;
        evicted.reserve(evict);
        for (size_t i = 0; i < evict; ++i)
            evicted.push_back(std::move(m_ring[(m_head + i) % capacity]));
        m_head = (m_head + evict) % capacity;
        m_count -= static_cast<int>(evict);
        endRemoveRows();
        releaseOffThread(std::move(evicted));
    }

    const int first = m_count;
    beginInsertRows({}, first, first + static_cast<int>(incoming) - 1);
    if (m_ring.size() < capacity) {
        // Not wrapped yet: m_head is 0 and the ring is exactly the rows.
        for (Entry &e : entries)
            m_ring.push_back(std::move(e));
    } else {
        for (size_t i = 0; i < incoming; ++i)
            m_ring[(m_head + static_cast<size_t>(m_count) + i) % capacity] = std::move(entries[i]);
    }
    m_count += static_cast<int>(incoming);
    endInsertRows();
    emit batchInserted(first, m_count - 1);
}

void FeedModel::setCapacity(int capacity)
{
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    // Re-linearise into a fresh ring; evict the oldest rows first if they no longer fit.
    if (m_count > capacity) {
        const int evict = m_count - capacity;
        beginRemoveRows({}, 0, evict - 1);
        m_head = (m_head + static_cast<size_t>(evict)) % m_ring.size();
        m_count -= evict;
        endRemoveRows();
    }
    std::vector<Entry> linear;
    linear.reserve(static_cast<size_t>(m_count));
    for (int row = 0; row < m_count; ++row)
        linear.push_back(std::move(m_ring[(m_head + static_cast<size_t>(row)) % m_ring.size()]));
    m_ring = std::move(linear);
    m_head = 0;
    m_capacity = capacity;
    while (static_cast<int>(m_pending.size()) > m_capacity)
        m_pending.pop_front();
}

void FeedModel::clear()
{
    m_queued.clear();
    m_flushTimer.stop();
    m_pending.clear();
    if (m_pendingCount != 0) {
        m_pendingCount = 0;
        emit pendingCountChanged(0);
    }
    if (m_count == 0 && m_ring.empty())
        return;
    beginResetModel();
    m_ring.clear();
    m_ring.shrink_to_fit();
    m_head = 0;
    m_count = 0;
    endResetModel();
}

void FeedModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    if (paused)
        flush(); // the frozen snapshot includes what already arrived
    m_paused = paused;
    if (!paused) {
        std::vector<Entry> entries(std::make_move_iterator(m_pending.begin()),
                                   std::make_move_iterator(m_pending.end()));
        m_pending.clear();
        m_pendingCount = 0;
        insertBatch(std::move(entries));
        emit pendingCountChanged(0);
    }
    emit pausedChanged(m_paused);
}

} // namespace cotal::ui
