#pragma once

#include <QByteArray>

class QTcpSocket;

namespace rolecall::testing {

// Writes `bytes` (a whole HTTP answer) to `socket` one byte every
// `intervalMs`, then closes it: a peer that never falls silent long enough
// for an inactivity timeout, for the deadline to catch. Shared by the fake
// Clerk API and the test identity provider.
void trickle(QTcpSocket *socket, const QByteArray &bytes, int intervalMs);

} // namespace rolecall::testing
