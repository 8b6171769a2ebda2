#pragma once

#include <QObject>

#include <functional>

namespace rolecall {

// Whether the OS keychain's default collection is locked, asked without
// blocking; `done` runs later on `context`'s thread, never if it is gone.
// Needed because QtKeychain's libsecret path answers a read of a locked
// collection with EntryNotFound, which would read as "never signed in".
// Where there is no such question to ask, the answer is false.
void askWhetherKeychainIsLocked(QObject *context, std::function<void(bool locked)> done);

} // namespace rolecall
