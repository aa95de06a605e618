#pragma once

#include "core/profile/connectionprofile.h"

#include <QList>
#include <QSettings>
#include <memory>

namespace cotal::profile {

// Saved connections in QSettings, most recently used first. Never stores a secret.
class ProfileStore final
{
public:
    // Uses the application's default QSettings unless a file path is given (tests).
    explicit ProfileStore(const QString &settingsFile = {});
    ~ProfileStore();

    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> find(const QString &id) const;
    // Inserts or replaces by id; assigns a fresh id to a profile without one. Returns the id.
    QString save(ConnectionProfile profile);
    void remove(const QString &id);
    // Moves the profile to the front of the recent list.
    void markUsed(const QString &id);

private:
    void writeAll(const QList<ConnectionProfile> &profiles);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace cotal::profile
