#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::ui {

// One ACL write made from this console. `before`/`after` are the allowSubscribe lists; no value
// means "no record" (a create starts from none, a delete ends in none).
struct AclAuditEntry
{
    enum class Kind
    {
        Create,
        Update,
        Delete,
    };

    qint64 atMs = 0;
    Kind kind = Kind::Update;
    QString owner;
    quint64 fromRevision = 0; // KV revision the write was made on (0: the key held no value)
    quint64 toRevision = 0;   // KV revision it produced
    std::optional<QStringList> before;
    std::optional<QStringList> after;

    bool operator==(const AclAuditEntry &) const = default;

    static QString kindToken(Kind kind);
    QByteArray toJsonLine() const;
    static std::optional<AclAuditEntry> fromJsonLine(QByteArrayView line);
};

// The console's own record of ACL writes: in memory for this session, and appended as JSON lines
// to a file (default: acl-audit.jsonl under AppDataLocation) so an admin can review it later. It
// holds owners and patterns only, never credentials.
class AclAuditLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclAuditLog)

public:
    // An empty path keeps the log in memory only.
    explicit AclAuditLog(QString filePath, QObject *parent = nullptr);

    static QString defaultFilePath();

    const QString &filePath() const { return m_filePath; }
    const QList<AclAuditEntry> &entries() const { return m_entries; }
    // The newest entry, optionally only among one owner's.
    std::optional<AclAuditEntry> last(const QString &owner = {}) const;

    // Keeps the entry and appends it to the file; false when the file could not be written (the
    // entry is kept in memory regardless).
    bool append(const AclAuditEntry &entry);

signals:
    void appended(const cotal::ui::AclAuditEntry &entry);

private:
    QString m_filePath;
    QList<AclAuditEntry> m_entries;
};

} // namespace cotal::ui
