#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace cotal::ui {

// The compose box: plain text, Ctrl+Enter sends, and "@" completes peer names from the roster.
class MentionEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionEdit)

public:
    explicit MentionEdit(QWidget *parent = nullptr);

    void setNames(const QStringList &names);
    QCompleter *completer() const { return m_completer; }
    // Lowercased @names in the text that are known peers (wire.md §6.1 mentions are names).
    QStringList mentions() const;

signals:
    void submitted();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString wordUnderCursor() const;
    void insertCompletion(const QString &completion);

    QCompleter *m_completer;
    QStringListModel *m_names;
};

} // namespace cotal::ui
