#pragma once

#include <QProcessEnvironment>

namespace rolecall::server {

// glibc gives busy threads malloc arenas of their own, up to 8 a core, and
// each arena keeps what its threads freed for reuse. rolecall-server serves
// every connection on a thread of its own, so 32 clients reading pages grew
// it from 30 to 38 MB over 60 s with glibc's default, and to 34 MB with two
// arenas (docs/performance.md). Called first thing in main(), before any
// thread allocates: caps the arenas at `arenas` unless MALLOC_ARENA_MAX is in
// `environment` (the operator's word wins). Returns whether it set the cap;
// false where malloc is not glibc's (another C library, a sanitizer).
bool limitMallocArenas(int arenas, const QProcessEnvironment &environment);

} // namespace rolecall::server
