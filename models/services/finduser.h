#pragma once

#include "domain/domain.h"

#include <optional>

namespace rolecall {

class DataSource;

// The one user a person means by `who`: a Clerk ID, an email (any case) or a
// User row id. Blocks on the data source's futures, so it runs on a worker
// thread or in the CLI, never in the GUI thread. nullopt when nobody matches;
// throws the data source's DataSourceError.
std::optional<User> findUser(DataSource &source, const QString &who);

} // namespace rolecall
