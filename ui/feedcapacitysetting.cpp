#include "ui/feedcapacitysetting.h"

#include <QSettings>
#include <algorithm>
#include <memory>

namespace cotal::ui {

namespace {

const QString kKey = QStringLiteral("feed/capacity");

std::unique_ptr<QSettings> open(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>()
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

FeedCapacitySetting::FeedCapacitySetting(QString settingsFile)
    : m_settingsFile(std::move(settingsFile))
{}

int FeedCapacitySetting::load(int fallback) const
{
    bool ok = false;
    const int saved = open(m_settingsFile)->value(kKey).toInt(&ok);
    return std::clamp(ok ? saved : fallback, Minimum, Maximum);
}

void FeedCapacitySetting::save(int capacity) const
{
    open(m_settingsFile)->setValue(kKey, std::clamp(capacity, Minimum, Maximum));
}

} // namespace cotal::ui
