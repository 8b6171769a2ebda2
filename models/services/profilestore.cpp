#include "services/profilestore.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace rolecall {

namespace {

const QString profilesGroup = QStringLiteral("profiles");
const QString defaultKey = QStringLiteral("defaultProfile");

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Case-insensitive first, so "Prod" sorts next to "prod"; ties by code point.
bool nameLess(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}

QString groupOf(const QString &name)
{
    return profilesGroup + QLatin1Char('/') + name;
}

void setOrRemove(QSettings &settings, const QString &key, const QString &value)
{
    if (value.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value);
}

} // namespace

std::unique_ptr<QSettings> openAppSettings()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QStringLiteral("Rolecall"), QStringLiteral("Rolecall"));
}

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{}

QStringList ProfileStore::names() const
{
    m_settings.beginGroup(profilesGroup);
    QStringList result = m_settings.childGroups();
    m_settings.endGroup();
    // A hand-edited group with an impossible name is not a profile.
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    result.removeIf([](const QString &name) {
        return !namePattern.match(name).hasMatch() || name == QLatin1String(".") ||
               name == QLatin1String("..");
    });
    std::sort(result.begin(), result.end(), nameLess);
    return result;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> result;
    const QStringList all = names();
    for (const QString &name : all) {
        if (auto p = profile(name))
            result.append(*p);
    }
    return result;
}

bool ProfileStore::contains(const QString &name) const
{
    return !name.isEmpty() && names().contains(name);
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    m_settings.beginGroup(groupOf(name));
    Profile p;
    p.name = name;
    p.issuer = m_settings.value(QStringLiteral("issuer")).toString();
    p.clientId = m_settings.value(QStringLiteral("clientId")).toString();
    if (m_settings.contains(QStringLiteral("scopes")))
        p.scopes = m_settings.value(QStringLiteral("scopes"))
                       .toString()
                       .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    p.databaseUrl = m_settings.value(QStringLiteral("databaseUrl")).toString();
    p.apiBaseUrl = m_settings.value(QStringLiteral("apiBaseUrl")).toString();
    p.clerkApiUrl = m_settings.value(QStringLiteral("clerkApiUrl")).toString();
    m_settings.endGroup();
    return p;
}

bool ProfileStore::writable(QString *error) const
{
    // Writing over a file QSettings could not parse would lose what it holds.
    if (m_settings.status() != QSettings::NoError)
        return fail(error, QStringLiteral("The settings file %1 could not be read; fix or move "
                                          "it and try again.")
                               .arg(m_settings.fileName()));
    if (!m_settings.isWritable())
        return fail(
            error,
            QStringLiteral("The settings file %1 is not writable.").arg(m_settings.fileName()));
    return true;
}

bool ProfileStore::commit(QString *error)
{
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return fail(error,
                    QStringLiteral("The settings could not be saved to %1 (%2).")
                        .arg(m_settings.fileName(), m_settings.status() == QSettings::AccessError
                                                        ? QStringLiteral("access denied")
                                                        : QStringLiteral("format error")));
    return true;
}

void ProfileStore::write(const Profile &p)
{
    // Key by key rather than removing the group: keys a later version adds
    // survive an edit by this one.
    m_settings.beginGroup(groupOf(p.name));
    m_settings.setValue(QStringLiteral("issuer"), p.issuer);
    m_settings.setValue(QStringLiteral("clientId"), p.clientId);
    m_settings.setValue(QStringLiteral("scopes"), p.scopes.join(QLatin1Char(' ')));
    setOrRemove(m_settings, QStringLiteral("databaseUrl"), p.databaseUrl);
    setOrRemove(m_settings, QStringLiteral("apiBaseUrl"), p.apiBaseUrl);
    setOrRemove(m_settings, QStringLiteral("clerkApiUrl"), p.clerkApiUrl);
    m_settings.endGroup();
}

bool ProfileStore::add(const Profile &p, QString *error)
{
    if (!p.validate(error))
        return false;
    const QStringList existing = names();
    for (const QString &name : existing) {
        // Windows' registry ignores case: keep names distinct everywhere.
        if (name.compare(p.name, Qt::CaseInsensitive) == 0)
            return fail(error, QStringLiteral("A profile named \"%1\" already exists.").arg(name));
    }
    if (!writable(error))
        return false;
    write(p);
    if (defaultProfile().isEmpty())
        m_settings.setValue(defaultKey, p.name);
    return commit(error);
}

bool ProfileStore::update(const Profile &p, QString *error)
{
    if (!p.validate(error))
        return false;
    if (!contains(p.name))
        return fail(error, QStringLiteral("There is no profile named \"%1\".").arg(p.name));
    if (!writable(error))
        return false;
    write(p);
    return commit(error);
}

bool ProfileStore::remove(const QString &name, QString *error)
{
    if (!contains(name))
        return fail(error, QStringLiteral("There is no profile named \"%1\".").arg(name));
    if (!writable(error))
        return false;
    const bool wasDefault = m_settings.value(defaultKey).toString() == name;
    m_settings.remove(groupOf(name));
    if (wasDefault) {
        const QStringList rest = names();
        if (rest.isEmpty())
            m_settings.remove(defaultKey);
        else
            m_settings.setValue(defaultKey, rest.first());
    }
    return commit(error);
}

QString ProfileStore::defaultProfile() const
{
    const QString name = m_settings.value(defaultKey).toString();
    return contains(name) ? name : QString();
}

bool ProfileStore::setDefaultProfile(const QString &name, QString *error)
{
    if (!contains(name))
        return fail(error, QStringLiteral("There is no profile named \"%1\".").arg(name));
    if (!writable(error))
        return false;
    m_settings.setValue(defaultKey, name);
    return commit(error);
}

std::optional<Profile> ProfileStore::resolve(const QString &requested, QString *error) const
{
    QString name = requested;
    if (name.isEmpty())
        name = defaultProfile();
    if (name.isEmpty()) {
        const QStringList all = names();
        if (all.isEmpty()) {
            fail(error, QStringLiteral("no profiles yet; add one with rolecallctl profiles add "
                                       "NAME --issuer URL --client-id ID --db URL"));
            return std::nullopt;
        }
        if (all.size() > 1) {
            fail(error, QStringLiteral("no default profile among %1; pick one with --profile "
                                       "NAME or rolecallctl profiles set-default NAME")
                            .arg(all.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        name = all.first();
    }
    std::optional<Profile> p = profile(name);
    if (!p) {
        fail(error, QStringLiteral("no profile named %1; `rolecallctl profiles list` shows them")
                        .arg(name));
        return std::nullopt;
    }
    QString why;
    if (!p->validate(&why)) {
        fail(error, QStringLiteral("profile %1 in the settings is not usable: %2; fix it with "
                                   "rolecallctl profiles edit %1")
                        .arg(name, why));
        return std::nullopt;
    }
    return p;
}

} // namespace rolecall
