#pragma once

#include <QString>

namespace rolecall {

// A collision-resistant id in the style of Prisma's cuid(): 'c' followed by 24
// lowercase base36 characters — 8 of milliseconds since the epoch (so ids sort
// roughly by creation time), 4 of a per-process counter, 4 of a host/process
// fingerprint and 8 from the system's cryptographic random source.
QString makeCuid();

} // namespace rolecall
