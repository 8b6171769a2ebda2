#pragma once

#include "domain/profile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace rolecall {

// The settings both executables share: native format, user scope,
// organization and application "Rolecall" (not the executable's own name, so
// rolecall and rolecallctl see the same profiles).
std::unique_ptr<QSettings> openAppSettings();

// Profiles kept in QSettings under "profiles/<name>/..." plus "defaultProfile".
// Holds no secret: those are in the SecretStore. Every write is synced at once
// and a settings error is reported as a failure.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings &settings);

    QList<Profile> profiles() const; // sorted by name
    std::optional<Profile> profile(const QString &name) const;
    bool contains(const QString &name) const;

    // Validates; fails if a profile of that name (in any letter case) exists.
    // The first profile becomes the default.
    bool add(const Profile &profile, QString *error);
    // Validates; the profile must exist.
    bool update(const Profile &profile, QString *error);
    // When it was the default, the alphabetically first remaining profile
    // becomes the default (or none).
    bool remove(const QString &name, QString *error);

    QString defaultProfile() const; // empty when none (or it names no profile)
    bool setDefaultProfile(const QString &name, QString *error);

    // `requested` if given, else the default, else the only profile; the
    // profile must be valid. nullopt and *error set otherwise.
    std::optional<Profile> resolve(const QString &requested, QString *error) const;

private:
    QStringList names() const;
    bool writable(QString *error) const;
    bool commit(QString *error);
    void write(const Profile &profile);

    QSettings &m_settings;
};

} // namespace rolecall
