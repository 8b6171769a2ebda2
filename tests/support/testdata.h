#pragma once

#include <QString>

namespace rolecall::testing {

class PgTestCluster;

// Seed user N (1-based), as the seeders below write it and as the fake Clerk
// API and the test identity provider know it: Clerk ID "user_" + md5(N) cut to
// 27 characters, email "userN@example.test", a first name from a list that
// includes non-ASCII names and a last name with apostrophes or non-Latin
// scripts.
QString clerkIdOfSeedUser(int n);
QString emailOfSeedUser(int n);
QString firstNameOfSeedUser(int n);
QString lastNameOfSeedUser(int n);

// Fills an Akako LMS database with `count` seed users, deterministically, with
// createdAt values that repeat every 50,000 users (so keyset paging must break
// ties on id). Grants: LEARNER active for N % 10 != 0; an ended MENTOR for
// N % 100 == 1; a future MENTOR for N % 1000 == 2; ADMIN active for N == 5.
bool seedAkakoUsers(PgTestCluster &cluster, const QString &database, int count,
                    QString *error = nullptr);

// The same users in a SehatScan database (User.id is the Clerk ID); every
// 10th has a bcrypt-looking password (a password account).
bool seedSehatScanUsers(PgTestCluster &cluster, const QString &database, int count,
                        QString *error = nullptr);

// Adds users whose values test CSV writers (ids "edge01".."edge12"): formula
// characters at the start of a field and after , ; tab CR LF, quotes,
// commas, line breaks, NULL, empty and whitespace-only names (Unicode spaces
// included), non-Latin and non-BMP text, instants in the years 1 BC, 500,
// 9999 and 10000. Akako LMS: several active roles, ended and future grants,
// and "updatedAt" widened to microseconds (a drifted column) with values
// that round to the next millisecond. SehatScan: the same in its columns.
bool seedCsvEdgeUsers(PgTestCluster &cluster, const QString &database, bool akako,
                      QString *error = nullptr);

// A new Akako LMS database of the shared cluster (PgTestCluster::shared())
// holding `count` seed users: its name, or an empty string with *error set,
// also when the cluster could not start.
QString seededAkakoDatabase(int count, QString *error);

} // namespace rolecall::testing
