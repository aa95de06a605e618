#include "ui/messageview.h"

#include <QDesktopServices>
#include <QTextDocument>

namespace cotal::ui {

MessageView::MessageView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Message text"));
    connect(this, &QTextBrowser::anchorClicked, this, &MessageView::handleAnchorClicked);
}

void MessageView::setMarkdownText(const QString &markdown)
{
    document()->setMarkdown(markdown,
                            QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                            QTextDocument::MarkdownNoHTML));
}

bool MessageView::isAllowedLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                             scheme == QLatin1String("mailto"));
}

QVariant MessageView::loadResource(int type, const QUrl &name)
{
    // An image reference in untrusted Markdown must not read local files or reach the network.
    Q_UNUSED(type);
    Q_UNUSED(name);
    return {};
}

void MessageView::handleAnchorClicked(const QUrl &url)
{
    if (!isAllowedLink(url))
        return;
    emit linkOpened(url);
    QDesktopServices::openUrl(url);
}

} // namespace cotal::ui
