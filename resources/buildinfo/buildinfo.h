#pragma once

#include <QString>

// What this build is: one version for every front (from CMake's
// project(VERSION)), the commit it was built from, and the versions of the
// libraries it runs on. `rolecall --version`, `rolecallctl --version` and the
// About dialog all print these. Nothing here needs a QCoreApplication, so
// --version works before any is made (and without a display).
namespace rolecall::buildinfo {

QString version();          // "0.1.0"
QString applicationId();    // reverse-DNS id: desktop entry, AppStream, icon name
QString commit();           // short hash, "-dirty" when built from changed files; or "unknown"
QString buildType();        // CMake build type: "Release", "Debug", ...
QString compiler();         // "GNU 12.2.0"
QString qtRuntimeVersion(); // the Qt the program runs on
QString qtBuildVersion();   // the Qt it was compiled against
QString openSslVersion();   // the libcrypto it runs on, e.g. "OpenSSL 3.0.15 3 Sep 2024"
QString keychainVersion();  // the QtKeychain it was built with

// The lines `--version` prints: "<program> <version>", then the commit and
// build, then the libraries.
QString versionText(const QString &program);

} // namespace rolecall::buildinfo
