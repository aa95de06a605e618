#include "ui/connectionspage.h"

#include "core/profile/profilestore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QString authText(profile::ConnectionProfile::AuthKind kind)
{
    using Kind = profile::ConnectionProfile::AuthKind;
    switch (kind) {
    case Kind::None:
        return ConnectionsPage::tr("open mesh");
    case Kind::Token:
        return ConnectionsPage::tr("token");
    case Kind::UserPassword:
        return ConnectionsPage::tr("user and password");
    case Kind::CredsFile:
        return ConnectionsPage::tr("creds file");
    case Kind::CredsSecret:
        return ConnectionsPage::tr("creds in keychain");
    case Kind::NKeySeed:
        break;
    }
    return ConnectionsPage::tr("NKey seed");
}

} // namespace

ConnectionsPage::ConnectionsPage(profile::ProfileStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("connectionsPage"));
    auto *title = new QLabel(tr("<h2>Connections</h2>Recent connections, most recent first. "
                                "Secrets are kept in the system keychain, never in settings."),
                             this);
    title->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("recentConnections"));
    m_list->setAccessibleName(tr("Recent connections"));
    m_empty = new QLabel(tr("No saved connections yet: create one, or paste a join link into "
                            "a new connection."),
                         this);
    m_empty->setWordWrap(true);

    auto *connectButton = new QPushButton(tr("&Connect"), this);
    connectButton->setObjectName(QStringLiteral("connectSaved"));
    connectButton->setDefault(true);
    auto *newButton = new QPushButton(tr("&New…"), this);
    auto *editButton = new QPushButton(tr("&Edit…"), this);
    auto *removeButton = new QPushButton(tr("&Remove"), this);
    connect(connectButton, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            emit connectRequested(currentId());
    });
    connect(newButton, &QPushButton::clicked, this, &ConnectionsPage::newRequested);
    connect(editButton, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            emit editRequested(currentId());
    });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            emit removeRequested(currentId());
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit connectRequested(item->data(Qt::UserRole).toString());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(connectButton);
    buttons->addWidget(newButton);
    buttons->addWidget(editButton);
    buttons->addWidget(removeButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    reload();
}

void ConnectionsPage::reload()
{
    m_list->clear();
    const QList<profile::ConnectionProfile> profiles = m_store->profiles();
    for (const profile::ConnectionProfile &p : profiles) {
        auto *item = new QListWidgetItem(
            tr("%1 — space %2 on %3 (%4)")
                .arg(p.name, p.space, p.servers.join(QStringLiteral(", ")), authText(p.authKind)),
            m_list);
        item->setData(Qt::UserRole, p.id);
    }
    m_empty->setVisible(profiles.isEmpty());
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QString ConnectionsPage::currentId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace cotal::ui
