#include "support/consoletestprofile.h"

#include "services/profilestore.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>

namespace rolecall::testing {

bool ConsoleTestProfile::setUp(const QString &prefix, const QByteArray &browser, QString *error)
{
    if (!m_config.isValid()) {
        *error = QStringLiteral("no temporary directory for the settings");
        return false;
    }
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    qputenv("ROLECALL_BROWSER", browser);

    const QString database = seededAkakoDatabase(50, error);
    if (database.isEmpty() || !m_idp.start(error))
        return false;
    m_idp.setUser(TestIdentityProvider::seedUser(5));

    m_name = QStringLiteral("%1-%2").arg(prefix).arg(QCoreApplication::applicationPid());
    Profile profile;
    profile.name = m_name;
    profile.issuer = m_idp.issuer();
    profile.clientId = m_idp.clientId();
    profile.databaseUrl = PgTestCluster::shared()->url(database);
    const std::unique_ptr<QSettings> settings = openAppSettings();
    ProfileStore store(*settings);
    return store.add(profile, error);
}

} // namespace rolecall::testing
