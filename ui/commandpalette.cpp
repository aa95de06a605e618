#include "ui/commandpalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace cotal::ui {

CommandPaletteModel::CommandPaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QString CommandPaletteModel::plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text;
}

int CommandPaletteModel::fuzzyScore(const QString &pattern, const QString &text)
{
    if (pattern.isEmpty())
        return 0;
    int score = 0;
    qsizetype last = -1;
    qsizetype at = 0;
    for (const QChar c : pattern) {
        if (c.isSpace())
            continue;
        const qsizetype found = text.indexOf(c, at, Qt::CaseInsensitive);
        if (found < 0)
            return -1;
        // Gaps cost; a match at a word start is free.
        const bool wordStart = found == 0 || !text.at(found - 1).isLetterOrNumber();
        if (last >= 0 && !wordStart)
            score += static_cast<int>(found - last - 1);
        if (!wordStart && last < 0)
            score += static_cast<int>(found);
        last = found;
        at = found + 1;
    }
    return score;
}

void CommandPaletteModel::setActions(const QList<QAction *> &actions)
{
    m_all.clear();
    for (QAction *action : actions)
        m_all.append(action);
    setFilter({});
}

void CommandPaletteModel::setFilter(const QString &filter)
{
    QList<QPair<int, QAction *>> scored;
    for (const QPointer<QAction> &action : std::as_const(m_all)) {
        if (!action || !action->isEnabled() || action->text().isEmpty())
            continue;
        const int score = fuzzyScore(filter, plainText(action));
        if (score >= 0)
            scored.append({score, action});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    beginResetModel();
    m_visible.clear();
    for (const auto &[score, action] : scored)
        m_visible.append(action);
    endResetModel();
}

QAction *CommandPaletteModel::action(int row) const
{
    return row >= 0 && row < m_visible.size() ? m_visible.at(row) : nullptr;
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QAction *action = m_visible.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return plainText(action);
    case ShortcutRole:
        return action->shortcut().toString(QKeySequence::NativeText);
    case Qt::ToolTipRole:
        return action->toolTip();
    case Qt::AccessibleTextRole: {
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        return shortcut.isEmpty() ? plainText(action)
                                  : QStringLiteral("%1, %2").arg(plainText(action), shortcut);
    }
    default:
        return {};
    }
}

namespace {

// The command on the left, its shortcut right-aligned in one column on every row.
class PaletteDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString keys = index.data(CommandPaletteModel::ShortcutRole).toString();
        if (keys.isEmpty())
            return;
        painter->save();
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected
                                                 ? QPalette::HighlightedText
                                                 : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -kShortcutMargin, 0),
                          Qt::AlignRight | Qt::AlignVCenter, keys);
        painter->restore();
    }

private:
    static constexpr int kShortcutMargin = 8;
};

} // namespace

CommandPalette::CommandPalette(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_model(new CommandPaletteModel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_model->setActions(actions);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setAccessibleName(tr("Command filter"));
    m_filter->installEventFilter(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setAccessibleName(tr("Commands"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        m_list->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { triggerRow(index.row()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        triggerRow(m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    m_list->setCurrentIndex(m_model->index(0, 0));
    resize(520, 380);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up/Down in the filter move through the list, as in every palette.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = m_list->currentIndex().row() + (key->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_model->rowCount())
                m_list->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CommandPalette::triggerRow(int row)
{
    QAction *action = m_model->action(row);
    if (!action)
        return;
    accept();
    // After the dialog closed: the action may open a dialog of its own.
    QTimer::singleShot(0, action, &QAction::trigger);
}

} // namespace cotal::ui
