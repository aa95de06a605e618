#include "ui/feedfilterproxy.h"

#include "ui/feedmodel.h"

namespace cotal::ui {

FeedFilterProxy::FeedFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Rows only ever change by insert and evict: no dataChanged to re-filter on.
    setDynamicSortFilter(false);
}

void FeedFilterProxy::setModeVisible(int kind, bool visible)
{
    const unsigned bit = 1U << static_cast<unsigned>(kind);
    const unsigned modes = visible ? (m_modes | bit) : (m_modes & ~bit);
    if (modes == m_modes)
        return;
    m_modes = modes;
    changed();
}

bool FeedFilterProxy::isModeVisible(int kind) const
{
    return (m_modes & (1U << static_cast<unsigned>(kind))) != 0;
}

void FeedFilterProxy::setChannels(const QSet<QString> &channels)
{
    if (channels == m_channels)
        return;
    m_channels = channels;
    changed();
}

void FeedFilterProxy::setSenders(const QSet<QString> &senderIds)
{
    if (senderIds == m_senders)
        return;
    m_senders = senderIds;
    changed();
}

void FeedFilterProxy::setConversation(const QString &a, const QString &b)
{
    if (a == m_conversationA && b == m_conversationB)
        return;
    m_conversationA = a;
    m_conversationB = b;
    changed();
}

void FeedFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    changed();
}

bool FeedFilterProxy::isFiltering() const
{
    return m_modes != 0x7 || !m_channels.isEmpty() || !m_senders.isEmpty() ||
           !m_conversationA.isEmpty() || !m_text.isEmpty();
}

void FeedFilterProxy::changed()
{
    invalidateRowsFilter();
    emit filtersChanged();
}

void FeedFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    Q_ASSERT(!model || qobject_cast<FeedModel *>(model));
    QSortFilterProxyModel::setSourceModel(model);
}

bool FeedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Under a flood every inserted row passes here, in every pane's proxy: with no filter set
    // nothing is read, and otherwise the row is read from the feed itself, not as a QVariant
    // per role.
    if (!isFiltering())
        return true;
    const auto *feed = static_cast<const FeedModel *>(sourceModel());
    const endpoint::ReceivedMessage &row = feed->message(sourceRow);
    if (!isModeVisible(int(row.kind)))
        return false;
    const QString target = FeedModel::targetOf(row);
    if (!m_channels.isEmpty() &&
        !m_channels.contains(row.kind == wire::DeliveryKind::Channel ? target : QString()))
        return false;
    const QString &sender = row.message.from.id;
    if (!m_senders.isEmpty() && !m_senders.contains(sender))
        return false;
    if (!m_conversationA.isEmpty()) {
        const bool forward = sender == m_conversationA && target == m_conversationB;
        const bool backward = sender == m_conversationB && target == m_conversationA;
        if (!forward && !backward)
            return false;
    }
    if (!m_text.isEmpty() && !feed->index(sourceRow, 0, sourceParent)
                                  .data(FeedModel::SearchTextRole)
                                  .toString()
                                  .contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace cotal::ui
