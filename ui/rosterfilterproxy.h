#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace cotal::ui {

// Sorts the roster by each column's real type (RosterModel::RawRole) and filters it by free text
// and "hide offline".
class RosterFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterFilterProxy)

public:
    explicit RosterFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setHideOffline(bool hide);
    bool hideOffline() const { return m_hideOffline; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    bool m_hideOffline = false;
    QCollator m_collator;
};

// The NEEDS-YOU list: waiting agents only, the one waiting longest first. Column 0 reads
// "name — activity".
class NeedsYouProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NeedsYouProxy)

public:
    explicit NeedsYouProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace cotal::ui
