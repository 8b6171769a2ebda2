-- akako-demo-data.sql: deterministic demo data for the Akako LMS schema (PostgreSQL 15).
--
-- Load into a database that already has the Prisma schema and no rows in "User"/"UserRole":
--   psql -v ON_ERROR_STOP=1 -f resources/sql/akako-demo-data.sql
-- Plain SQL in ONE transaction (no psql meta-commands), so it also runs as one multi-statement
-- string. Names, ids, clerkIds, emails and role assignments come from md5/sha256 of fixed seeds
-- and are identical on every run; timestamps are relative to timezone('UTC', now()).
--
-- Demo admin (active ADMIN + LEARNER):
--   email   admin@akako.example   (Ada Admin)
--   clerkId user_demoadmin000000000000000000   ('user_' + 27 chars = 32 chars)
--
-- "User": 600 rows
--   * ids 'c' + 24 [0-9a-z]; clerkIds 'user_2' + 26 [0-9A-Za-z]; emails lowercase ASCII on
--     akako.example / mail.example; createdAt over the last ~2 years, updatedAt >= createdAt
--   * names from 21 cultures: diacritics (José, Zoë, Łukasz, Nguyễn, Müller, Ørsted, Çelik,
--     Søren, Dvořák...), apostrophes (O'Brien, D'Angelo, N'Diaye), a few in Japanese, Chinese,
--     Arabic and Cyrillic script; 5 users without firstName, 5 without lastName (1 without both)
--   * 8 users with no role grant at all
-- "UserRole": 676 rows (state as of load time)
--   * LEARNER 604: 592 granted at first sync (assignedBy NULL, 'default role at sync');
--     12 of those were ended (suspended) and re-granted later -> 592 active LEARNER grants
--   * MENTOR   64: 24 active open-ended, 10 active expiring in 1-7 days, 10 future-dated
--     (start in 3-40 days), 20 ended; 12 users have an ended stint before a later one
--   * ADMIN     8: 5 active (demo admin + 3 permanent + 1 temporary expiring in ~3 days),
--     1 future-dated (starts on the 1st of next month, 09:00 UTC), 2 ended
--   * totals: 34 ended (isActive false, past effectiveEndDate, adminNotes
--     'Ended YYYY-MM-DD HH:MI UTC by <admin email>: <why>'), 11 future-dated, 11 expiring soon
--   * assignedBy/assignedByEmail = clerkId/email of one of the 4 permanent admins
SET client_encoding = 'UTF8';
BEGIN;

-- Deterministic helpers (session-local, dropped at the end).
CREATE FUNCTION pg_temp.demo_pick(seed text, n int) RETURNS int LANGUAGE sql IMMUTABLE
AS $$ SELECT ('x' || substr(md5(seed), 1, 7))::bit(28)::int % n $$;
CREATE FUNCTION pg_temp.demo_frac(seed text) RETURNS float8 LANGUAGE sql IMMUTABLE
AS $$ SELECT ('x' || substr(md5(seed), 1, 7))::bit(28)::int / 268435456.0 $$;
CREATE FUNCTION pg_temp.demo_token(seed text, alphabet text, len int) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT string_agg(substr(alphabet, get_byte(sha256(convert_to(seed, 'UTF8')), k) % length(alphabet) + 1, 1),
                        '' ORDER BY k)
      FROM generate_series(0, len - 1) AS k $$;
-- 'Łukasz' -> 'lukasz', 'O''Brien' -> 'obrien', non-Latin scripts -> ''
CREATE FUNCTION pg_temp.demo_ascii(name text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT regexp_replace(translate(replace(replace(replace(normalize(lower(name), NFD),
                 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'łøđıðþ', 'lodidt'), '[^a-z]', '', 'g') $$;

CREATE TEMP TABLE demo_culture (c int, weight int, firsts text[], lasts text[]) ON COMMIT DROP;
INSERT INTO demo_culture VALUES
 (1, 16, '{James,Olivia,Liam,Emma,Noah,Charlotte,Ethan,Grace,Oliver,Amelia,Zoë,Chloe,Jack,Hannah,Daniel,Megan}',
         '{Smith,Johnson,Brown,Taylor,Wilson,Clarke,Walker,Hughes,Bennett,Carter,Thompson,Evans,Robinson,Wright}'),
 (2, 6, '{Siobhán,Seán,Aoife,Ciarán,Niamh,Declan,Róisín,Patrick,Orla,Eoin}',
        '{O''Brien,O''Connor,Murphy,Kelly,O''Sullivan,Byrne,McCarthy,"Ó Briain",O''Neill,Gallagher}'),
 (3, 6, '{Giulia,Marco,Francesca,Luca,Chiara,Matteo,Alessandro,Sofia,Niccolò,Elena}',
        '{D''Angelo,Rossi,Bianchi,Esposito,Romano,Colombo,Ricci,Conti,D''Amico,Greco}'),
 (4, 10, '{José,María,Lucía,Alejandro,Sofía,Javier,Camila,Mateo,Andrés,Valentina,Joaquín,Inés}',
         '{García,Rodríguez,Martínez,López,Hernández,Pérez,Gómez,Núñez,Ordóñez,Castillo,Morales,"de la Cruz"}'),
 (5, 5, '{João,Ana,Luíza,Gonçalo,Beatriz,Thiago,Camila,Rafael}',
        '{Silva,Santos,Oliveira,Souza,Gonçalves,Magalhães,Araújo,Conceição}'),
 (6, 7, '{Jürgen,Lena,Lukas,Anna,Maximilian,Sophie,Felix,Johanna,Jörg,Anneliese}',
        '{Müller,Schmidt,Schneider,Fischer,Weiß,Wagner,Becker,Schröder,Köhler,Hoffmann}'),
 (7, 5, '{Søren,Ingrid,Lars,Astrid,Bjørn,Freja,Magnus,Sigrid,Åsa,Mikkel}',
        '{Ørsted,Jensen,Nielsen,Hansen,Lindqvist,Åberg,Johansson,Halvorsen,Sørensen,Björk}'),
 (8, 5, '{Łukasz,Agnieszka,Paweł,Zofia,Tomáš,Kateřina,Jiří,Małgorzata,Wojciech,Lucie}',
        '{Nowak,Kowalczyk,Wójcik,Krawczyk,Dvořák,Novák,Svoboda,Mazur,Procházka,Kaczmarek}'),
 (9, 6, '{Chloé,Théo,Léa,Mathis,Inès,Gaël,Hélène,François,Amélie,Benoît}',
        '{Dubois,Lefèvre,Moreau,Laurent,Girard,Rousseau,Fontaine,Bérubé,Mercier,Lemaître}'),
 (10, 4, '{Emre,Elif,Mehmet,Zeynep,Burak,Ayşe,Can,Selin,Oğuz,Gülşen}',
         '{Çelik,Yılmaz,Kaya,Demir,Şahin,Öztürk,Aydın,Arslan,Doğan,Koç}'),
 (11, 4, '{Minh,Linh,Anh,Huy,Thảo,Quang,Ngọc,Tuấn,Hương,Dũng}',
         '{Nguyễn,Trần,Lê,Phạm,Hoàng,Vũ,Đặng,Bùi,Đỗ,Huỳnh}'),
 (12, 5, '{Aminata,Moussa,Fatou,Ibrahima,Awa,Ousmane,Chinedu,Ngozi,Kwame,Abena}',
         '{N''Diaye,Diallo,Traoré,Sow,Okafor,Adeyemi,Mensah,Ba,Koné,Owusu}'),
 (13, 8, '{Priya,Arjun,Ananya,Rohan,Kavya,Vikram,Aditi,Rahul,Sanjana,Farhan}',
         '{Sharma,Patel,Iyer,Reddy,Gupta,Nair,Singh,Desai,Chowdhury,Menon}'),
 (14, 3, '{Wei,Xiaoling,Jun,Mei,Hao,Yan,Lei,Jing}', '{Wang,Li,Zhang,Chen,Liu,Huang,Zhao,Wu}'),
 (15, 2, '{Haruto,Yuki,Hiroshi,Aiko,Ren,Sakura}', '{Tanaka,Sato,Suzuki,Watanabe,Yamamoto,Nakamura}'),
 (16, 2, '{Min-jun,Ji-woo,Seo-yeon,Do-yun,Ha-eun}', '{Kim,Park,Lee,Choi,Jung}'),
 (17, 4, '{Omar,Layla,Youssef,Nour,Karim,Yasmin,Hassan,Rania}',
         '{Haddad,Al-Farsi,Mansour,El-Amin,Khoury,Nasser,Saleh,Abboud}'),
 (18, 1, '{翔太,結衣,蓮,陽菜,大輝,さくら}', '{佐藤,鈴木,高橋,田中,渡辺,伊藤}'),
 (19, 1, '{伟,芳,静,磊,秀英,浩然}', '{王,李,张,刘,陈,杨}'),
 (20, 1, '{محمد,فاطمة,أحمد,ليلى,يوسف,مريم}', '{العلي,حداد,الحسن,منصور,خليل}'),
 (21, 1, '{Олександр,Оксана,Андрій,Ірина,Дмитро,Олена}', '{Шевченко,Коваленко,Бондаренко,Ткаченко,Кравченко,Мельник}');

-- Users: i = 0 is the demo admin, 1..7 are staff, 8..599 are everybody else.
CREATE TEMP TABLE demo_user ON COMMIT DROP AS
WITH t AS (SELECT timezone('UTC', now()) AS n),
cult AS (
  SELECT firsts, lasts, (sum(weight) OVER (ORDER BY c) - weight)::int AS lo,
         (sum(weight) OVER (ORDER BY c))::int AS hi, (sum(weight) OVER ())::int AS total
  FROM demo_culture),
named AS (
  SELECT g.i,
         CASE WHEN g.i IN (57, 211, 333, 388, 503) THEN NULL ELSE coalesce(fx.f,
              cu.firsts[1 + pg_temp.demo_pick('first:' || g.i, cardinality(cu.firsts))]) END AS first_name,
         CASE WHEN g.i IN (122, 301, 333, 446, 590) THEN NULL ELSE coalesce(fx.l,
              cu.lasts[1 + pg_temp.demo_pick('last:' || g.i, cardinality(cu.lasts))]) END AS last_name
  FROM generate_series(0, 599) AS g(i)
  LEFT JOIN (VALUES (0, 'Ada', 'Admin'), (100, 'Søren', 'Ørsted'), (200, 'Thảo', 'Nguyễn')) AS fx(i, f, l)
         ON fx.i = g.i
  JOIN cult AS cu ON pg_temp.demo_pick('culture:' || g.i, cu.total) >= cu.lo
                 AND pg_temp.demo_pick('culture:' || g.i, cu.total) < cu.hi),
loc AS (
  SELECT i, first_name, last_name,
         pg_temp.demo_ascii(coalesce(first_name, '')) AS fa, pg_temp.demo_ascii(coalesce(last_name, '')) AS la
  FROM named),
base AS (
  SELECT *, CASE WHEN i = 0 THEN 'admin'
                 WHEN fa <> '' AND la <> '' THEN
                   CASE pg_temp.demo_pick('style:' || i, 4) WHEN 0 THEN fa || '.' || la
                     WHEN 1 THEN left(fa, 1) || la WHEN 2 THEN fa || '_' || la ELSE la || '.' || fa END
                 WHEN fa || la <> '' THEN fa || la
                 ELSE 'user' END AS local_part
  FROM loc),
dedup AS (SELECT *, row_number() OVER (PARTITION BY local_part ORDER BY i) AS rn FROM base)
SELECT d.i,
       'c' || pg_temp.demo_token('user:' || d.i, '0123456789abcdefghijklmnopqrstuvwxyz', 24) AS id,
       CASE WHEN d.i = 0 THEN 'user_demoadmin000000000000000000'
            ELSE 'user_2' || pg_temp.demo_token('clerk:' || d.i,
                   '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 26) END AS clerk_id,
       d.local_part || CASE WHEN d.i = 0 THEN '' WHEN d.local_part = 'user' THEN d.i::text
                            WHEN d.rn > 1 THEN (d.rn - 1)::text ELSE '' END
         || CASE WHEN d.i < 8 OR pg_temp.demo_pick('domain:' || d.i, 10) < 3 THEN '@akako.example'
                 ELSE '@mail.example' END AS email,
       d.first_name, d.last_name, c.created_at,
       CASE WHEN pg_temp.demo_pick('upd:' || d.i, 10) < 4 THEN c.created_at
            ELSE c.created_at + pg_temp.demo_frac('upd2:' || d.i) * (t.n - c.created_at) END AS updated_at
FROM dedup AS d CROSS JOIN t
CROSS JOIN LATERAL (SELECT CASE WHEN d.i = 0 THEN t.n - interval '730 days'
                                WHEN d.i < 8 THEN t.n - (725 - 5 * d.i) * interval '1 day'
                                  - pg_temp.demo_frac('hour:' || d.i) * interval '12 hours'
                                ELSE t.n - interval '1 day' - (1 - sqrt(pg_temp.demo_frac('created:' || d.i)))
                                  * interval '689 days' END AS created_at) AS c;

INSERT INTO "User" ("id", "clerkId", "email", "firstName", "lastName", "createdAt", "updatedAt")
SELECT id, clerk_id, email, first_name, last_name, created_at, updated_at FROM demo_user ORDER BY i;

-- Who gets what: 8 users without any grant, then ranked slices of the remaining 584.
CREATE TEMP TABLE demo_plan ON COMMIT DROP AS
WITH nr AS (SELECT i, row_number() OVER (ORDER BY md5('norole:' || i)) AS r FROM demo_user WHERE i >= 8),
mr AS (SELECT i, row_number() OVER (ORDER BY md5('mentor:' || i)) AS r FROM nr WHERE r > 8)
SELECT u.i, u.created_at AS c, timezone('UTC', now()) AS n, timezone('UTC', now()) - u.created_at AS s,
       CASE WHEN u.i < 8 THEN 'staff' WHEN mr.r IS NULL THEN 'none'
            WHEN mr.r <= 24 THEN 'm_active' WHEN mr.r <= 34 THEN 'm_expiring'
            WHEN mr.r <= 44 THEN 'm_future' WHEN mr.r <= 52 THEN 'm_ended'
            WHEN mr.r <= 64 THEN 'reinstated' ELSE 'learner' END AS kind,
       coalesce(mr.r <= 6 OR mr.r = 25 OR mr.r BETWEEN 35 AND 37 OR mr.r BETWEEN 45 AND 46, false) AS prior
FROM demo_user AS u LEFT JOIN mr ON mr.i = u.i;

INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate", "assignedBy",
                        "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt", "updatedAt")
WITH txt AS (SELECT
  ARRAY['Leads the "Intro to SQL" course', 'Guest mentor for the data-science cohort',
        'Requested by the curriculum team — strong learner feedback',
        'Co-teaches "Python for Analysts" with the core team', 'Creates practice labs for the cloud track',
        'Volunteered to review capstone projects', 'Subject-matter expert for the UX design path',
        'Finished the mentors'' programme with distinction', 'Runs the weekly "office hours" Q&A',
        'Partner company''s trainer, onboarding their own staff'] AS m_reason,
  ARRAY['Guest mentor for the current cohort (fixed term)', 'Temporary cover for a mentor on leave',
        'Workshop series ending this week', 'Short-term contract for the exam-prep sprint'] AS m_fixed,
  ARRAY['Starts teaching the next "Web Foundations" cohort', 'Returning mentor for the new term',
        'New hire on the curriculum team; access from day one',
        'Scheduled at the Data track lead''s request', 'Will run the "Career Prep" bootcamp'] AS m_future,
  ARRAY['course finished', 'cohort ended', 'mentor''s contract ended',
        'stepped down — not enough time this term', 'moved to the "Platform" team',
        'course retired after the curriculum review', 'requested by the mentor',
        'no activity for 6 months'] AS m_end,
  ARRAY['Approved by the curriculum committee.', 'Contract signed, see HR ticket #4821.',
        'Learners rated the "Intro" course 4.8/5.', 'Ask O''Connor before extending.'] AS m_note,
  ARRAY['account suspended: repeated spam in course forums', 'paused at the learner''s request (leave)',
        'billing dispute with the learner''s employer',
        'suspended pending review of a "plagiarism" report'] AS l_end,
  ARRAY['Reinstated after a successful appeal', 'Back from leave, access restored',
        'Reinstated: employer''s billing dispute resolved',
        'Review closed — no plagiarism found'] AS l_back),
g AS (
  -- LEARNER granted at first sync (12 later suspended)
  SELECT p.i, 'sync' AS tag, 'LEARNER'::"Role" AS role, p.c AS start_at,
         CASE WHEN kind = 'reinstated' THEN p.c + (0.3 + 0.2 * pg_temp.demo_frac('susp:' || p.i)) * p.s END AS end_at,
         'default role at sync' AS reason, NULL::text AS note, NULL::int AS granter,
         CASE WHEN kind = 'reinstated'
              THEN (ARRAY[0, 0, 1, 2, 3])[1 + pg_temp.demo_pick('endby:' || p.i, 5)] END AS ender,
         l_end[1 + pg_temp.demo_pick('lk:' || p.i, 4)] AS end_reason, p.c AS created_at
  FROM demo_plan AS p, txt WHERE kind <> 'none'
  UNION ALL -- LEARNER re-granted after the suspension
  SELECT p.i, 'reinstate', 'LEARNER', p.c + (0.6 + 0.3 * pg_temp.demo_frac('back:' || p.i)) * p.s, NULL,
         l_back[1 + pg_temp.demo_pick('lk:' || p.i, 4)], NULL, pg_temp.demo_pick('by:' || p.i, 4), NULL, NULL,
         p.c + (0.6 + 0.3 * pg_temp.demo_frac('back:' || p.i)) * p.s
  FROM demo_plan AS p, txt WHERE kind = 'reinstated'
  UNION ALL -- earlier MENTOR stint, ended, before a later grant
  SELECT p.i, 'mentor-prior', 'MENTOR', p.c + 0.1 * p.s, p.c + 0.3 * p.s,
         m_reason[1 + pg_temp.demo_pick('mr0:' || p.i, 10)], NULL, pg_temp.demo_pick('by0:' || p.i, 4),
         (ARRAY[0, 0, 1, 2, 3])[1 + pg_temp.demo_pick('endby0:' || p.i, 5)],
         m_end[1 + pg_temp.demo_pick('me0:' || p.i, 8)], p.c + 0.1 * p.s
  FROM demo_plan AS p, txt WHERE prior
  UNION ALL -- current MENTOR grants: open-ended, or fixed-term ending in 1-7 days
  SELECT p.i, 'mentor', 'MENTOR', p.c + (0.4 + 0.5 * pg_temp.demo_frac('ms:' || p.i)) * p.s,
         CASE WHEN kind = 'm_expiring' THEN p.n + interval '26 hours'
                + pg_temp.demo_frac('exp:' || p.i) * interval '140 hours' END,
         CASE WHEN kind = 'm_expiring' THEN m_fixed[1 + pg_temp.demo_pick('mr:' || p.i, 4)]
              ELSE m_reason[1 + pg_temp.demo_pick('mr:' || p.i, 10)] END,
         CASE WHEN pg_temp.demo_pick('mn:' || p.i, 10) < 4 THEN m_note[1 + pg_temp.demo_pick('mn2:' || p.i, 4)] END,
         pg_temp.demo_pick('by:' || p.i, 4), NULL, NULL,
         p.c + (0.4 + 0.5 * pg_temp.demo_frac('ms:' || p.i)) * p.s
  FROM demo_plan AS p, txt WHERE kind IN ('m_active', 'm_expiring')
  UNION ALL -- MENTOR scheduled to start in 3-40 days
  SELECT p.i, 'mentor', 'MENTOR',
         date_trunc('day', p.n) + (3 + pg_temp.demo_pick('fs:' || p.i, 38)) * interval '1 day' + interval '9 hours',
         NULL, m_future[1 + pg_temp.demo_pick('mr:' || p.i, 5)], NULL, pg_temp.demo_pick('by:' || p.i, 4), NULL, NULL,
         p.n - least(0.5 * p.s, (1 + 13 * pg_temp.demo_frac('fc:' || p.i)) * interval '1 day')
  FROM demo_plan AS p, txt WHERE kind = 'm_future'
  UNION ALL -- former mentors
  SELECT p.i, 'mentor', 'MENTOR', p.c + (0.35 + 0.1 * pg_temp.demo_frac('ms:' || p.i)) * p.s,
         p.c + (0.6 + 0.35 * pg_temp.demo_frac('me:' || p.i)) * p.s,
         m_reason[1 + pg_temp.demo_pick('mr:' || p.i, 10)], NULL, pg_temp.demo_pick('by:' || p.i, 4),
         (ARRAY[0, 0, 1, 2, 3])[1 + pg_temp.demo_pick('endby:' || p.i, 5)],
         m_end[1 + pg_temp.demo_pick('me:' || p.i, 8)], p.c + (0.35 + 0.1 * pg_temp.demo_frac('ms:' || p.i)) * p.s
  FROM demo_plan AS p, txt WHERE kind = 'm_ended'
  UNION ALL -- ADMIN grants of the staff users
  SELECT p.i, 'admin', 'ADMIN', a.start_at, a.end_at, a.reason, a.note, a.granter, a.ender, a.end_reason,
         CASE WHEN p.i = 5 THEN p.n - interval '2 days 3 hours' ELSE a.start_at END
  FROM demo_plan AS p CROSS JOIN LATERAL (SELECT * FROM (VALUES
    (0, p.c, NULL::timestamp, 'Bootstrap administrator of the demo environment',
        'Seeded by akako-demo-data.sql', NULL::int, NULL::int, NULL),
    (1, p.c + interval '3 days', NULL, 'Platform operations lead', NULL, 0, NULL, NULL),
    (2, p.c + interval '4 days', NULL, 'Support lead — fixes learners'' access issues', NULL, 0, NULL, NULL),
    (3, p.c + interval '5 days', NULL, 'Owner of the "Mentor programme"', NULL, 0, NULL, NULL),
    (4, p.n - interval '20 days', p.n + interval '3 days 5 hours',
        'Covering the on-call admin rotation while the ops lead is on leave',
        'Fixed term: ends with the rotation.', 0, NULL, NULL),
    (5, date_trunc('month', p.n) + interval '1 month 9 hours', NULL,
        'Joins the platform team on the 1st', 'Start date confirmed by HR.', 1, NULL, NULL),
    (6, p.c + interval '10 days', p.n - interval '200 days', 'Interim admin during the LMS migration',
        NULL, 0, 0, 'migration finished, access no longer needed'),
    (7, p.c + interval '15 days', p.n - interval '75 days', 'Handles "urgent" customer escalations',
        NULL, 0, 1, 'left the company')
  ) AS v(i, start_at, end_at, reason, note, granter, ender, end_reason) WHERE v.i = p.i) AS a)
SELECT 'c' || pg_temp.demo_token('grant:' || g.i || ':' || g.tag || ':' || g.role,
                                 '0123456789abcdefghijklmnopqrstuvwxyz', 24),
       u.id, g.role, g.start_at, g.end_at, a.clerk_id, a.email, g.reason,
       CASE WHEN g.ender IS NULL THEN g.note
            ELSE concat_ws(E'\n', g.note, format('Ended %s UTC by %s: %s',
                           to_char(g.end_at, 'YYYY-MM-DD HH24:MI'), e.email, g.end_reason)) END,
       g.ender IS NULL, g.created_at, coalesce(CASE WHEN g.ender IS NOT NULL THEN g.end_at END, g.created_at)
FROM g JOIN demo_user AS u ON u.i = g.i
LEFT JOIN demo_user AS a ON a.i = g.granter
LEFT JOIN demo_user AS e ON e.i = g.ender
ORDER BY g.created_at, g.i, g.tag;

DROP FUNCTION pg_temp.demo_pick(text, int), pg_temp.demo_frac(text),
              pg_temp.demo_token(text, text, int), pg_temp.demo_ascii(text);
COMMIT;
