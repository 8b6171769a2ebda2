-- Rights and audit that hold against any client (rolecallctl db install-rights).
-- Run by the owner of the tables (a role that may also create roles), in one
-- transaction; running it again changes nothing. `db uninstall-rights` undoes
-- it. @schema@ is the schema that holds "User" and "UserRole".

-- Two group roles; logins join them (GRANT rolecall_reader TO some_login).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rolecall_reader') THEN
        CREATE ROLE rolecall_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rolecall_admin') THEN
        CREATE ROLE rolecall_admin NOLOGIN;
    END IF;
END
$$;

GRANT rolecall_reader TO rolecall_admin;

-- What the trigger records beside what the console records: the database
-- login, the application's actor when the console names one, and the
-- transaction, which tells the console's own changes from everybody else's.
ALTER TABLE @schema@."RolecallAuditEvent" ADD COLUMN IF NOT EXISTS "databaseLogin" TEXT;
ALTER TABLE @schema@."RolecallAuditEvent" ALTER COLUMN "databaseLogin" SET DEFAULT session_user;
ALTER TABLE @schema@."RolecallAuditEvent" ADD COLUMN IF NOT EXISTS "applicationActor" TEXT;
ALTER TABLE @schema@."RolecallAuditEvent" ADD COLUMN IF NOT EXISTS "transactionId" BIGINT;
ALTER TABLE @schema@."RolecallAuditEvent" ALTER COLUMN "transactionId" SET DEFAULT txid_current();
ALTER TABLE @schema@."RolecallAuditEvent" ADD COLUMN IF NOT EXISTS "recordedBy" TEXT;
CREATE INDEX IF NOT EXISTS "RolecallAuditEvent_transactionId_idx"
    ON @schema@."RolecallAuditEvent"("transactionId");

-- Nobody but the owner writes "UserRole" directly, and nobody but the owner
-- rewrites the audit trail.
DO $$
DECLARE
    target record;
BEGIN
    FOR target IN
        SELECT DISTINCT c.oid::regclass AS tab,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS who,
               CASE WHEN c.relname = 'UserRole' THEN 'INSERT, UPDATE, DELETE, TRUNCATE'
                    ELSE 'UPDATE, DELETE, TRUNCATE' END AS what
        FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
        WHERE c.relnamespace = '@schema@'::regnamespace
          AND c.relname IN ('UserRole', 'RolecallAuditEvent')
          AND a.grantee <> c.relowner
          AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
    LOOP
        EXECUTE format('REVOKE %s ON %s FROM %s', target.what, target.tab, target.who);
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA @schema@ TO rolecall_reader;
GRANT SELECT ON @schema@."User", @schema@."UserRole", @schema@."RolecallAuditEvent"
    TO rolecall_reader;
-- Sync from Clerk writes "User" rows; the trigger records each change.
GRANT INSERT, UPDATE ON @schema@."User" TO rolecall_admin;
-- The console's own events: appended, never rewritten.
GRANT INSERT ON @schema@."RolecallAuditEvent" TO rolecall_admin;

-- The trigger: every change of "User" and "UserRole", whoever makes it.
CREATE OR REPLACE FUNCTION @schema@.rolecall_audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
DECLARE
    before_row jsonb;
    after_row jsonb;
    subject jsonb;
    change text;
    actor text := NULLIF(current_setting('rolecall.actor', true), '');
    now_utc timestamp(3) := timezone('UTC', now());
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        before_row := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        after_row := to_jsonb(NEW);
    END IF;
    subject := COALESCE(after_row, before_row);
    IF TG_TABLE_NAME = 'User' THEN
        before_row := before_row - 'password';
        after_row := after_row - 'password';
        change := CASE TG_OP WHEN 'INSERT' THEN 'user-created'
                             WHEN 'UPDATE' THEN 'user-updated' ELSE 'user-deleted' END;
        INSERT INTO "RolecallAuditEvent" ("id", "at", "actorClerkId", "action", "targetUserId",
            "before", "after", "databaseLogin", "applicationActor", "recordedBy")
        VALUES ('t' || replace(gen_random_uuid()::text, '-', ''), now_utc, actor, change,
                subject ->> 'id', before_row, after_row, session_user, actor, 'trigger');
    ELSE
        change := CASE
            WHEN TG_OP = 'INSERT' THEN
                CASE WHEN (after_row ->> 'effectiveStartDate')::timestamp <= now_utc
                     THEN 'granted' ELSE 'scheduled' END
            WHEN TG_OP = 'DELETE' THEN 'deleted'
            WHEN (before_row ->> 'isActive')::boolean AND NOT (after_row ->> 'isActive')::boolean
                 OR (before_row -> 'effectiveEndDate') IS DISTINCT FROM (after_row -> 'effectiveEndDate')
                THEN 'ended'
            ELSE 'updated' END;
        INSERT INTO "RolecallAuditEvent" ("id", "at", "actorClerkId", "action", "targetUserId",
            "role", "grantId", "reason", "before", "after", "databaseLogin", "applicationActor",
            "recordedBy")
        VALUES ('t' || replace(gen_random_uuid()::text, '-', ''), now_utc, actor, change,
                subject ->> 'userId', subject ->> 'role', subject ->> 'id',
                CASE WHEN TG_OP = 'INSERT' THEN after_row ->> 'reason' END,
                before_row, after_row, session_user, actor, 'trigger');
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS rolecall_audit ON @schema@."UserRole";
CREATE TRIGGER rolecall_audit AFTER INSERT OR UPDATE OR DELETE ON @schema@."UserRole"
    FOR EACH ROW EXECUTE FUNCTION @schema@.rolecall_audit_change();
DROP TRIGGER IF EXISTS rolecall_audit ON @schema@."User";
CREATE TRIGGER rolecall_audit AFTER INSERT OR UPDATE OR DELETE ON @schema@."User"
    FOR EACH ROW EXECUTE FUNCTION @schema@.rolecall_audit_change();

-- The guards, as the console applies them. Errors carry their own SQLSTATE:
-- RC400 bad input, RC403 not an active ADMIN, RC409 stale view, RC428 ends
-- the caller's own ADMIN role without confirmation.
CREATE OR REPLACE FUNCTION @schema@.rolecall_check_text(value text, what text, max_length integer,
    required boolean, multiline boolean) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = @schema@, pg_catalog, pg_temp AS $$
BEGIN
    IF required AND btrim(COALESCE(value, '')) = '' THEN
        RAISE EXCEPTION 'A % is required.', what USING ERRCODE = 'RC400';
    END IF;
    IF length(value) > max_length THEN
        RAISE EXCEPTION 'The % is % characters long; at most % are allowed.',
            what, length(value), max_length USING ERRCODE = 'RC400';
    END IF;
    IF multiline AND value ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'
       OR NOT multiline AND value ~ '[\x01-\x1F\x7F]' THEN
        RAISE EXCEPTION 'The % contains a control character.', what USING ERRCODE = 'RC400';
    END IF;
END
$$;

-- What every grant is checked for: a reason, notes without stray control
-- characters, a known role, an end after the start.
CREATE OR REPLACE FUNCTION @schema@.rolecall_check_grant(reason text, notes text, role text,
    from_ts timestamp, until_ts timestamp) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = @schema@, pg_catalog, pg_temp AS $$
#variable_conflict use_variable
BEGIN
    PERFORM rolecall_check_text(reason, 'reason', 1000, true, false);
    PERFORM rolecall_check_text(notes, 'admin notes', 10000, false, true);
    IF NOT EXISTS (SELECT 1 FROM pg_enum e WHERE e.enumtypid = '"Role"'::regtype
                   AND e.enumlabel = role) THEN
        RAISE EXCEPTION 'Unknown role "%".', role USING ERRCODE = 'RC400';
    END IF;
    IF until_ts IS NOT NULL AND until_ts <= from_ts THEN
        RAISE EXCEPTION 'The end (%) must come after the start (%).', until_ts, from_ts
            USING ERRCODE = 'RC400';
    END IF;
END
$$;

-- The first instant from now on with no active ADMIN grant, were the grants
-- `ending` to end at `new_end`; NULL when there is always one.
CREATE OR REPLACE FUNCTION @schema@.rolecall_first_admin_gap(ending text[], new_end timestamp)
RETURNS timestamp
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
    WITH clock AS (SELECT timezone('UTC', now())::timestamp(3) AS t),
    spans AS (
        SELECT r."effectiveStartDate" AS s,
               CASE WHEN r."id" = ANY (ending) THEN new_end
                    ELSE COALESCE(r."effectiveEndDate", 'infinity'::timestamp) END AS e
        FROM "UserRole" r WHERE r."role" = 'ADMIN' AND r."isActive"),
    live AS (SELECT sp.s, sp.e FROM spans sp, clock c WHERE sp.e > c.t AND sp.e > sp.s),
    points AS (SELECT c.t AS p FROM clock c
               UNION SELECT l.e FROM live l WHERE l.e <> 'infinity'::timestamp)
    SELECT min(pt.p) FROM points pt
    WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.s <= pt.p AND l.e > pt.p)
$$;

CREATE OR REPLACE FUNCTION @schema@.rolecall_require_admin(actor text, exclusive boolean,
    OUT admin_id text, OUT admin_email text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
BEGIN
    -- The console's lock: shared for every write, exclusive for one that may
    -- end an ADMIN grant.
    IF exclusive THEN
        PERFORM pg_advisory_xact_lock(hashtext('rolecall-admins'));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('rolecall-admins'));
    END IF;
    SELECT u."id", u."email" INTO admin_id, admin_email FROM "User" u
    WHERE u."clerkId" = actor AND EXISTS (
        SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role" = 'ADMIN'
          AND r."isActive" AND r."effectiveStartDate" <= timezone('UTC', now())
          AND (r."effectiveEndDate" IS NULL OR r."effectiveEndDate" > timezone('UTC', now())));
    IF admin_id IS NULL THEN
        RAISE EXCEPTION 'Only an active ADMIN may change roles; % is not one.',
            COALESCE(NULLIF(actor, ''), 'nobody signed in') USING ERRCODE = 'RC403';
    END IF;
    PERFORM set_config('rolecall.actor', actor, true);
END
$$;

CREATE OR REPLACE FUNCTION @schema@.rolecall_record(actor text, actor_email text, change text,
    grant_row @schema@."UserRole", reason text, before_row jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
    INSERT INTO "RolecallAuditEvent" ("id", "at", "actorClerkId", "actorEmail", "action",
        "targetUserId", "role", "grantId", "reason", "before", "after", "applicationActor")
    VALUES ('c' || replace(gen_random_uuid()::text, '-', ''), timezone('UTC', now()), actor,
            actor_email, change, grant_row."userId", grant_row."role"::text, grant_row."id",
            reason, before_row, to_jsonb(grant_row), actor)
$$;

-- Grants `role` to the User with row id `user_id` from `starts` (NULL: now)
-- until `ends` (NULL: open-ended).
CREATE OR REPLACE FUNCTION @schema@.rolecall_grant_role(actor text, actor_email text,
    user_id text, role text, starts timestamp, ends timestamp, reason text, notes text,
    grant_id text) RETURNS @schema@."UserRole"
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    admin record;
    now_utc timestamp(3) := timezone('UTC', now());
    from_ts timestamp(3);
    until_ts timestamp(3);
    clash record;
    granted "UserRole";
BEGIN
    SELECT * INTO admin FROM rolecall_require_admin(actor, false);
    from_ts := COALESCE(starts, now_utc);
    until_ts := ends;
    PERFORM rolecall_check_grant(reason, notes, role, from_ts, until_ts);
    PERFORM 1 FROM "User" u WHERE u."id" = user_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No user "%".', user_id USING ERRCODE = 'RC400';
    END IF;
    SELECT r."id", r."effectiveStartDate" INTO clash FROM "UserRole" r
    WHERE r."userId" = user_id AND r."role" = role::"Role" AND r."isActive"
      AND r."effectiveStartDate" < COALESCE(until_ts, 'infinity'::timestamp)
      AND COALESCE(r."effectiveEndDate", 'infinity'::timestamp) > from_ts
    ORDER BY r."effectiveStartDate" LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'The user already holds % in grant % (from %), which overlaps this one.',
            role, clash."id", clash."effectiveStartDate" USING ERRCODE = 'RC400';
    END IF;
    INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
        "assignedBy", "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt",
        "updatedAt")
    VALUES (COALESCE(grant_id, 'c' || replace(gen_random_uuid()::text, '-', '')), user_id,
            role::"Role", from_ts, until_ts, actor,
            COALESCE(NULLIF(actor_email, ''), admin.admin_email), reason, NULLIF(notes, ''),
            true, now_utc, now_utc)
    RETURNING * INTO granted;
    PERFORM rolecall_record(actor, COALESCE(NULLIF(actor_email, ''), admin.admin_email),
        CASE WHEN from_ts > now_utc THEN 'scheduled' ELSE 'granted' END, granted, reason, NULL);
    RETURN granted;
END
$$;

-- Ends grant `grant_id` at `at` (NULL: now, or where it would have begun).
CREATE OR REPLACE FUNCTION @schema@.rolecall_end_grant(actor text, actor_email text,
    grant_id text, at timestamp, reason text, expected_updated_at timestamp,
    confirm_self_demotion boolean) RETURNS @schema@."UserRole"
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    admin record;
    now_utc timestamp(3) := timezone('UTC', now());
    owner_id text;
    is_admin_grant boolean;
    before_row "UserRole";
    after_row "UserRole";
    end_at timestamp(3);
    gap_before timestamp;
    gap_after timestamp;
    by_whom text;
BEGIN
    SELECT r."userId", r."role" = 'ADMIN' INTO owner_id, is_admin_grant
    FROM "UserRole" r WHERE r."id" = grant_id;
    SELECT * INTO admin FROM rolecall_require_admin(actor, COALESCE(is_admin_grant, false));
    IF owner_id IS NULL THEN
        RAISE EXCEPTION 'No grant with id "%".', grant_id USING ERRCODE = 'RC400';
    END IF;
    PERFORM rolecall_check_text(reason, 'reason', 1000, true, false);
    PERFORM 1 FROM "User" u WHERE u."id" = owner_id FOR UPDATE;
    SELECT * INTO before_row FROM "UserRole" r WHERE r."id" = grant_id FOR UPDATE;
    IF expected_updated_at IS NOT NULL AND before_row."updatedAt" <> expected_updated_at THEN
        RAISE EXCEPTION 'Someone else changed this grant at %; reload and try again.',
            before_row."updatedAt" USING ERRCODE = 'RC409';
    END IF;
    IF NOT before_row."isActive" OR before_row."effectiveEndDate" <= now_utc THEN
        RAISE EXCEPTION 'Grant % has already ended.', grant_id USING ERRCODE = 'RC400';
    END IF;
    IF at IS NOT NULL THEN
        end_at := at;
        IF end_at < before_row."effectiveStartDate" THEN
            RAISE EXCEPTION 'The end (%) is before the grant''s start (%).',
                end_at, before_row."effectiveStartDate" USING ERRCODE = 'RC400';
        END IF;
    ELSE
        end_at := GREATEST(now_utc, before_row."effectiveStartDate");
    END IF;
    IF end_at > before_row."effectiveEndDate" THEN
        RAISE EXCEPTION 'Grant % already ends at %; ending it later would extend it.',
            grant_id, before_row."effectiveEndDate" USING ERRCODE = 'RC400';
    END IF;
    IF is_admin_grant THEN
        -- Counted over time, not at one instant: grants that end later count
        -- only until they end.
        gap_before := rolecall_first_admin_gap(ARRAY[]::text[], NULL);
        gap_after := rolecall_first_admin_gap(ARRAY[grant_id], end_at);
        IF gap_after IS NOT NULL AND (gap_before IS NULL OR gap_after < gap_before) THEN
            RAISE EXCEPTION 'This is the last active ADMIN grant (from % on no one else would '
                'hold ADMIN); grant ADMIN to someone else before ending it.', gap_after
                USING ERRCODE = 'RC400';
        END IF;
        IF owner_id = admin.admin_id AND NOT COALESCE(confirm_self_demotion, false)
           AND before_row."effectiveStartDate" <= now_utc THEN
            RAISE EXCEPTION 'This ends your own ADMIN role; confirm to go on.'
                USING ERRCODE = 'RC428';
        END IF;
    END IF;
    by_whom := COALESCE(NULLIF(actor_email, ''), admin.admin_email, actor);
    UPDATE "UserRole" r SET
        "effectiveEndDate" = end_at,
        "isActive" = NOT (end_at <= now_utc OR at IS NULL),
        "adminNotes" = CASE WHEN COALESCE(r."adminNotes", '') = '' THEN ''
                            ELSE r."adminNotes" || E'\n' END
            || 'Ended ' || to_char(end_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' by ' || by_whom
            || ': ' || reason,
        "updatedAt" = GREATEST(now_utc, r."updatedAt" + interval '1 millisecond')
    WHERE r."id" = grant_id RETURNING * INTO after_row;
    PERFORM rolecall_record(actor, COALESCE(NULLIF(actor_email, ''), admin.admin_email),
        'ended', after_row, reason, to_jsonb(before_row));
    RETURN after_row;
END
$$;

-- Grants `role` to every User in `targets` (a JSON array of {"id", "userId"})
-- who holds no overlapping grant of it; returns the grants made.
CREATE OR REPLACE FUNCTION @schema@.rolecall_bulk_grant(actor text, actor_email text, role text,
    starts timestamp, ends timestamp, reason text, notes text, targets json)
RETURNS SETOF @schema@."UserRole"
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema@, pg_catalog, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    admin record;
    now_utc timestamp(3) := timezone('UTC', now());
    from_ts timestamp(3);
    granted "UserRole";
BEGIN
    SELECT * INTO admin FROM rolecall_require_admin(actor, false);
    from_ts := COALESCE(starts, now_utc);
    PERFORM rolecall_check_grant(reason, notes, role, from_ts, ends);
    PERFORM 1 FROM "User" u
    WHERE u."id" IN (SELECT x."userId" FROM json_to_recordset(targets) AS x("id" text, "userId" text))
    ORDER BY u."id" FOR UPDATE;
    FOR granted IN
        INSERT INTO "UserRole" ("id", "userId", "role", "effectiveStartDate", "effectiveEndDate",
            "assignedBy", "assignedByEmail", "reason", "adminNotes", "isActive", "createdAt",
            "updatedAt")
        SELECT DISTINCT ON (x."userId") x."id", x."userId", role::"Role", from_ts, ends, actor,
               COALESCE(NULLIF(actor_email, ''), admin.admin_email), reason, NULLIF(notes, ''),
               true, now_utc, now_utc
        FROM json_to_recordset(targets) AS x("id" text, "userId" text)
        JOIN "User" u ON u."id" = x."userId"
        WHERE NOT EXISTS (SELECT 1 FROM "UserRole" r
            WHERE r."userId" = x."userId" AND r."role" = role::"Role" AND r."isActive"
              AND r."effectiveStartDate" < COALESCE(ends, 'infinity'::timestamp)
              AND COALESCE(r."effectiveEndDate", 'infinity'::timestamp) > from_ts)
        RETURNING *
    LOOP
        PERFORM rolecall_record(actor, COALESCE(NULLIF(actor_email, ''), admin.admin_email),
            'bulk-granted', granted, reason, NULL);
        RETURN NEXT granted;
    END LOOP;
END
$$;

-- Only rolecall_admin calls the writers; the helpers are nobody's to call.
REVOKE ALL ON FUNCTION @schema@.rolecall_audit_change(), @schema@.rolecall_check_text(text, text, integer, boolean, boolean),
    @schema@.rolecall_check_grant(text, text, text, timestamp, timestamp),
    @schema@.rolecall_first_admin_gap(text[], timestamp), @schema@.rolecall_require_admin(text, boolean),
    @schema@.rolecall_record(text, text, text, @schema@."UserRole", text, jsonb),
    @schema@.rolecall_grant_role(text, text, text, text, timestamp, timestamp, text, text, text),
    @schema@.rolecall_end_grant(text, text, text, timestamp, text, timestamp, boolean),
    @schema@.rolecall_bulk_grant(text, text, text, timestamp, timestamp, text, text, json)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    @schema@.rolecall_grant_role(text, text, text, text, timestamp, timestamp, text, text, text),
    @schema@.rolecall_end_grant(text, text, text, timestamp, text, timestamp, boolean),
    @schema@.rolecall_bulk_grant(text, text, text, timestamp, timestamp, text, text, json)
    TO rolecall_admin;
