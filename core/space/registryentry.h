#pragma once

#include "core/space/spaceerror.h"

#include <QtGlobal>
#include <optional>

namespace cotal::space {

// A registry value and the KV revision it was read at (what a compare-and-set write needs).
template<typename Record> struct RegistryEntry
{
    Record record;
    quint64 revision = 0;
};

// The outcome of one compare-and-set write from an editor. On RevisionConflict `current` holds
// what is stored now (none when absent or undecodable), so the editor can show both sides.
template<typename Record> struct RegistryWrite
{
    quint64 revision = 0; // the new KV revision
    SpaceError error;
    std::optional<RegistryEntry<Record>> current;
    bool ok() const { return !error.isError(); }
};

} // namespace cotal::space
