-- Undoes rolecallctl db install-rights (rolecallctl db uninstall-rights), in
-- one transaction; running it again changes nothing. What it keeps: every
-- event in "RolecallAuditEvent" and its added columns (the trail is never
-- rewritten), and the rights install-rights revoked from other roles (grant
-- them again by hand if they were meant). @schema@ is the tables' schema.

DROP TRIGGER IF EXISTS rolecall_audit ON @schema@."UserRole";
DROP TRIGGER IF EXISTS rolecall_audit ON @schema@."User";
DROP FUNCTION IF EXISTS @schema@.rolecall_audit_change();
DROP FUNCTION IF EXISTS @schema@.rolecall_bulk_grant(text, text, text, timestamp, timestamp, text, text, json);
DROP FUNCTION IF EXISTS @schema@.rolecall_end_grant(text, text, text, timestamp, text, timestamp, boolean);
DROP FUNCTION IF EXISTS @schema@.rolecall_grant_role(text, text, text, text, timestamp, timestamp, text, text, text);
DROP FUNCTION IF EXISTS @schema@.rolecall_record(text, text, text, @schema@."UserRole", text, jsonb);
DROP FUNCTION IF EXISTS @schema@.rolecall_require_admin(text, boolean);
DROP FUNCTION IF EXISTS @schema@.rolecall_first_admin_gap(text[], timestamp);
DROP FUNCTION IF EXISTS @schema@.rolecall_check_grant(text, text, text, timestamp, timestamp);
DROP FUNCTION IF EXISTS @schema@.rolecall_check_text(text, text, integer, boolean, boolean);

-- The group roles lose what they hold here; they are dropped when nothing
-- else holds them (another database's rights, member logins: then they stay,
-- and a notice says so).
DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['rolecall_admin', 'rolecall_reader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
            CONTINUE;
        END IF;
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %s FROM %I', '@schema@', group_role);
        EXECUTE format('REVOKE ALL ON SCHEMA %s FROM %I', '@schema@', group_role);
        BEGIN
            EXECUTE format('DROP ROLE %I', group_role);
        EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'Role % is still used elsewhere; it stays.', group_role;
        END;
    END LOOP;
END
$$;
