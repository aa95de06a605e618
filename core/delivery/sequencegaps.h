#pragma once

#include <QtGlobal>

namespace cotal::delivery {

// Counts the stream sequences a consumer never received. The fan-out and reader consumers
// filter their whole stream, so between two first deliveries every sequence is either delivered
// or was removed (per-subject cap eviction, or a purge) before the consumer got to it.
// Redeliveries are at or below the position and count nothing.
class SequenceGaps final
{
public:
    // The consumer's `delivered.stream_seq` when it was bound.
    void reset(quint64 position) { m_position = position; }

    // Returns how many sequences were skipped immediately before `streamSequence`.
    quint64 observe(quint64 streamSequence)
    {
        if (streamSequence <= m_position)
            return 0;
        const quint64 skipped = streamSequence - m_position - 1;
        m_position = streamSequence;
        return skipped;
    }

    quint64 position() const { return m_position; }

private:
    quint64 m_position = 0;
};

} // namespace cotal::delivery
