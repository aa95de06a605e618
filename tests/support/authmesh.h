#pragma once

#include <QString>

namespace cotal::testing {

// The reference-minted operator/JWT mesh in tests/data/protocol/authmesh (space "demo").
namespace authmesh {

inline const QString kSpace = QStringLiteral("demo");
inline const QString kAlice =
    QStringLiteral("UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY");
inline const QString kBob =
    QStringLiteral("UB6BX3PFMQBFBUNJSDD65YKA7ETNJYJDV5YNQV6SXN2AOM3M7W4LDWRA");
inline const QString kAdmin =
    QStringLiteral("UCOSJZPQ34ING7QKWQMZAVIBCLEZNXFI7LIIXGUHJ4KOWJX6Z5UZ6FXE");
inline const QString kObserver =
    QStringLiteral("UD3KUVY4EXLJVSZSXZKV5MUXUESU5BFWMQJ7PB4NTZINP5ROSMBZQ4XO");
inline const QString kDelivery =
    QStringLiteral("UATBKXRFMJ73TTAAJIKIA625YFD563JTTFWIK7QE4O7XYT2MYZNRNO5G");
inline const QString kProvisioner =
    QStringLiteral("UBA3K2VQJL536RPHM3Q7OIRK7VGPMBDS2CFFUAXZZK5AEMR4QRGK5XOE");

// The path of `<name>.creds` (admin, observer, delivery, provisioner, alice, bob).
QString creds(const QString &name);
// The server config template to start a NatsServerProcess with.
QString serverConfigTemplate();

// Replays what `cotal up` and provisionAgent do, with provisioner.creds: the space's streams
// and buckets, alice's and bob's dm_/dlv_ durables, the planner and reviewer queues, and both
// agents' ACL records (alice: general, team.>; bob: general, team.>, random).
bool provision(const QString &url);

} // namespace authmesh

} // namespace cotal::testing
