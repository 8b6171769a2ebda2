#pragma once

#include "sync/syncaction.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace rolecall {

class SyncRun;

// What the Sync screen asks of the world: one comparison run at a time and
// the sync actions, all asynchronous. The console implements it on a
// profile's Clerk API URL, keychain secret key and database; tests on the
// fake Clerk API. The screen holds no SQL and no HTTP: only this.
class SyncService : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SyncService() override = default;

    // Gathers what a run needs (the secret key comes from the keychain, so
    // later) and starts one: runStarted(run), or runRefused(why) when it
    // cannot. A new start replaces the previous run (its signals stop).
    virtual void startRun() = 0;
    virtual void cancelRun() = 0;
    // The current run, if any (owned by the service).
    virtual SyncRun *currentRun() const = 0;

    // One action on one person, its own transaction; a dry run does it all
    // and rolls back. Fails with a DataSourceError (NotPermitted unless the
    // actor is an active ADMIN).
    virtual QFuture<SyncActionResult> apply(const Actor &actor, const SyncAction &action,
                                            bool dryRun) = 0;

    // "Clerk at URL, database user@host/db", for the screen's header.
    virtual QString displayName() const = 0;

Q_SIGNALS:
    void runStarted(rolecall::SyncRun *run);
    // `missingKey`: the profile has no Clerk secret key (the message says
    // how to store one); otherwise the setup is unusable.
    void runRefused(const QString &message, bool missingKey);
};

// What the Sync screen says about the Clerk secret key when a profile has
// none: what it grants and how to store it.
QString missingClerkKeyMessage(const QString &profile);

// What the Clerk secret key grants, in a sentence or two, wherever it is asked for.
QString clerkSecretKeyGrantsText();

// True when `value` looks like a Clerk secret key (sk_test_… or sk_live_…);
// a publishable key (pk_…) pasted by mistake grants nothing and would only
// fail later.
bool isClerkSecretKey(const QByteArray &value);

// ROLECALL_CLERK_SECRET_KEY (the hook for tests and automation), taken out
// of this process's environment so that no child process (a browser opener,
// a keychain helper) inherits it; the value is kept in memory and returned by
// every later call. Both executables call it first thing.
QByteArray takeClerkSecretKeyFromEnvironment();

} // namespace rolecall
