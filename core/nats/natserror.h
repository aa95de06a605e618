#pragma once

#include <QException>
#include <QString>

namespace cotal::nats {

// Why a NATS or JetStream operation failed, in terms callers act on.
enum class NatsErrorKind
{
    None,
    Timeout,
    NoResponders,
    NotConnected,
    PermissionDenied,
    RevisionConflict, // KV compare-and-set lost: the key changed since it was read
    NotFound,
    AlreadyExists,
    JetStreamApi, // the server answered a JetStream request with an error object
    InvalidArgument,
    Protocol,
    Io,
};

struct NatsError
{
    NatsErrorKind kind = NatsErrorKind::None;
    QString message;
    int apiCode = 0;      // JetStream "code" (HTTP-like), when the server sent one
    int apiErrorCode = 0; // JetStream "err_code", e.g. 10071 wrong last sequence
    QString subject;      // the subject involved, for permission violations
    QString operation;    // "publish" / "subscribe" / "request"

    bool isError() const { return kind != NatsErrorKind::None; }
    QString describe() const;
};

// Carries a NatsError through a failed QFuture (e.g. PullConsumer::fetch), for .onFailed().
class NatsException final : public QException
{
public:
    explicit NatsException(NatsError error)
        : m_error(std::move(error))
    {}

    const NatsError &error() const { return m_error; }
    const char *what() const noexcept override { return "NATS operation failed"; }
    void raise() const override { throw *this; }
    NatsException *clone() const override { return new NatsException(*this); }

private:
    NatsError m_error;
};

} // namespace cotal::nats
