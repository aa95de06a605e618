#include "ui/mentionedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace cotal::ui {

MentionEdit::MentionEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_names(new QStringListModel(this))
{
    setObjectName(QStringLiteral("composeText"));
    setAccessibleName(tr("Message to send"));
    setPlaceholderText(tr("Message… (@ to mention, Ctrl+Enter to send)"));
    setTabChangesFocus(true);
    m_completer->setModel(m_names);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &MentionEdit::insertCompletion);
}

void MentionEdit::setNames(const QStringList &names)
{
    if (m_names->stringList() != names)
        m_names->setStringList(names);
}

QStringList MentionEdit::mentions() const
{
    static const QRegularExpression mention(QStringLiteral("(?:^|\\s)@([^\\s@,;:!?]+)"));
    const QStringList known = m_names->stringList();
    QStringList result;
    auto it = mention.globalMatch(toPlainText());
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        for (const QString &peer : known) {
            if (peer.compare(name, Qt::CaseInsensitive) == 0 && !result.contains(peer.toLower()))
                result.append(peer.toLower());
        }
    }
    return result;
}

QString MentionEdit::wordUnderCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype at = before.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    if (at > 0 && !before.at(at - 1).isSpace())
        return {};
    const QString word = before.mid(at + 1);
    if (word.contains(QRegularExpression(QStringLiteral("\\s"))))
        return {};
    return QStringLiteral("@") + word;
}

void MentionEdit::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    const QString word = wordUnderCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor,
                        static_cast<int>(word.size() - 1));
    cursor.insertText(completion + QLatin1Char(' '));
    setTextCursor(cursor);
}

// Ctrl+Enter sends from here, whatever a window-wide action binds to it.
bool MentionEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier) && !(key->modifiers() & Qt::ShiftModifier)) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void MentionEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the popup handles these
            return;
        default:
            break;
        }
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        emit submitted();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);

    const QString word = wordUnderCursor();
    if (word.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    const QString prefix = word.mid(1);
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

} // namespace cotal::ui
