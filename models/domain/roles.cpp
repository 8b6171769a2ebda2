#include "domain/roles.h"

namespace rolecall {

QString grantStateName(GrantState state)
{
    switch (state) {
    case GrantState::Active:
        return QStringLiteral("active");
    case GrantState::Future:
        return QStringLiteral("future");
    case GrantState::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

} // namespace rolecall
