#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace cotal::wire {

// Why a piece of wire input was refused. The first three carry the SPEC §5 rejection tokens.
enum class WireErrorCode
{
    MalformedJson,
    SenderMismatch,
    MalformedSubject,
    MissingField,
    InvalidField,
    InvalidChannel,
    InvalidOwnerToken,
    InvalidName,
    InvalidJoinLink,
};

struct WireError
{
    WireErrorCode code;
    QString detail;

    // Stable machine token, e.g. "malformed-json"; used in counters and logs.
    QString reasonToken() const;
};

// A value or the reason there is none. C++20 has no std::expected; this is the small subset we use.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(WireError error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const WireError &error() const { return std::get<WireError>(m_state); }

private:
    std::variant<T, WireError> m_state;
};

inline WireError wireError(WireErrorCode code, QString detail)
{
    return WireError{code, std::move(detail)};
}

} // namespace cotal::wire
