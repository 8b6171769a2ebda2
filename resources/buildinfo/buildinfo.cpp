#include "buildinfo/buildinfo.h"

#include "buildinfo/buildcommit.h" // generated at build time: ROLECALL_COMMIT

#include <QtGlobal>

#include <openssl/crypto.h>

namespace rolecall::buildinfo {

QString version()
{
    return QStringLiteral(ROLECALL_VERSION);
}

QString applicationId()
{
    return QStringLiteral(ROLECALL_APP_ID);
}

QString commit()
{
    return QStringLiteral(ROLECALL_COMMIT);
}

QString buildType()
{
    // A single-config build without CMAKE_BUILD_TYPE has none.
    const QString type = QStringLiteral(ROLECALL_BUILD_TYPE);
    return type.isEmpty() ? QStringLiteral("unnamed") : type;
}

QString compiler()
{
    return QStringLiteral(ROLECALL_COMPILER);
}

QString qtRuntimeVersion()
{
    return QString::fromLatin1(qVersion());
}

QString qtBuildVersion()
{
    return QStringLiteral(QT_VERSION_STR);
}

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

QString keychainVersion()
{
    return QStringLiteral(ROLECALL_QTKEYCHAIN_VERSION);
}

QString versionText(const QString &program)
{
    QString qt = QStringLiteral("Qt ") + qtRuntimeVersion();
    if (qtRuntimeVersion() != qtBuildVersion())
        qt += QStringLiteral(" (built against ") + qtBuildVersion() + QLatin1Char(')');
    return program + QLatin1Char(' ') + version() + QLatin1Char('\n') + QStringLiteral("commit ") +
           commit() + QStringLiteral(", ") + buildType() + QStringLiteral(" build, ") + compiler() +
           QLatin1Char('\n') + qt + QStringLiteral(", ") + openSslVersion() +
           QStringLiteral(", QtKeychain ") + keychainVersion() + QLatin1Char('\n');
}

} // namespace rolecall::buildinfo
