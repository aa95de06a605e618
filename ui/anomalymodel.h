#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QAbstractTableModel>
#include <deque>

namespace cotal::ui {

// Refused traffic (spoofed, malformed, terminated) as the endpoint reports it, newest last,
// bounded so a flood of garbage cannot grow memory.
class AnomalyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnomalyModel)

public:
    enum Column
    {
        Time,
        Reason,
        Path,
        Subject,
        Terminated,
        Detail,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int DefaultCapacity = 5000;

    explicit AnomalyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setCapacity(int capacity);
    void append(const endpoint::Anomaly &anomaly);
    void clear();

    static QString reasonText(endpoint::Anomaly::Reason reason);
    static QString pathText(endpoint::ReceivedMessage::Path path);

private:
    std::deque<endpoint::Anomaly> m_rows;
    int m_capacity = DefaultCapacity;
};

} // namespace cotal::ui
