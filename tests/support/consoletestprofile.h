#pragma once

#include "support/testidp.h"

#include <QString>
#include <QTemporaryDir>

namespace rolecall::testing {

// A profile the console (`rolecall --profile NAME --sign-in`) signs in to for
// real: a new Akako LMS database with 50 seed users, the test identity
// provider signing in as seed user 5 (the database's active ADMIN), `browser`
// as ROLECALL_BROWSER, and settings (XDG_CONFIG_HOME) of this process only.
class ConsoleTestProfile
{
public:
    // Call first in initTestCase, before anything reads QSettings. The
    // profile is named `prefix` and this process's id.
    bool setUp(const QString &prefix, const QByteArray &browser, QString *error);

    QString name() const { return m_name; }
    TestIdentityProvider &idp() { return m_idp; }

private:
    QTemporaryDir m_config;
    TestIdentityProvider m_idp;
    QString m_name;
};

} // namespace rolecall::testing
