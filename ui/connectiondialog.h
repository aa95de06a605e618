#pragma once

#include "core/profile/connectionprofile.h"
#include "core/profile/secretstore.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cotal::endpoint {
class EndpointHost;
}

namespace cotal::profile {
class ProfileStore;
}

namespace cotal::ui {

// Creates or edits a saved connection. Secrets go only to the keychain ("remember secret"), or
// stay in memory for this session ("don't remember", also the fallback when no keychain
// service runs). A pasted cotal:// or cotals:// link fills the form.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(profile::ProfileStore *store, profile::SecretStore secrets,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Edits an existing profile (its secret stays in the keychain unless a new one is typed).
    void setProfile(const profile::ConnectionProfile &profile);
    // Fills the form from a join link; false (with the reason shown) when it does not parse.
    bool applyLink(const QString &link);

    // After acceptance: the saved profile, the secret for this session (empty when the keychain
    // holds it) and whether the user asked to connect.
    profile::ConnectionProfile profile() const { return m_saved; }
    QByteArray sessionSecret() const { return m_sessionSecret; }
    bool connectRequested() const { return m_connect; }

private slots:
    void handleAuthKindChanged();
    void handleLinkEdited(const QString &text);
    void handleTest();
    void handleSave();
    void handleSaveAndConnect();

private:
    profile::ConnectionProfile formProfile() const;
    QByteArray formSecret() const;
    bool validate(QString *error) const;
    void refreshIdentity();
    void save(bool connect);
    void finishSave(bool connect, const QByteArray &secret);
    void showMessage(const QString &text, bool error);
    void setBusy(bool busy);
    QLineEdit *fileField(const QString &objectName, const QString &accessibleName, QWidget **row);

    profile::ProfileStore *m_store;
    profile::SecretStore m_secrets;
    profile::ConnectionProfile m_editing;
    profile::ConnectionProfile m_saved;
    QByteArray m_sessionSecret;
    bool m_connect = false;

    QLineEdit *m_link;
    QLineEdit *m_name;
    QLineEdit *m_servers;
    QLineEdit *m_space;
    QComboBox *m_authKind;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QPlainTextEdit *m_credsText;
    QLineEdit *m_credsFile;
    QWidget *m_credsFileRow;
    QCheckBox *m_remember;
    QCheckBox *m_tls;
    QCheckBox *m_appear;
    QLineEdit *m_tlsCa;
    QLineEdit *m_tlsCert;
    QLineEdit *m_tlsKey;
    QLineEdit *m_displayName;
    QLineEdit *m_identity;
    QLineEdit *m_provisionerCreds;
    QLineEdit *m_deliveryCreds;
    QLineEdit *m_feedObserverCreds;
    QLineEdit *m_feedWriterCreds;
    QLabel *m_message;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
    QPushButton *m_connectButton;
    std::unique_ptr<endpoint::EndpointHost> m_testHost;
};

} // namespace cotal::ui
