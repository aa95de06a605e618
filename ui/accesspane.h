#pragma once

#include "core/space/accessmatrix.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/presence.h"

#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cotal::space {
class AclRegistry;
class MemberRegistry;
class MembershipFeedReader;
} // namespace cotal::space

namespace cotal::ui {

class AccessFilterProxy;
class AccessModel;
class ConsoleSession;

// The "Access" tab: who can read each channel (read ACLs), who reads it live now (membership
// feed) and who would get what they missed (durable members), agents × channels, with drift and
// risk highlighted, filters, an explanation of the selected cell, "Edit ACL…" into the ACL
// editor with the change pre-filled, and export as CSV and PNG.
class AccessPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessPane)

public:
    explicit AccessPane(ConsoleSession *session, QWidget *parent = nullptr);
    ~AccessPane() override;

    // Where the known channels come from (the registry and CHAT, as the Channels tab lists them).
    void setChannelSource(std::function<QStringList()> source);
    // The subscribe patterns of agents whose credentials the console minted (the demo).
    void setCredentialGrants(const QHash<QString, QStringList> &grants);

    AccessModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Rebuilds the matrix now instead of at the next coalesced refresh.
    void rebuild();
    bool exportCsv(const QString &path) const;
    bool exportPng(const QString &path);

public slots:
    void attach();
    void detach();
    void setRoster(const QList<cotal::wire::Presence> &roster);

signals:
    // The agent's ACL is to be edited; `pattern` is the channel to add, or empty.
    void editAclRequested(const QString &agent, const QString &pattern);
    void driftChanged(const cotal::space::AccessMatrix::Counts &counts);

private:
    void scheduleRebuild();
    // Why the feed's live sets cannot be shown now; empty when they can.
    QString feedProblem(double now) const;
    void showSelection();
    void editSelection();
    void chooseCsv();
    void choosePng();

    ConsoleSession *m_session;
    std::function<QStringList()> m_channelSource;
    std::unique_ptr<space::AclRegistry> m_acls;
    std::unique_ptr<space::MemberRegistry> m_members;
    std::unique_ptr<space::MembershipFeedReader> m_feed;
    QHash<QString, QStringList> m_live;
    QHash<QString, double> m_feedObservedAt;
    bool m_feedLoaded = false;
    std::optional<wire::MembershipFeedHeartbeat> m_feedHeartbeat; // `=feed`: is anyone writing?
    QList<space::AccessInput::Agent> m_roster;
    QHash<QString, QStringList> m_credentialGrants;
    QString m_aclDenied;
    QString m_feedDenied;
    QString m_membersDenied;
    QTimer m_rebuild;
    QTimer m_freshness; // a feed nobody rewrites goes stale without any change to announce it
    QString m_feedProblem;

    AccessModel *m_model;
    AccessFilterProxy *m_proxy;
    QLineEdit *m_agentFilter;
    QLineEdit *m_roleFilter;
    QLineEdit *m_channelFilter;
    QCheckBox *m_onlyDrift;
    QLabel *m_notice;
    QTableView *m_view;
    QLabel *m_detail;
    QLabel *m_summary;
    QPushButton *m_editAcl;
};

} // namespace cotal::ui
