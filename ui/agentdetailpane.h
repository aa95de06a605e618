#pragma once

#include <QWidget>

class QTableView;
class QTextBrowser;

namespace cotal::ui {

class FeedFilterProxy;
class FeedModel;
class RosterModel;

// One agent: card, skills, tags, meta, channels and modes, attention, and its last messages.
class AgentDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentDetailPane)

public:
    AgentDetailPane(RosterModel *roster, FeedModel *feed, QWidget *parent = nullptr);

    void showAgent(const QString &id);
    QString agentId() const { return m_id; }
    QString cardText() const;

private:
    void render();

    RosterModel *m_roster;
    FeedFilterProxy *m_messages;
    QString m_id;
    double m_renderedTs = 0; // the record shown: a heartbeat re-renders "Last record"
    QTextBrowser *m_card;
    QTableView *m_view;
};

} // namespace cotal::ui
