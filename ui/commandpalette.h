#pragma once

#include <QAbstractListModel>
#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QListView;

namespace cotal::ui {

// Every action of the window, filtered by a fuzzy (in-order subsequence) match and ranked by
// how tightly the letters match.
class CommandPaletteModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPaletteModel)

public:
    enum Role
    {
        ShortcutRole = Qt::UserRole + 1, // the native text of the action's shortcut
    };

    explicit CommandPaletteModel(QObject *parent = nullptr);

    void setActions(const QList<QAction *> &actions);
    void setFilter(const QString &filter);
    QAction *action(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // -1 when `pattern` is not a subsequence of `text`; lower is a better match.
    static int fuzzyScore(const QString &pattern, const QString &text);
    static QString plainText(const QAction *action);

private:
    QList<QPointer<QAction>> m_all;
    QList<QAction *> m_visible;
};

class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    explicit CommandPalette(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    CommandPaletteModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void triggerRow(int row);

    CommandPaletteModel *m_model;
    QLineEdit *m_filter;
    QListView *m_list;
};

} // namespace cotal::ui
