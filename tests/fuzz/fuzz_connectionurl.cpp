// libFuzzer target: the database URL parser, which reads profiles, --db and
// ROLECALL_DATABASE_URL. Whatever it accepts must hold no password and no
// option that could carry a second libpq keyword, and must round-trip.
#include "domain/connectionsettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using rolecall::ConnectionSettings;
    const QString url =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    ConnectionSettings settings;
    QString error;
    if (!ConnectionSettings::fromUrl(url, &settings, &error)) {
        if (error.isEmpty())
            std::abort(); // a refusal says why
        return 0;
    }
    // Every option is one keyword=value with nothing libpq would split at.
    const QStringList options = settings.connectOptions().split(QLatin1Char(';'));
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        if (equals <= 0)
            std::abort();
        const QString key = option.left(equals);
        if (key == QLatin1String("password") || key == QLatin1String("sslpassword"))
            std::abort();
        for (const QChar c : option) {
            if (c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\') ||
                c.category() == QChar::Other_Control)
                std::abort();
        }
    }
    (void)settings.transportWarning();
    (void)settings.displayName();
    ConnectionSettings again;
    QString againError;
    if (!ConnectionSettings::fromUrl(settings.toUrl(), &again, &againError))
        std::abort(); // what was accepted is written back in a form that is accepted
    return 0;
}
