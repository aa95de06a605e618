#include "core/profile/profilestore.h"

#include <QUuid>

namespace cotal::profile {

namespace {

const QString kGroup = QStringLiteral("connections");

QString authKindName(ConnectionProfile::AuthKind kind)
{
    using Kind = ConnectionProfile::AuthKind;
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Token:
        return QStringLiteral("token");
    case Kind::UserPassword:
        return QStringLiteral("user-password");
    case Kind::CredsFile:
        return QStringLiteral("creds-file");
    case Kind::CredsSecret:
        return QStringLiteral("creds");
    case Kind::NKeySeed:
        return QStringLiteral("nkey-seed");
    }
    return QStringLiteral("none");
}

ConnectionProfile::AuthKind authKindFromName(const QString &name)
{
    using Kind = ConnectionProfile::AuthKind;
    for (Kind kind :
         {Kind::Token, Kind::UserPassword, Kind::CredsFile, Kind::CredsSecret, Kind::NKeySeed}) {
        if (authKindName(kind) == name)
            return kind;
    }
    return Kind::None;
}

ConnectionProfile readProfile(const QSettings &settings)
{
    ConnectionProfile p;
    p.id = settings.value(QStringLiteral("id")).toString();
    p.name = settings.value(QStringLiteral("name")).toString();
    p.servers = settings.value(QStringLiteral("servers")).toStringList();
    p.space = settings.value(QStringLiteral("space")).toString();
    p.authKind = authKindFromName(settings.value(QStringLiteral("auth")).toString());
    p.user = settings.value(QStringLiteral("user")).toString();
    p.credsFile = settings.value(QStringLiteral("credsFile")).toString();
    p.provisionerCredsFile = settings.value(QStringLiteral("provisionerCredsFile")).toString();
    p.deliveryCredsFile = settings.value(QStringLiteral("deliveryCredsFile")).toString();
    p.membershipObserverCredsFile =
        settings.value(QStringLiteral("membershipObserverCredsFile")).toString();
    p.membershipRwCredsFile = settings.value(QStringLiteral("membershipRwCredsFile")).toString();
    p.tlsRequired = settings.value(QStringLiteral("tls")).toBool();
    p.tlsCaFile = settings.value(QStringLiteral("tlsCa")).toString();
    p.tlsCertFile = settings.value(QStringLiteral("tlsCert")).toString();
    p.tlsKeyFile = settings.value(QStringLiteral("tlsKey")).toString();
    p.instanceId = settings.value(QStringLiteral("instanceId")).toString();
    p.displayName = settings.value(QStringLiteral("displayName")).toString();
    p.appearInSpace = settings.value(QStringLiteral("appearInSpace")).toBool();
    return p;
}

void writeProfile(QSettings &settings, const ConnectionProfile &p)
{
    settings.setValue(QStringLiteral("id"), p.id);
    settings.setValue(QStringLiteral("name"), p.name);
    settings.setValue(QStringLiteral("servers"), p.servers);
    settings.setValue(QStringLiteral("space"), p.space);
    settings.setValue(QStringLiteral("auth"), authKindName(p.authKind));
    settings.setValue(QStringLiteral("user"), p.user);
    settings.setValue(QStringLiteral("credsFile"), p.credsFile);
    settings.setValue(QStringLiteral("provisionerCredsFile"), p.provisionerCredsFile);
    settings.setValue(QStringLiteral("deliveryCredsFile"), p.deliveryCredsFile);
    settings.setValue(QStringLiteral("membershipObserverCredsFile"), p.membershipObserverCredsFile);
    settings.setValue(QStringLiteral("membershipRwCredsFile"), p.membershipRwCredsFile);
    settings.setValue(QStringLiteral("tls"), p.tlsRequired);
    settings.setValue(QStringLiteral("tlsCa"), p.tlsCaFile);
    settings.setValue(QStringLiteral("tlsCert"), p.tlsCertFile);
    settings.setValue(QStringLiteral("tlsKey"), p.tlsKeyFile);
    settings.setValue(QStringLiteral("instanceId"), p.instanceId);
    settings.setValue(QStringLiteral("displayName"), p.displayName);
    settings.setValue(QStringLiteral("appearInSpace"), p.appearInSpace);
}

} // namespace

ProfileStore::ProfileStore(const QString &settingsFile)
    : m_settings(settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{}

ProfileStore::~ProfileStore() = default;

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> result;
    const int count = m_settings->beginReadArray(kGroup);
    result.reserve(count);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        result.append(readProfile(*m_settings));
    }
    m_settings->endArray();
    return result;
}

std::optional<ConnectionProfile> ProfileStore::find(const QString &id) const
{
    for (const ConnectionProfile &p : profiles()) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

QString ProfileStore::save(ConnectionProfile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<ConnectionProfile> all = profiles();
    auto existing = std::find_if(all.begin(), all.end(),
                                 [&](const ConnectionProfile &p) { return p.id == profile.id; });
    if (existing != all.end())
        *existing = profile;
    else
        all.append(profile);
    writeAll(all);
    return profile.id;
}

void ProfileStore::remove(const QString &id)
{
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&](const ConnectionProfile &p) { return p.id == id; });
    writeAll(all);
}

void ProfileStore::markUsed(const QString &id)
{
    QList<ConnectionProfile> all = profiles();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const ConnectionProfile &p) { return p.id == id; });
    if (it == all.end() || it == all.begin())
        return;
    const ConnectionProfile used = *it;
    all.erase(it);
    all.prepend(used);
    writeAll(all);
}

void ProfileStore::writeAll(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, profiles.at(i));
    }
    m_settings->endArray();
    m_settings->sync();
}

} // namespace cotal::profile
