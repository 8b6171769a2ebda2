#pragma once

#include <QString>

namespace rolecall::testing {

class PgTestCluster;

// Fills an Akako LMS database with `count` generated users, deterministically:
// user N (1-based) has email "userN@example.test", clerkId "user_" + md5(N)
// cut to 27 characters, a first name from a list that includes non-ASCII
// names and a last name with apostrophes or non-Latin scripts, and createdAt
// values that repeat every 50,000 users (so keyset paging must break ties on
// id). Grants: LEARNER active for N % 10 != 0; an ended MENTOR for N % 100 == 1;
// a future MENTOR for N % 1000 == 2; ADMIN active for N == 5.
bool seedAkakoUsers(PgTestCluster &cluster, const QString &database, int count,
                    QString *error = nullptr);

// The same users in a SehatScan database (User.id is the Clerk ID); every
// 10th has a bcrypt-looking password (a password account).
bool seedSehatScanUsers(PgTestCluster &cluster, const QString &database, int count,
                        QString *error = nullptr);

} // namespace rolecall::testing
