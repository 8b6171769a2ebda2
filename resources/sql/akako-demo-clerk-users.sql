-- akako-demo-clerk-users.sql: the demo's Clerk users, as a JSON array for
-- rolecall-fake-clerk --users-file, derived from the demo database so that the
-- Sync screen shows every status: most users in sync, a few orphaned (left
-- out of Clerk), drifted (email or first name changed in Clerk), missing (new
-- in Clerk, never synced) and one email conflict (a new Clerk user whose email
-- another database row already has). Users without a LEARNER grant show as
-- "no default role" on their own. Deterministic; the demo admin stays in sync.
WITH numbered AS (
    SELECT u."clerkId", u."email", u."firstName", u."lastName", u."createdAt",
           row_number() OVER (ORDER BY u."createdAt", u."id") AS n
    FROM "User" u
),
kept AS (
    SELECT json_build_object(
               'id', "clerkId",
               'email', CASE WHEN n % 89 = 11 AND "email" <> 'admin@akako.example'
                             THEN 'moved.' || "email" ELSE "email" END,
               'firstName', CASE WHEN n % 127 = 17 AND "email" <> 'admin@akako.example'
                                 THEN 'Renamed' ELSE "firstName" END,
               'lastName', "lastName",
               'createdAtMs', (extract(epoch FROM "createdAt") * 1000)::bigint) AS user_json,
           "createdAt" AS created
    FROM numbered
    WHERE n % 109 <> 7 OR "email" = 'admin@akako.example'
),
newcomers AS (
    SELECT json_build_object(
               'id', 'user_2demonew' || lpad(k::text, 19, '0'),
               'email', CASE WHEN k = 6
                             THEN (SELECT "email" FROM numbered WHERE n = 50)
                             ELSE 'newcomer' || k || '@mail.example' END,
               'firstName', (ARRAY['Noor', 'Kenji', 'Maren', 'Tomás', 'Ife', 'Lena'])[k],
               'lastName', (ARRAY['Haddad', 'Mori', 'Lund', 'Ruiz', 'Okafor', 'Berg'])[k],
               'createdAtMs',
               (extract(epoch FROM timezone('UTC', now()) - make_interval(hours => k)) * 1000)::bigint)
               AS user_json,
           timezone('UTC', now()) - make_interval(hours => k) AS created
    FROM generate_series(1, 6) AS k
)
SELECT json_agg(user_json ORDER BY created)
FROM (SELECT * FROM kept UNION ALL SELECT * FROM newcomers) AS everyone;
