#pragma once

#include <QString>

namespace cotal::ui {

// The live feed's ring-buffer size as the admin chose it, kept in the console's settings (the
// application's QSettings, or the given INI file).
class FeedCapacitySetting final
{
public:
    static constexpr int Minimum = 1000;
    static constexpr int Maximum = 1000000;

    explicit FeedCapacitySetting(QString settingsFile);

    // The saved capacity, or `fallback` when none was saved; always within the bounds.
    int load(int fallback) const;
    void save(int capacity) const;

private:
    QString m_settingsFile;
};

} // namespace cotal::ui
