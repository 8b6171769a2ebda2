#include "server/mallocarenas.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rolecall::server {

namespace {

// ASan's allocator answers malloc under the sanitizer builds, not glibc's.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool glibcMalloc = false;
#elif defined(__GLIBC__)
constexpr bool glibcMalloc = true;
#else
constexpr bool glibcMalloc = false;
#endif

} // namespace

bool limitMallocArenas(int arenas, const QProcessEnvironment &environment)
{
    if (!glibcMalloc || arenas < 1 || environment.contains(QStringLiteral("MALLOC_ARENA_MAX")))
        return false;
#if defined(__GLIBC__)
    return mallopt(M_ARENA_MAX, arenas) == 1;
#else
    return false;
#endif
}

} // namespace rolecall::server
