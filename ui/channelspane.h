#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QAction;

namespace cotal::ui {

class ConsoleSession;

class ChannelsModel;

// Every channel with config, counts, joined state and durable health; opens a channel's view
// or its config.
class ChannelsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsPane)

public:
    explicit ChannelsPane(ChannelsModel *model, QWidget *parent = nullptr);
    // The session whose registry connection the config editor writes through.
    void setSession(ConsoleSession *session) { m_session = session; }

    QTableView *view() const { return m_view; }
    QList<QAction *> paneActions() const { return {m_openAction, m_configAction, m_refreshAction}; }
    void setListingError(const QString &error);
    QString currentChannel() const;

signals:
    void channelActivated(const QString &channel);
    void refreshRequested();

private:
    void showConfig();

    ChannelsModel *m_model;
    ConsoleSession *m_session = nullptr;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_status;
    QAction *m_openAction;
    QAction *m_configAction;
    QAction *m_refreshAction;
};

} // namespace cotal::ui
