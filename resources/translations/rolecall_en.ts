<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No browser could be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret key (sk_live_… or sk_test_…, from the Clerk Dashboard under API keys) grants full access to your Clerk instance&apos;s Backend API: it can read, change and delete every user. Rolecall only reads the user list with it and keeps it in the OS keychain, never in settings or logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 has no Clerk secret key. %2 Enter it under Account ▸ Profiles… ▸ Edit, or store it with: rolecallctl profiles set-secret %1 clerk-secret-key (it reads the key from standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: changing users needs a signed-in active ADMIN of this database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialogs</name>
    <message>
        <source>A reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin notes are %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::AboutDialog</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the macOS login keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Secret Service (GNOME Keyring or KWallet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin console for Clerk users and their role grants in PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit %1, %2 build, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built against %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service &quot;rolecall&quot; in %1: one session and one Clerk secret key per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard error only; no log file is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstalling leaves these settings and keychain entries in place. &lt;code&gt;rolecallctl profiles remove --all --yes&lt;/code&gt; deletes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::AccountWidget</name>
    <message>
        <source>Signed-in account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in, so the console is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles could not be read, so the console is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles are still being checked; the console is read-only until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk user %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::AuditScreen</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: email or Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By: email or Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit the start of the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit the end of the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts: move “Until” after “From”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 for %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1 · recorded in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aud&amp;it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::AuditTableModel</name>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(end date passed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Clerk ID: %2
User row: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before and after are recorded only in the audit table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User&apos;s Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::BulkGrantDialog</name>
    <message>
        <source>Bulk Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 selected users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant to the selected users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user matching the filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant to every user matching the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grants end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these people get the role (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview to see who changes before anything is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who changes and who already has the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no roles to grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end (%1) must come after the start (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs changed: preview again before applying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking who would change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will get %2; %3 already have it; %4 matched nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    … and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will get %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already have %1 (unchanged):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched nobody:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted %1 to %2 users; %3 already had it. Nothing else changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ClerkApiClient</name>
    <message>
        <source>No Clerk secret key: store one with &apos;rolecallctl profiles set-secret NAME clerk-secret-key&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk&apos;s /users/count answer has no total_count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk&apos;s users list could not be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1 timed out after %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk&apos;s rate limit was reached (429)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk refused GET %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Check the profile&apos;s Clerk secret key and Clerk API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; gave up after %2 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ConsoleController</name>
    <message>
        <source>Rolecall — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk secret key for profile %1 kept in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Clerk secret key was not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::CsvSave</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::DataScreen</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::EndGrantDialog</name>
    <message>
        <source>End Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End %1&apos;s %2 grant now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the grant ends (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand this ends my own ADMIN role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm ending my own ADMIN role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ends your own ADMIN role: tick the box to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::GrantRoleDialog</name>
    <message>
        <source>Grant Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant a role to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave as it is to start the grant now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this person gets the role (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no roles to grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end (%1) must come after the start (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with no end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will write: %1 gets %2 from %3 %4, granted by %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::GrantTimelineModel</name>
    <message>
        <source>an unknown admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1, open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted by %1 on %2 (no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted by %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended on %1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off (isActive cleared) on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired at its end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsChart</name>
    <message>
        <source>Active grants per role over the last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grants to chart yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsScreen</name>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far ahead “expiring” looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No active grant ends within %n day(s).</source>
        <translation>
            <numerusform>No active grant ends within %n day.</numerusform>
            <numerusform>No active grant ends within %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>No grant matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsTableModel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Clerk ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::MainWindow</name>
    <message>
        <source>Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user@host:port/database?sslmode=require).
Leave the password out: it is read from PGPASSWORD or ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: sign in as an active ADMIN to change roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) so far, counting…</source>
        <translation>
            <numerusform>%Ln user so far, counting…</numerusform>
            <numerusform>%Ln users so far, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::MessageBanner</name>
    <message>
        <source>Act on the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::OverviewScreen</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users without a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants ending this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active now, per role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active grants per role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active grants per role, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles are not available for this schema: its users have no roles, so only the user count is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileConnectionTester</name>
    <message>
        <source>No issuer URL to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery document found; signs in at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database URL to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 schema, %Ln user(s).</source>
        <translation>
            <numerusform>%1 schema, %Ln user.</numerusform>
            <numerusform>%1 schema, %Ln users.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileEditor</name>
    <message>
        <source>Edit Profile “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change; add a new profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by spaces; must include openid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password here: it is read from PGPASSWORD or ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this the &amp;default profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this the default profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the default profile. To change that, make another profile the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first profile is always the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the issuer&apos;s discovery document and the database as typed, without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the issuer and the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was saved, but could not become the default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk&apos;s Backend API, for the Sync screen. Empty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (type a new key to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for the Sync screen. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk secret key hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;erk API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk secret &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a Clerk secret key: those start with sk_test_ or sk_live_ (a publishable key, pk_…, grants nothing). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileSyncService</name>
    <message>
        <source>Clerk at %1, database %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Clerk secret key could not be read from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet. Add one: issuer URL, client ID and database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as &amp;Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as default profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, issuer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile “%1”?

Its saved sign-in session is removed from the keychain too. The database is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall opens your web browser to sign in at %1. Only an active ADMIN can change roles; everyone else gets a read-only console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If no browser opened, copy this link into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the link in the browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Another &amp;Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available: you stay signed in only until Rolecall quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a saved session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this sign-in attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied. Paste it into your browser&apos;s address bar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncActionDialog</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People to act on: %1. A dry run checks each one first and writes nothing; Apply then writes each person in its own transaction, recorded in the audit trail. Nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this action does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for ending the grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these grants end (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason, then preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previewing (dry run)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync service is gone (the profile was closed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: %1 of %2 would change, %3 failed. Nothing was written; Apply writes the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 changed, %2 failed (see the table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1 of %2: the database refused this account (see the table), and would refuse it for everyone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n changed.</numerusform>
            <numerusform>%n changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rolecall::SyncCountsBar</name>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this status in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncDiffPane</name>
    <message>
        <source>Selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences of the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person to see what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) selected.</source>
        <translation>
            <numerusform>%n person selected.</numerusform>
            <numerusform>%n people selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;In Clerk, never synced: no database row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Database row %1 has no Clerk user any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Clerk&apos;s email already belongs to database row %1 (Clerk ID %2): a sync would break the unique email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Made through the password sign-in: no Clerk user, not an orphan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Database row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Never had the default role (LEARNER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Had the default role (LEARNER); none active now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;No field differs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncRun</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncScreen</name>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Clerk instance to compare with: open a profile with a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a sync status run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare every Clerk user with the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Clerk ID, email or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown rows as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and their sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all &amp;missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync all &amp;drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant default role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync the selected people from Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every user missing in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every drifted user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the default role to the selected people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End all active grants of the selected orphans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the Clerk secret key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the database and the first Clerk page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared %1 of %2 Clerk users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared %1 Clerk users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 Clerk users, %2 database rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync status run did not complete: %1 The rows shown are what came in before; nobody is called orphaned until every Clerk page is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once a run has compared everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select people who are missing, drifted or in an email conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the default role (LEARNER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select people in the database without the default role first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select orphaned people first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End grants of &amp;orphans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has the status “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncStatusBadge</name>
    <message>
        <source>Sync status of this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: no Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not checked (run Sync status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Sync screen compares Clerk with the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::SyncStatusModel</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing in database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No default role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, no default role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences (database → Clerk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::TableScreen</name>
    <message>
        <source>Not available for this schema: %1 databases have no roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the table again from the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows loaded in the table, with its filters, as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UserDetailPanel</name>
    <message>
        <source>User details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant Role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant history (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant history status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user in the table to see their roles and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email: %1
Clerk ID: %2
User ID: %3
Created: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the grant history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active roles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has never held a role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant a role to this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected grant now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an active or future grant in the history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersActions</name>
    <message>
        <source>&amp;Grant Role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk Grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Users to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant a role to the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the grant selected in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant a role to the selection or the filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersCsvExport</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersExportFlow</name>
    <message numerus="yes">
        <source>Exported %Ln user(s).</source>
        <translation>
            <numerusform>Exported %Ln user.</numerusform>
            <numerusform>Exported %Ln users.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting users (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersFilterBar</name>
    <message>
        <source>Search name, email or Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users with this role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users without any role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users who hold no role at the instant shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show roles as of a past or future instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time travel: roles and filters as they stood at this instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holding no role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersScreen</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: only a signed-in active ADMIN may change roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::UsersTableModel</name>
    <message>
        <source>No active role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::WriteDialog</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::auth::OidcSignInService</name>
    <message>
        <source>The OS keychain did not answer; sign in again (the session will last until Rolecall closes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
