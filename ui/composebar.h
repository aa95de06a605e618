#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace cotal::ui {

class ConsoleSession;
class MentionEdit;
class RosterModel;

// Sends as the console's identity to a channel, a peer (DM) or a role (anycast). Refusals
// (permission denied, no responders) are shown inline, next to the text that was not sent.
class ComposeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeBar)

public:
    enum class TargetKind
    {
        Channel,
        Peer,
        Role,
    };

    ComposeBar(ConsoleSession *session, RosterModel *roster, QWidget *parent = nullptr);

    void setChannels(const QStringList &channels);
    void setTarget(TargetKind kind, const QString &target);
    // Whether the view credential may send at all; when not, compose is off and says why.
    void setSendAllowed(bool allowed, const QString &reason = {});
    MentionEdit *editor() const { return m_text; }
    QString statusText() const;
    void send();

private slots:
    void handleRosterChanged();
    void handleKindChanged();

private:
    void showStatus(const QString &text, bool error);

    ConsoleSession *m_session;
    RosterModel *m_roster;
    QComboBox *m_kind;
    QComboBox *m_target;
    MentionEdit *m_text;
    QPushButton *m_send;
    QLabel *m_status;
    QStringList m_channels;
};

} // namespace cotal::ui
