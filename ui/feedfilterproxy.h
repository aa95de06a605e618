#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace cotal::ui {

// Filters the feed by delivery-mode chips, channel and sender chips, a DM conversation (the DM
// lens) and free text. Keeps arrival order: the feed is never sorted. Its source is a FeedModel.
class FeedFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedFilterProxy)

public:
    explicit FeedFilterProxy(QObject *parent = nullptr);

    // Mode chips, by int(wire::DeliveryKind); all shown by default.
    void setModeVisible(int kind, bool visible);
    bool isModeVisible(int kind) const;
    // Empty set = no restriction.
    void setChannels(const QSet<QString> &channels);
    QSet<QString> channels() const { return m_channels; }
    void setSenders(const QSet<QString> &senderIds);
    QSet<QString> senders() const { return m_senders; }
    // Messages between exactly these two ids, either direction (empty = off).
    void setConversation(const QString &a, const QString &b);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    bool isFiltering() const;
    void setSourceModel(QAbstractItemModel *model) override;

signals:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    unsigned m_modes = 0x7;
    QSet<QString> m_channels;
    QSet<QString> m_senders;
    QString m_conversationA;
    QString m_conversationB;
    QString m_text;
};

} // namespace cotal::ui
