#pragma once

#include "core/endpoint/endpointtypes.h"
#include "core/endpoint/receivedmessage.h"

#include <QMap>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace cotal::ui {

class FeedFilterProxy;
class FeedModel;
class MessageView;

// The live feed: filter chips (mode, channel, sender), free-text search, pause with an "N new"
// count, the message table (plain text) and the selected message as sanitised Markdown.
class FeedPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedPane)

public:
    explicit FeedPane(FeedModel *model, QWidget *parent = nullptr);

    FeedFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QList<QAction *> paneActions() const;

    QList<endpoint::ReceivedMessage> selectedMessages() const;
    void setPaused(bool paused);
    void focusSearch();
    // Says on the live feed itself when DMs and anycast are not in it.
    void setTapVisibility(endpoint::TapVisibility visibility);

signals:
    void senderActivated(const QString &senderId);

private slots:
    void handleRowsInserted(int first, int last);
    void handleCurrentChanged();
    void handlePendingCount(qint64 count);
    void handleFiltersChanged();

private:
    void rebuildChips();
    void exportSelection(bool json);
    void copySelection(bool json);
    QToolButton *chipButton(const QString &text, const QString &accessibleName);

    FeedModel *m_model;
    FeedFilterProxy *m_proxy;
    QTableView *m_view;
    MessageView *m_detail;
    QLineEdit *m_search;
    QLabel *m_pendingLabel;
    QLabel *m_hiddenNotice;
    QToolButton *m_channelMenuButton;
    QToolButton *m_senderMenuButton;
    QHBoxLayout *m_activeChips;
    QList<QToolButton *> m_modeChips;
    QAction *m_pauseAction;
    QAction *m_copyJsonAction;
    QAction *m_copyCsvAction;
    QAction *m_exportJsonAction;
    QAction *m_exportCsvAction;
    QAction *m_searchAction;
    QAction *m_clearFiltersAction;
    QMap<QString, quint64> m_channels; // seen channel → messages
    QMap<QString, QString> m_senders;  // seen sender id → name
    bool m_follow = true;
};

} // namespace cotal::ui
