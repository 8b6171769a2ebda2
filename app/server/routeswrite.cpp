#include "server/servercore.h"

namespace rolecall::server {

void registerWriteRoutes(ServerCore &core)
{
    Q_UNUSED(core)
}

} // namespace rolecall::server
