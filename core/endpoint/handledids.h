#pragma once

#include <QSet>
#include <QString>

namespace cotal::endpoint {

// Ids already surfaced, for dedup across live, backfill and durable copies (endpoint.md §9):
// two rotating sets, the current one rotating into "previous" at 4096 entries, so memory stays
// bounded and a lookup is O(1).
class HandledIds final
{
public:
    static constexpr qsizetype kRotateAt = 4096;

    HandledIds();

    bool contains(const QString &id) const
    {
        return m_current.contains(id) || m_previous.contains(id);
    }
    void insert(const QString &id);
    void clear();

private:
    QSet<QString> m_current;
    QSet<QString> m_previous;
};

} // namespace cotal::endpoint
