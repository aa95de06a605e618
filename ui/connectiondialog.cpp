#include "ui/connectiondialog.h"

#include "core/endpoint/endpointhost.h"
#include "core/profile/credentialidentity.h"
#include "core/profile/profilestore.h"
#include "core/wire/joinlink.h"
#include "ui/connectionsettings.h"
#include "ui/statustone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace cotal::ui {

using profile::ConnectionProfile;
using AuthKind = profile::ConnectionProfile::AuthKind;

namespace {

QStringList splitServers(const QString &text)
{
    QStringList servers;
    for (const QString &part :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        servers.append(part.trimmed());
    return servers;
}

bool needsSecret(AuthKind kind)
{
    return kind == AuthKind::Token || kind == AuthKind::UserPassword ||
           kind == AuthKind::CredsSecret || kind == AuthKind::NKeySeed;
}

} // namespace

ConnectionDialog::ConnectionDialog(profile::ProfileStore *store, profile::SecretStore secrets,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(std::move(secrets))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connection"));

    m_link = new QLineEdit(this);
    m_link->setObjectName(QStringLiteral("joinLink"));
    m_link->setPlaceholderText(tr("Paste a cotal:// or cotals:// join link to fill the form"));
    m_link->setAccessibleName(tr("Join link"));
    m_link->setClearButtonEnabled(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setAccessibleName(tr("Connection name"));
    m_servers = new QLineEdit(this);
    m_servers->setObjectName(QStringLiteral("servers"));
    m_servers->setPlaceholderText(tr("nats://host:4222, tls://other:4222"));
    m_servers->setAccessibleName(tr("Servers"));
    m_space = new QLineEdit(this);
    m_space->setObjectName(QStringLiteral("space"));
    m_space->setPlaceholderText(QStringLiteral("main"));
    m_space->setAccessibleName(tr("Space"));

    m_authKind = new QComboBox(this);
    m_authKind->setObjectName(QStringLiteral("authKind"));
    m_authKind->setAccessibleName(tr("Authentication"));
    m_authKind->addItem(tr("None (open mesh)"), int(AuthKind::None));
    m_authKind->addItem(tr("Token"), int(AuthKind::Token));
    m_authKind->addItem(tr("User and password"), int(AuthKind::UserPassword));
    m_authKind->addItem(tr("Creds file on disk"), int(AuthKind::CredsFile));
    m_authKind->addItem(tr("Creds kept in the keychain"), int(AuthKind::CredsSecret));
    m_authKind->addItem(tr("NKey seed (kept in the keychain)"), int(AuthKind::NKeySeed));

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setAccessibleName(tr("User"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Secret"));
    m_credsText = new QPlainTextEdit(this);
    m_credsText->setObjectName(QStringLiteral("credsText"));
    m_credsText->setAccessibleName(tr("Creds"));
    m_credsText->setPlaceholderText(tr("-----BEGIN NATS USER JWT-----…"));
    m_credsText->setMaximumHeight(90);
    auto *importCreds = new QPushButton(tr("Import from file…"), this);
    importCreds->setAccessibleName(tr("Import creds from a file"));
    connect(importCreds, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Creds file"), {},
                                                          tr("Creds (*.creds);;All files (*)"));
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly))
            m_credsText->setPlainText(QString::fromUtf8(file.readAll()));
    });
    auto *credsBox = new QWidget(this);
    auto *credsLayout = new QVBoxLayout(credsBox);
    credsLayout->setContentsMargins(0, 0, 0, 0);
    credsLayout->addWidget(m_credsText);
    credsLayout->addWidget(importCreds, 0, Qt::AlignLeft);

    m_credsFile = fileField(QStringLiteral("credsFile"), tr("Creds file"), &m_credsFileRow);
    m_remember = new QCheckBox(tr("Remember the secret in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberSecret"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("Unchecked: don't remember — the secret is used for this session "
                              "only and asked for again next time."));

    m_tls = new QCheckBox(tr("Require TLS"), this);
    m_tls->setObjectName(QStringLiteral("tlsRequired"));
    QWidget *caRow = nullptr;
    QWidget *certRow = nullptr;
    QWidget *keyRow = nullptr;
    m_tlsCa = fileField(QStringLiteral("tlsCa"), tr("TLS CA file"), &caRow);
    m_tlsCert = fileField(QStringLiteral("tlsCert"), tr("TLS client certificate"), &certRow);
    m_tlsKey = fileField(QStringLiteral("tlsKey"), tr("TLS client key"), &keyRow);
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_displayName->setPlaceholderText(QStringLiteral("cotal-console"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_appear = new QCheckBox(tr("&Appear in the space (presence with this console's card)"), this);
    m_appear->setObjectName(QStringLiteral("appearInSpace"));
    m_appear->setToolTip(tr("Off: the console watches invisibly. On: agents see it in their "
                            "roster, as they see each other; the credential must be allowed to "
                            "write presence."));
    // Never typed: the credential's public key, or the id generated for open mode.
    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identity->setReadOnly(true);
    m_identity->setAccessibleName(tr("Identity"));

    // Role credentials: what the view credential may not do, each through its own profile.
    QWidget *provisionerRow = nullptr;
    QWidget *deliveryRow = nullptr;
    m_provisionerCreds = fileField(QStringLiteral("provisionerCredsFile"),
                                   tr("Provisioner creds file"), &provisionerRow);
    m_provisionerCreds->setPlaceholderText(tr("optional: ACL and channel edits, provisioning"));
    m_deliveryCreds =
        fileField(QStringLiteral("deliveryCredsFile"), tr("Delivery creds file"), &deliveryRow);
    m_deliveryCreds->setPlaceholderText(
        tr("optional: the delivery daemon, the lease, members, ACL reads"));
    QWidget *feedObserverRow = nullptr;
    QWidget *feedWriterRow = nullptr;
    m_feedObserverCreds = fileField(QStringLiteral("membershipObserverCredsFile"),
                                    tr("Membership observer creds file"), &feedObserverRow);
    m_feedObserverCreds->setPlaceholderText(
        tr("optional: the daemon's membership feed (system account)"));
    m_feedWriterCreds = fileField(QStringLiteral("membershipRwCredsFile"),
                                  tr("Membership writer creds file"), &feedWriterRow);
    m_feedWriterCreds->setPlaceholderText(
        tr("optional: the daemon's membership feed (membership-rw)"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Join link:"), m_link);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Servers:"), m_servers);
    form->addRow(tr("S&pace:"), m_space);
    form->addRow(tr("&Authentication:"), m_authKind);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("S&ecret:"), m_secret);
    form->addRow(tr("&Creds:"), credsBox);
    form->addRow(tr("Creds &file:"), m_credsFileRow);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_tls);
    form->addRow(tr("TLS C&A:"), caRow);
    form->addRow(tr("TLS c&ertificate:"), certRow);
    form->addRow(tr("TLS &key:"), keyRow);
    form->addRow(tr("&Display name:"), m_displayName);
    form->addRow(QString(), m_appear);
    form->addRow(tr("&Identity:"), m_identity);
    form->addRow(tr("P&rovisioner creds:"), provisionerRow);
    form->addRow(tr("De&livery creds:"), deliveryRow);
    form->addRow(tr("&Membership observer creds:"), feedObserverRow);
    form->addRow(tr("Membership &writer creds:"), feedWriterRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Connection dialog message"));

    auto *buttons = new QDialogButtonBox(this);
    m_testButton = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_saveButton = buttons->addButton(tr("Sa&ve"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_connectButton = buttons->addButton(tr("Save and c&onnect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("saveAndConnect"));
    m_connectButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    // Save and connect finish asynchronously (keychain): no automatic accept.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::handleTest);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::handleSave);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionDialog::handleSaveAndConnect);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_authKind, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::handleAuthKindChanged);
    connect(m_link, &QLineEdit::textEdited, this, &ConnectionDialog::handleLinkEdited);
    connect(m_link, &QLineEdit::returnPressed, this, [this] { applyLink(m_link->text()); });
    // Form rows follow the auth kind.
    auto updateRows = [form, this, credsBox] {
        const auto kind = AuthKind(m_authKind->currentData().toInt());
        form->setRowVisible(m_user, kind == AuthKind::UserPassword);
        form->setRowVisible(m_secret, kind == AuthKind::Token || kind == AuthKind::UserPassword ||
                                          kind == AuthKind::NKeySeed);
        form->setRowVisible(credsBox, kind == AuthKind::CredsSecret);
        form->setRowVisible(m_credsFileRow, kind == AuthKind::CredsFile);
        form->setRowVisible(m_remember, needsSecret(kind));
    };
    connect(m_authKind, &QComboBox::currentIndexChanged, this, updateRows);
    updateRows();
    connect(m_authKind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::refreshIdentity);
    connect(m_credsFile, &QLineEdit::textChanged, this, &ConnectionDialog::refreshIdentity);
    connect(m_credsText, &QPlainTextEdit::textChanged, this, &ConnectionDialog::refreshIdentity);
    connect(m_secret, &QLineEdit::textChanged, this, &ConnectionDialog::refreshIdentity);
    refreshIdentity();
    resize(560, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

QLineEdit *ConnectionDialog::fileField(const QString &objectName, const QString &accessibleName,
                                       QWidget **row)
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(box);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    auto *browse = new QPushButton(tr("Browse…"), box);
    browse->setAccessibleName(tr("Browse for %1").arg(accessibleName));
    connect(browse, &QPushButton::clicked, this, [this, edit, accessibleName] {
        const QString path = QFileDialog::getOpenFileName(this, accessibleName, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(edit);
    layout->addWidget(browse);
    *row = box;
    return edit;
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_editing = profile;
    m_name->setText(profile.name);
    m_servers->setText(profile.servers.join(QStringLiteral(", ")));
    m_space->setText(profile.space);
    m_authKind->setCurrentIndex(m_authKind->findData(int(profile.authKind)));
    m_user->setText(profile.user);
    m_credsFile->setText(profile.credsFile);
    m_provisionerCreds->setText(profile.provisionerCredsFile);
    m_deliveryCreds->setText(profile.deliveryCredsFile);
    m_feedObserverCreds->setText(profile.membershipObserverCredsFile);
    m_feedWriterCreds->setText(profile.membershipRwCredsFile);
    m_tls->setChecked(profile.tlsRequired);
    m_tlsCa->setText(profile.tlsCaFile);
    m_tlsCert->setText(profile.tlsCertFile);
    m_tlsKey->setText(profile.tlsKeyFile);
    m_displayName->setText(profile.displayName);
    m_appear->setChecked(profile.appearInSpace);
    refreshIdentity();
    if (needsSecret(profile.authKind))
        m_secret->setPlaceholderText(tr("unchanged (kept in the keychain, if remembered)"));
}

bool ConnectionDialog::applyLink(const QString &link)
{
    const wire::Result<wire::JoinLink> parsed = wire::parseJoinLink(link.trimmed());
    if (!parsed) {
        showMessage(tr("Not a usable join link: %1").arg(parsed.error().detail), true);
        return false;
    }
    ConnectionProfile profile = formProfile();
    QByteArray secret;
    applyJoinLink(*parsed, &profile, &secret);
    m_servers->setText(profile.servers.join(QStringLiteral(", ")));
    m_space->setText(profile.space);
    m_tls->setChecked(profile.tlsRequired);
    m_authKind->setCurrentIndex(m_authKind->findData(int(profile.authKind)));
    m_user->setText(profile.user);
    m_secret->setText(QString::fromUtf8(secret));
    if (m_name->text().isEmpty())
        m_name->setText(QStringLiteral("%1 @ %2").arg(parsed->space, parsed->host));
    QString note = tr("Filled from the join link.");
    if (parsed->channels && !parsed->channels->isEmpty())
        note +=
            QLatin1Char(' ') + tr("It names channels %1; the console watches every channel anyway.")
                                   .arg(parsed->channels->join(QStringLiteral(", ")));
    showMessage(note, false);
    return true;
}

void ConnectionDialog::handleLinkEdited(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QStringLiteral("cotal://")) ||
        trimmed.startsWith(QStringLiteral("cotals://")))
        applyLink(trimmed);
}

void ConnectionDialog::refreshIdentity()
{
    const auto kind = AuthKind(m_authKind->currentData().toInt());
    const QByteArray secret = formSecret();
    const profile::CredentialIdentity identity =
        profile::credentialIdentity(kind, m_credsFile->text().trimmed(), secret);
    if (!identity.carriesIdentity) {
        m_identity->setText(m_editing.instanceId);
        m_identity->setPlaceholderText(tr("generated when saved"));
        m_identity->setToolTip(tr("Without a credential the console keeps one generated id."));
    } else if (secret.isEmpty() && kind != AuthKind::CredsFile && !m_editing.id.isEmpty()) {
        m_identity->clear();
        m_identity->setPlaceholderText(tr("the public key of the credential in the keychain"));
        m_identity->setToolTip({});
    } else if (identity.ok()) {
        m_identity->setText(identity.publicKey);
        m_identity->setToolTip(identity.name.isEmpty()
                                   ? tr("The credential's public key: the console's id.")
                                   : tr("The credential's public key: the console's id. "
                                        "Minted as \"%1\".")
                                         .arg(identity.name));
    } else {
        m_identity->clear();
        m_identity->setPlaceholderText(identity.error);
        m_identity->setToolTip(identity.error);
    }
}

void ConnectionDialog::handleAuthKindChanged()
{
    m_message->clear();
}

ConnectionProfile ConnectionDialog::formProfile() const
{
    ConnectionProfile profile = m_editing;
    profile.name = m_name->text().trimmed();
    profile.servers = splitServers(m_servers->text());
    profile.space = m_space->text().trimmed();
    profile.authKind = AuthKind(m_authKind->currentData().toInt());
    profile.user =
        profile.authKind == AuthKind::UserPassword ? m_user->text().trimmed() : QString();
    profile.credsFile =
        profile.authKind == AuthKind::CredsFile ? m_credsFile->text().trimmed() : QString();
    profile.provisionerCredsFile = m_provisionerCreds->text().trimmed();
    profile.deliveryCredsFile = m_deliveryCreds->text().trimmed();
    profile.membershipObserverCredsFile = m_feedObserverCreds->text().trimmed();
    profile.membershipRwCredsFile = m_feedWriterCreds->text().trimmed();
    profile.tlsRequired = m_tls->isChecked();
    profile.tlsCaFile = m_tlsCa->text().trimmed();
    profile.tlsCertFile = m_tlsCert->text().trimmed();
    profile.tlsKeyFile = m_tlsKey->text().trimmed();
    profile.displayName = m_displayName->text().trimmed();
    profile.appearInSpace = m_appear->isChecked();
    // A credential names the console's id itself; a stored generated one would contradict it.
    if (profile.identityFromCredential())
        profile.instanceId.clear();
    if (profile.name.isEmpty() && !profile.servers.isEmpty())
        profile.name = QStringLiteral("%1 @ %2").arg(profile.space, profile.servers.constFirst());
    return profile;
}

QByteArray ConnectionDialog::formSecret() const
{
    const auto kind = AuthKind(m_authKind->currentData().toInt());
    if (kind == AuthKind::CredsSecret)
        return m_credsText->toPlainText().toUtf8();
    if (kind == AuthKind::Token || kind == AuthKind::UserPassword || kind == AuthKind::NKeySeed)
        return m_secret->text().toUtf8();
    return {};
}

bool ConnectionDialog::validate(QString *error) const
{
    const ConnectionProfile profile = formProfile();
    if (profile.servers.isEmpty()) {
        *error = tr("Enter at least one server.");
        return false;
    }
    if (profile.space.isEmpty()) {
        *error = tr("Enter the space.");
        return false;
    }
    if (profile.authKind == AuthKind::UserPassword && profile.user.isEmpty()) {
        *error = tr("Enter the user name.");
        return false;
    }
    if (profile.authKind == AuthKind::CredsFile && profile.credsFile.isEmpty()) {
        *error = tr("Choose the creds file.");
        return false;
    }
    if (profile.membershipObserverCredsFile.isEmpty() != profile.membershipRwCredsFile.isEmpty()) {
        *error = tr("The membership feed needs both creds files: the observer and the writer.");
        return false;
    }
    const QList<QPair<QString, QString>> roles{
        {tr("provisioner"), profile.provisionerCredsFile},
        {tr("delivery"), profile.deliveryCredsFile},
        {tr("membership observer"), profile.membershipObserverCredsFile},
        {tr("membership writer"), profile.membershipRwCredsFile}};
    for (const auto &[role, file] : roles) {
        if (file.isEmpty())
            continue;
        const profile::CredentialIdentity identity =
            profile::credentialIdentity(AuthKind::CredsFile, file, {});
        if (!identity.ok()) {
            *error = tr("The %1 creds file cannot be used: %2").arg(role, identity.error);
            return false;
        }
    }
    // A new profile (or a changed auth kind) has no stored secret to fall back on.
    const bool storedSecret = !m_editing.id.isEmpty() && m_editing.authKind == profile.authKind;
    if (needsSecret(profile.authKind) && formSecret().isEmpty() && !storedSecret) {
        *error = tr("Enter the secret.");
        return false;
    }
    return true;
}

void ConnectionDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    setStatusTone(m_message, error);
}

void ConnectionDialog::setBusy(bool busy)
{
    m_testButton->setEnabled(!busy);
    m_saveButton->setEnabled(!busy);
    m_connectButton->setEnabled(!busy);
}

void ConnectionDialog::handleTest()
{
    QString error;
    if (!validate(&error)) {
        showMessage(error, true);
        return;
    }
    ConnectionProfile profile = formProfile();
    ConsoleConnection connection = consoleConnection(profile, formSecret());
    if (!connection.error.isEmpty()) {
        showMessage(connection.error, true);
        return;
    }
    // Connect only: no presence, no watches, no tap.
    endpoint::EndpointOptions options = connection.options;
    options.watchPresence = false;
    options.watchChannels = false;
    options.observeAll = false;
    m_testHost = std::make_unique<endpoint::EndpointHost>(options);
    setBusy(true);
    showMessage(tr("Testing %1…").arg(profile.servers.join(QStringLiteral(", "))), false);
    auto seedFile = std::shared_ptr<QTemporaryFile>(std::move(connection.seedFile));
    m_testHost->start().then(
        this, [this, seedFile, auth = options.isAuthMode()](const nats::NatsError &result) {
            setBusy(false);
            if (result.isError())
                showMessage(tr("Connection failed: %1").arg(result.describe()), true);
            else
                showMessage(auth ? tr("Connected: the server accepted these credentials.")
                                 : tr("Connected (open mesh: nothing is enforced)."),
                            false);
            endpoint::EndpointHost *host = m_testHost.release();
            host->stop().then(this, [host, seedFile] { delete host; });
        });
}

void ConnectionDialog::handleSave()
{
    save(false);
}

void ConnectionDialog::handleSaveAndConnect()
{
    save(true);
}

void ConnectionDialog::save(bool connect)
{
    QString error;
    if (!validate(&error)) {
        showMessage(error, true);
        return;
    }
    ConnectionProfile profile = formProfile();
    if (profile.instanceId.isEmpty() && !profile.identityFromCredential())
        profile.instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.id = m_store->save(profile);
    m_saved = profile;
    m_editing = profile;

    const QByteArray secret = formSecret();
    const QString kind = profile.secretKind();
    if (kind.isEmpty() || secret.isEmpty()) {
        finishSave(connect, {});
        return;
    }
    if (!m_remember->isChecked()) {
        // Don't remember: drop any copy a previous save left in the keychain.
        m_secrets.remove(profile.id, kind);
        finishSave(connect, secret);
        return;
    }
    setBusy(true);
    m_secrets.write(profile.id, kind, secret)
        .then(this, [this, connect, secret](const profile::SecretResult &result) {
            setBusy(false);
            switch (result.status) {
            case profile::SecretResult::Status::Ok:
                finishSave(connect, {});
                return;
            case profile::SecretResult::Status::NoKeychain:
                // The don't-remember path: say so, keep the secret for this session only.
                m_remember->setChecked(false);
                showMessage(tr("No keychain service is available (no Secret Service is "
                               "running), so the secret was not remembered. It is used for this "
                               "session only; you will be asked for it next time."),
                            true);
                m_sessionSecret = secret;
                if (connect) {
                    m_connect = true;
                    accept();
                }
                return;
            case profile::SecretResult::Status::NotFound:
            case profile::SecretResult::Status::Denied:
            case profile::SecretResult::Status::Failed:
                break;
            }
            showMessage(tr("The keychain refused the secret: %1. Untick \"Remember\" to use it "
                           "for this session only.")
                            .arg(result.message),
                        true);
        });
}

void ConnectionDialog::finishSave(bool connect, const QByteArray &secret)
{
    m_sessionSecret = secret;
    m_connect = connect;
    accept();
}

} // namespace cotal::ui
