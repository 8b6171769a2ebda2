<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>No browser could be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::AccountWidget</name>
    <message>
        <source>Signed-in account</source>
        <translation>Angemeldetes Konto</translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation>Ihre Rollen</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>You are not signed in, so the console is read-only.</source>
        <translation>Sie sind nicht angemeldet; die Konsole ist daher schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <translation>Nicht angemeldet — nur lesen</translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>Angemeldet als %1 · %2</translation>
    </message>
    <message>
        <source>Clerk user %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active roles</source>
        <translation>keine aktiven Rollen</translation>
    </message>
</context>
<context>
    <name>rolecall::AuditScreen</name>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Benutzerfilter</translation>
    </message>
    <message>
        <source>User: email or Clerk ID</source>
        <translation>Benutzer: E-Mail oder Clerk-ID</translation>
    </message>
    <message>
        <source>Actor filter</source>
        <translation>Filter: ausgeführt von</translation>
    </message>
    <message>
        <source>By: email or Clerk ID</source>
        <translation>Von: E-Mail oder Clerk-ID</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollenfilter</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Jede Rolle</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Ab</translation>
    </message>
    <message>
        <source>Limit the start of the time range</source>
        <translation>Beginn des Zeitraums begrenzen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Limit the end of the time range</source>
        <translation>Ende des Zeitraums begrenzen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Details des Eintrags</translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation>Kein Eintrag passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>The time range ends before it starts: move “Until” after “From”.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: „Bis“ nach „Ab“ legen.</translation>
    </message>
    <message>
        <source>%1 %2 for %3 at %4</source>
        <translation>%1 %2 für %3 am %4</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notizen: %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>Grant %1 · recorded in %2</source>
        <translation>Zuweisung %1 · erfasst in %2</translation>
    </message>
</context>
<context>
    <name>rolecall::AuditTableModel</name>
    <message>
        <source>Granted</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>(end date passed)</source>
        <translation>(Enddatum erreicht)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message>
        <source>%1
Clerk ID: %2
User row: %3</source>
        <translation>%1
Clerk-ID: %2
Benutzerzeile: %3</translation>
    </message>
    <message>
        <source>Before and after are recorded only in the audit table.</source>
        <translation>Vorher und nachher werden nur in der Protokolltabelle erfasst.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User&apos;s Clerk ID</source>
        <translation>Clerk-ID des Benutzers</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
</context>
<context>
    <name>rolecall::ConsoleController</name>
    <message>
        <source>Rolecall — %1</source>
        <translation>Rolecall — %1</translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsChart</name>
    <message>
        <source>Active grants per role over the last 12 months</source>
        <translation>Aktive Zuweisungen je Rolle in den letzten 12 Monaten</translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>Keine Daten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No grants to chart yet.</source>
        <translation>Noch keine Zuweisungen für ein Diagramm.</translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsScreen</name>
    <message>
        <source>Grants</source>
        <translation>Zuweisungen</translation>
    </message>
    <message>
        <source>Which grants</source>
        <translation>Welche Zuweisungen</translation>
    </message>
    <message>
        <source>All grants</source>
        <translation>Alle Zuweisungen</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Bald ablaufend</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollenfilter</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Jede Rolle</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Künftig</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Expiring within…</source>
        <translation>Läuft ab innerhalb von…</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>Tage voraus</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>How far ahead “expiring” looks</source>
        <translation>Wie weit „läuft ab“ vorausschaut</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message numerus="yes">
        <source>No active grant ends within %n day(s).</source>
        <translation>
            <numerusform>Keine aktive Zuweisung endet innerhalb von %n Tag.</numerusform>
            <numerusform>Keine aktive Zuweisung endet innerhalb von %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No grant matches these filters.</source>
        <translation>Keine Zuweisung passt zu diesen Filtern.</translation>
    </message>
</context>
<context>
    <name>rolecall::GrantsTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Künftig</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
Clerk ID: %2</source>
        <translation>%1
Clerk-ID: %2</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Kein Enddatum</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Zugewiesen von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Beendet von</translation>
    </message>
</context>
<context>
    <name>rolecall::MainWindow</name>
    <message>
        <source>Rolecall</source>
        <translation>Rolecall</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Search name, email or Clerk ID</source>
        <translation>Name, E-Mail oder Clerk-ID suchen</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Find User</source>
        <translation>Benutzer &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Rolecall — %1</source>
        <translation>Rolecall — %1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Schema not recognised</source>
        <translation>Schema nicht erkannt</translation>
    </message>
    <message>
        <source>%1 users loaded</source>
        <translation>%1 Benutzer geladen</translation>
    </message>
    <message>
        <source>%1 of %2 users loaded</source>
        <translation>%1 von %2 Benutzern geladen</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user@host:port/database?sslmode=require).
Leave the password out: it is read from PGPASSWORD or ~/.pgpass.</source>
        <translation>PostgreSQL-URL (postgresql://benutzer@host:port/datenbank?sslmode=require).
Ohne Passwort: Es wird aus PGPASSWORD oder ~/.pgpass gelesen.</translation>
    </message>
</context>
<context>
    <name>rolecall::OverviewScreen</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>Ausgewählte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Users without a role</source>
        <translation>Benutzer ohne Rolle</translation>
    </message>
    <message>
        <source>Grants ending this week</source>
        <translation>Zuweisungen, die diese Woche enden</translation>
    </message>
    <message>
        <source>Active now, per role</source>
        <translation>Jetzt aktiv, je Rolle</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active grants</source>
        <translation>Aktive Zuweisungen</translation>
    </message>
    <message>
        <source>Active grants per role</source>
        <translation>Aktive Zuweisungen je Rolle</translation>
    </message>
    <message>
        <source>Active grants per role, last 12 months</source>
        <translation>Aktive Zuweisungen je Rolle, letzte 12 Monate</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Roles are not available for this schema: its users have no roles, so only the user count is shown.</source>
        <translation>Rollen sind für dieses Schema nicht verfügbar: Seine Benutzer haben keine Rollen, daher wird nur die Anzahl der Benutzer gezeigt.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileConnectionTester</name>
    <message>
        <source>No issuer URL to test.</source>
        <translation>Keine Aussteller-URL zum Testen.</translation>
    </message>
    <message>
        <source>Discovery document found; signs in at %1.</source>
        <translation>Discovery-Dokument gefunden; Anmeldung bei %1.</translation>
    </message>
    <message>
        <source>No database URL to test.</source>
        <translation>Keine Datenbank-URL zum Testen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 schema, %Ln user(s).</source>
        <translation>
            <numerusform>%1-Schema, %Ln Benutzer.</numerusform>
            <numerusform>%1-Schema, %Ln Benutzer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileEditor</name>
    <message>
        <source>Edit Profile “%1”</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. produktion</translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change; add a new profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Separated by spaces; must include openid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Datenbank-URL</translation>
    </message>
    <message>
        <source>No password here: it is read from PGPASSWORD or ~/.pgpass.</source>
        <translation>Kein Passwort hier: Es wird aus PGPASSWORD oder ~/.pgpass gelesen.</translation>
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
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>&amp;Aussteller-URL:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>&amp;Database URL:</source>
        <translation>&amp;Datenbank-URL:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Check the issuer&apos;s discovery document and the database as typed, without saving</source>
        <translation>Discovery-Dokument des Ausstellers und die Datenbank wie eingegeben prüfen, ohne zu speichern</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Testing the issuer and the database…</source>
        <translation>Aussteller und Datenbank werden getestet…</translation>
    </message>
    <message>
        <source>✓ %1: %2</source>
        <translation>✓ %1: %2</translation>
    </message>
    <message>
        <source>✗ %1: %2</source>
        <translation>✗ %1: %2</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>The test could not run: %1</source>
        <translation>Der Test konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>The profile was saved, but could not become the default: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rolecall::ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>No profiles yet. Add one: issuer URL, client ID and database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles</source>
        <translation>Keine Profile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Set as &amp;Default</source>
        <translation>Als &amp;Standard festlegen</translation>
    </message>
    <message>
        <source>Set as default profile</source>
        <translation>Als Standardprofil festlegen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
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
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
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
        <translation>Mit %1 anmelden</translation>
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
        <translation>Abbrechen</translation>
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
    <name>rolecall::TableScreen</name>
    <message>
        <source>Not available for this schema: %1 databases have no roles.</source>
        <translation>Für dieses Schema nicht verfügbar: %1-Datenbanken haben keine Rollen.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Load the table again from the database</source>
        <translation>Die Tabelle neu aus der Datenbank laden</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Save the rows loaded in the table, with its filters, as CSV</source>
        <translation>Die geladenen Zeilen der Tabelle mit ihren Filtern als CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>Ausgewählte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersTableModel</name>
    <message>
        <source>No active role</source>
        <translation>Keine aktive Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation>Clerk-ID</translation>
    </message>
    <message>
        <source>Active roles</source>
        <translation>Aktive Rollen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
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
