#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace cotal::ui {

// The DM lens: one row per pair of peers that exchanged direct messages, with a count and the
// latest message. Fed the same batches as the feed.
class DmLensModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DmLensModel)

public:
    enum Column
    {
        PeerA,
        PeerB,
        Messages,
        LastAt,
        LastText,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        RawRole = Qt::UserRole,
        PeerAIdRole,
        PeerBIdRole,
    };

    explicit DmLensModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const QList<endpoint::ReceivedMessage> &batch);
    void clear();
    // The roster's names (agent id → name); they win over names learnt from senders.
    void setPeerNames(const QHash<QString, QString> &names);
    // The roster's name, else one learnt from a sender (DM targets are ids only), else the id.
    QString nameOf(const QString &id) const;

private:
    struct Row
    {
        QString a; // the lower id of the pair
        QString b;
        quint64 messages = 0;
        double lastTs = 0;
        QString lastText;
    };

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowOf;     // "a\nb"
    QHash<QString, QString> m_names; // learnt from senders
    QHash<QString, QString> m_peerNames;
};

} // namespace cotal::ui
