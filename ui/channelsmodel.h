#pragma once

#include "core/endpoint/endpointtypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace cotal::ui {

// Every channel of the space: the rows of Endpoint::listChannels (registry entries and CHAT
// subjects, with config, counts, joined state and durable health) plus channels only observed in
// the live feed since the last listing.
class ChannelsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsModel)

public:
    enum Column
    {
        Channel,
        Description,
        Replay,
        DeliveryClass,
        Messages,
        Joined,
        Health,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        RawRole = Qt::UserRole,
        ChannelNameRole,
        HealthRole,       // int(endpoint::DeliveryHealth)
        ObservedOnlyRole, // seen in the feed, not (yet) in a listing
    };

    explicit ChannelsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the listed rows (sorted by name, as endpoint.md §11 lists them); observed-only
    // channels that the listing now covers merge into it.
    void setRows(const QList<endpoint::ChannelRow> &rows);
    // Counts live traffic on channels; unknown ones are appended as observed-only rows.
    void observe(const QStringList &channels);
    void clear();

    int rowOf(const QString &channel) const;
    const endpoint::ChannelRow *row(int row) const;
    QStringList channelNames() const;

    // delivery.md §10 wording.
    static QString healthText(const endpoint::ChannelRow &row);
    static QString healthDetail(const endpoint::ChannelRow &row);

private:
    struct Entry
    {
        endpoint::ChannelRow row;
        bool observedOnly = false;
        quint64 observedSinceListing = 0;
    };

    QVariant displayValue(const Entry &entry, int column) const;
    void rebuildIndex();

    std::vector<Entry> m_entries;
    QHash<QString, int> m_rowOf;
};

} // namespace cotal::ui
