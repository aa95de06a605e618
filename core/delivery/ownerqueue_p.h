#pragma once

#include <QHash>
#include <QString>
#include <deque>
#include <optional>

namespace cotal::delivery {

// Work for owners (anything with an `owner` member) in arrival order. An item whose owner has no
// room is held, and every later item of that owner behind it, until the owner is given room
// again: other owners go on, and each owner keeps its order.
template<typename Item> class OwnerQueue final
{
public:
    void push(Item item) { m_arrived.push_back(std::move(item)); }

    // The next item whose owner `claim(owner)` grants room: held items of owners given room
    // first, then arrived ones. A refused owner waits for the next roomFor().
    template<typename Claim> std::optional<Item> next(Claim claim)
    {
        while (!m_withRoom.empty()) {
            const auto held = m_held.find(m_withRoom.front());
            if (held == m_held.end() || !claim(held.key())) {
                m_withRoom.pop_front();
                continue;
            }
            Item item = std::move(held->front());
            held->pop_front();
            --m_heldCount;
            if (held->empty()) {
                m_held.erase(held);
                m_withRoom.pop_front();
            }
            return item;
        }
        while (!m_arrived.empty()) {
            Item item = std::move(m_arrived.front());
            m_arrived.pop_front();
            if (!m_held.contains(item.owner) && claim(item.owner))
                return item;
            m_held[item.owner].push_back(std::move(item));
            ++m_heldCount;
        }
        return std::nullopt;
    }

    // The owner has room again; false when nothing of it is held.
    bool roomFor(const QString &owner)
    {
        if (!m_held.contains(owner))
            return false;
        m_withRoom.push_back(owner);
        return true;
    }

    qsizetype heldCount() const { return m_heldCount; }
    // Items next() could hand out now: arrived, and held by owners given room (an owner left
    // waiting for room is not load).
    qsizetype sendable() const
    {
        qsizetype count = qsizetype(m_arrived.size());
        for (const QString &owner : m_withRoom) {
            if (const auto held = m_held.constFind(owner); held != m_held.cend())
                count += qsizetype(held->size());
        }
        return count;
    }
    // Items next() could hand out given room: what waits for a free publish slot.
    bool hasReady() const { return !m_arrived.empty() || !m_withRoom.empty(); }

    template<typename Visit> void forEachHeld(Visit visit) const
    {
        for (const std::deque<Item> &items : m_held) {
            for (const Item &item : items)
                visit(item);
        }
    }

    // Everything, arrived and held, and the queue empty.
    std::deque<Item> takeAll()
    {
        std::deque<Item> all = std::exchange(m_arrived, {});
        for (std::deque<Item> &items : m_held)
            all.insert(all.end(), std::make_move_iterator(items.begin()),
                       std::make_move_iterator(items.end()));
        m_held.clear();
        m_withRoom.clear();
        m_heldCount = 0;
        return all;
    }

private:
    std::deque<Item> m_arrived;
    QHash<QString, std::deque<Item>> m_held;
    std::deque<QString> m_withRoom;
    qsizetype m_heldCount = 0;
};

} // namespace cotal::delivery
