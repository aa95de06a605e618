#pragma once

#include <QTextBrowser>

namespace cotal::ui {

// Shows untrusted message text as sanitised Markdown: raw HTML is never interpreted
// (MarkdownNoHTML), no resource (image, stylesheet) is ever loaded, and only http, https and
// mailto links open — in the system browser, never inside the view.
class MessageView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)

public:
    explicit MessageView(QWidget *parent = nullptr);

    void setMarkdownText(const QString &markdown);
    static bool isAllowedLink(const QUrl &url);

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    // A link the user activated that passed the scheme check (tests observe this).
    void linkOpened(const QUrl &url);

private slots:
    void handleAnchorClicked(const QUrl &url);
};

} // namespace cotal::ui
