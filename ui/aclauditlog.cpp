#include "ui/aclauditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace cotal::ui {

namespace {

QJsonValue listValue(const std::optional<QStringList> &list)
{
    return list ? QJsonValue(QJsonArray::fromStringList(*list)) : QJsonValue(QJsonValue::Null);
}

std::optional<QStringList> listFrom(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

QString AclAuditEntry::kindToken(Kind kind)
{
    switch (kind) {
    case Kind::Create:
        return QStringLiteral("create");
    case Kind::Update:
        return QStringLiteral("update");
    case Kind::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

QByteArray AclAuditEntry::toJsonLine() const
{
    QJsonObject object;
    object.insert(QStringLiteral("at"), atMs);
    object.insert(QStringLiteral("kind"), kindToken(kind));
    object.insert(QStringLiteral("owner"), owner);
    object.insert(QStringLiteral("fromRevision"), qint64(fromRevision));
    object.insert(QStringLiteral("toRevision"), qint64(toRevision));
    object.insert(QStringLiteral("before"), listValue(before));
    object.insert(QStringLiteral("after"), listValue(after));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<AclAuditEntry> AclAuditEntry::fromJsonLine(QByteArrayView line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray().trimmed());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    AclAuditEntry entry;
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (kind == kindToken(Kind::Create))
        entry.kind = Kind::Create;
    else if (kind == kindToken(Kind::Update))
        entry.kind = Kind::Update;
    else if (kind == kindToken(Kind::Delete))
        entry.kind = Kind::Delete;
    else
        return std::nullopt;
    entry.atMs = object.value(QLatin1String("at")).toInteger();
    entry.owner = object.value(QLatin1String("owner")).toString();
    entry.fromRevision = quint64(object.value(QLatin1String("fromRevision")).toInteger());
    entry.toRevision = quint64(object.value(QLatin1String("toRevision")).toInteger());
    entry.before = listFrom(object.value(QLatin1String("before")));
    entry.after = listFrom(object.value(QLatin1String("after")));
    return entry;
}

AclAuditLog::AclAuditLog(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{}

QString AclAuditLog::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("acl-audit.jsonl"));
}

std::optional<AclAuditEntry> AclAuditLog::last(const QString &owner) const
{
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (owner.isEmpty() || it->owner == owner)
            return *it;
    }
    return std::nullopt;
}

bool AclAuditLog::append(const AclAuditEntry &entry)
{
    m_entries.append(entry);
    emit appended(entry);
    if (m_filePath.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QByteArray line = entry.toJsonLine();
    return file.write(line) == line.size();
}

} // namespace cotal::ui
