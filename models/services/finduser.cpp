#include "services/finduser.h"

namespace rolecall {

std::optional<User> findUser(DataSource &source, const QString &who)
{
    return findUserWith(source, who, [](auto future) { return future.result(); });
}

} // namespace rolecall
