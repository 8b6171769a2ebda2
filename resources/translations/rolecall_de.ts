<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No browser could be opened.</source>
        <translation>Es konnte kein Browser geöffnet werden.</translation>
    </message>
    <message>
        <source>The secret key (sk_live_… or sk_test_…, from the Clerk Dashboard under API keys) grants full access to your Clerk instance&apos;s Backend API: it can read, change and delete every user. Rolecall only reads the user list with it and keeps it in the OS keychain, never in settings or logs.</source>
        <translation>Der Geheimschlüssel (sk_live_… oder sk_test_…, im Clerk Dashboard unter „API keys“) gewährt vollen Zugriff auf die Backend API Ihrer Clerk-Instanz: Damit lässt sich jeder Benutzer lesen, ändern und löschen. Rolecall liest damit nur die Benutzerliste und bewahrt ihn im Schlüsselbund des Betriebssystems auf, niemals in Einstellungen oder Logdateien.</translation>
    </message>
    <message>
        <source>Profile %1 has no Clerk secret key. %2 Enter it under Account ▸ Profiles… ▸ Edit, or store it with: rolecallctl profiles set-secret %1 clerk-secret-key (it reads the key from standard input).</source>
        <translation>Das Profil %1 hat keinen Clerk-Geheimschlüssel. %2 Geben Sie ihn unter Konto ▸ Profile… ▸ Bearbeiten ein oder speichern Sie ihn mit: rolecallctl profiles set-secret %1 clerk-secret-key (der Befehl liest den Schlüssel von der Standardeingabe).</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Read-only: changing users needs a signed-in active ADMIN of this database.</source>
        <translation>Nur lesen: Zum Ändern von Benutzern ist ein angemeldeter aktiver ADMIN dieser Datenbank erforderlich.</translation>
    </message>
</context>
<context>
    <name>RoleDialogs</name>
    <message>
        <source>A reason is required.</source>
        <translation>Ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are allowed.</source>
        <translation>Der Grund ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The admin notes are %1 characters long; at most %2 are allowed.</source>
        <translation>Die Admin-Notizen sind %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Admin notes</source>
        <translation>Admin-Notizen</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Endet am</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>rolecall::AboutDialog</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the macOS login keychain</source>
        <translation>der macOS-Anmeldeschlüsselbund</translation>
    </message>
    <message>
        <source>the Secret Service (GNOME Keyring or KWallet)</source>
        <translation>der Secret Service (GNOME Keyring oder KWallet)</translation>
    </message>
    <message>
        <source>About Rolecall</source>
        <translation>Über Rolecall</translation>
    </message>
    <message>
        <source>Admin console for Clerk users and their role grants in PostgreSQL.</source>
        <translation>Verwaltungskonsole für Clerk-Benutzer und ihre Rollenzuweisungen in PostgreSQL.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>commit %1, %2 build, %3</source>
        <translation>Commit %1, %2-Build, %3</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built against %2)</source>
        <translation>%1 (gebaut gegen %2)</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation>QtKeychain</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Not yet chosen</source>
        <translation>Noch nicht gewählt</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Window layout</source>
        <translation>Fensteranordnung</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>service &quot;rolecall&quot; in %1: one session and one Clerk secret key per profile</source>
        <translation>Dienst „rolecall“ in %1: eine Sitzung und ein geheimer Clerk-Schlüssel je Profil</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>standard error only; no log file is written</source>
        <translation>nur die Standardfehlerausgabe; es wird keine Protokolldatei geschrieben</translation>
    </message>
    <message>
        <source>Uninstalling leaves these settings and keychain entries in place. &lt;code&gt;rolecallctl profiles remove --all --yes&lt;/code&gt; deletes them.</source>
        <translation>Eine Deinstallation lässt diese Einstellungen und Schlüsselbundeinträge bestehen. &lt;code&gt;rolecallctl profiles remove --all --yes&lt;/code&gt; löscht sie.</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
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
        <translation>Ihre Rollen konnten nicht gelesen werden; die Konsole ist daher schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Your roles are still being checked; the console is read-only until then.</source>
        <translation>Ihre Rollen werden noch geprüft; bis dahin ist die Konsole schreibgeschützt.</translation>
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
        <translation>Clerk-Benutzer %1 bei %2</translation>
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
    <message>
        <source>Aud&amp;it</source>
        <translation>Aud&amp;it</translation>
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
    <name>rolecall::BulkGrantDialog</name>
    <message>
        <source>Bulk Grant</source>
        <translation>Sammelzuweisung</translation>
    </message>
    <message>
        <source>The %1 selected users</source>
        <translation>Die %1 ausgewählten Benutzer</translation>
    </message>
    <message>
        <source>Grant to the selected users</source>
        <translation>Den ausgewählten Benutzern zuweisen</translation>
    </message>
    <message>
        <source>Every user matching the filter: %1</source>
        <translation>Alle Benutzer, die zum Filter passen: %1</translation>
    </message>
    <message>
        <source>Grant to every user matching the filter</source>
        <translation>Allen Benutzern zuweisen, die zum Filter passen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>The grants end</source>
        <translation>Die Zuweisungen enden</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <source>Why these people get the role (required)</source>
        <translation>Warum diese Personen die Rolle erhalten (erforderlich)</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Preview to see who changes before anything is written.</source>
        <translation>Prüfen Sie in der Vorschau, wer betroffen ist, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <source>Preview summary</source>
        <translation>Zusammenfassung der Vorschau</translation>
    </message>
    <message>
        <source>Who changes and who already has the role</source>
        <translation>Wer betroffen ist und wer die Rolle bereits hat</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>This database has no roles to grant.</source>
        <translation>Diese Datenbank hat keine Rollen, die zugewiesen werden können.</translation>
    </message>
    <message>
        <source>The end (%1) must come after the start (%2).</source>
        <translation>Das Ende (%1) muss nach dem Beginn (%2) liegen.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>The inputs changed: preview again before applying.</source>
        <translation>Die Eingaben haben sich geändert: Prüfen Sie vor dem Anwenden erneut die Vorschau.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Checking who would change…</source>
        <translation>Es wird geprüft, wer betroffen wäre…</translation>
    </message>
    <message>
        <source>%1 will get %2; %3 already have it; %4 matched nobody.</source>
        <translation>%1 erhalten %2; %3 haben die Rolle bereits; %4 ohne Treffer.</translation>
    </message>
    <message>
        <source>    … and %1 more</source>
        <translation>    … und %1 weitere</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Will get %1:</source>
        <translation>Erhalten %1:</translation>
    </message>
    <message>
        <source>Already have %1 (unchanged):</source>
        <translation>Haben %1 bereits (unverändert):</translation>
    </message>
    <message>
        <source>Matched nobody:</source>
        <translation>Ohne Treffer:</translation>
    </message>
    <message>
        <source>Granted %1 to %2 users; %3 already had it. Nothing else changed.</source>
        <translation>%1 an %2 Benutzer zugewiesen; %3 hatten die Rolle bereits. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>rolecall::ClerkApiClient</name>
    <message>
        <source>No Clerk secret key: store one with &apos;rolecallctl profiles set-secret NAME clerk-secret-key&apos;.</source>
        <translation>Kein Clerk-Geheimschlüssel: Speichern Sie einen mit „rolecallctl profiles set-secret NAME clerk-secret-key“.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Clerk&apos;s /users/count answer has no total_count.</source>
        <translation>Die Antwort von Clerk auf /users/count enthält kein total_count.</translation>
    </message>
    <message>
        <source>Clerk&apos;s users list could not be read: %1.</source>
        <translation>Die Benutzerliste von Clerk konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>GET %1 timed out after %2 s</source>
        <translation>GET %1: Zeitüberschreitung nach %2 s</translation>
    </message>
    <message>
        <source>Clerk&apos;s rate limit was reached (429)</source>
        <translation>Das Ratenlimit von Clerk wurde erreicht (429)</translation>
    </message>
    <message>
        <source>Clerk answered %1</source>
        <translation>Clerk antwortete mit %1</translation>
    </message>
    <message>
        <source>GET %1 failed: %2</source>
        <translation>GET %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Clerk refused GET %1 with %2</source>
        <translation>Clerk hat GET %1 mit %2 abgelehnt</translation>
    </message>
    <message>
        <source>. Check the profile&apos;s Clerk secret key and Clerk API URL.</source>
        <translation>. Prüfen Sie den Clerk-Geheimschlüssel und die Clerk-API-URL des Profils.</translation>
    </message>
    <message>
        <source>%1; gave up after %2 attempts.</source>
        <translation>%1; nach %2 Versuchen aufgegeben.</translation>
    </message>
</context>
<context>
    <name>rolecall::ConsoleController</name>
    <message>
        <source>Rolecall — %1</source>
        <translation>Rolecall — %1</translation>
    </message>
    <message>
        <source>Clerk secret key for profile %1 kept in the OS keychain.</source>
        <translation>Clerk-Geheimschlüssel für Profil %1 im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>The Clerk secret key was not stored: %1</source>
        <translation>Der Clerk-Geheimschlüssel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>rolecall::CsvSave</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>rolecall::DataScreen</name>
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
        <translation>Ko&amp;pieren</translation>
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
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>rolecall::EndGrantDialog</name>
    <message>
        <source>End Grant</source>
        <translation>Zuweisung beenden</translation>
    </message>
    <message>
        <source>End %1&apos;s %2 grant now?</source>
        <translation>Die %2-Zuweisung von %1 jetzt beenden?</translation>
    </message>
    <message>
        <source>Grant to end</source>
        <translation>Zu beendende Zuweisung</translation>
    </message>
    <message>
        <source>Why the grant ends (required)</source>
        <translation>Warum die Zuweisung endet (erforderlich)</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>I understand this ends my own ADMIN role</source>
        <translation>Mir ist bewusst, dass dies meine eigene ADMIN-Rolle beendet</translation>
    </message>
    <message>
        <source>Confirm ending my own ADMIN role</source>
        <translation>Beenden meiner eigenen ADMIN-Rolle bestätigen</translation>
    </message>
    <message>
        <source>&amp;End Grant</source>
        <translation>Zuweisung &amp;beenden</translation>
    </message>
    <message>
        <source>End grant</source>
        <translation>Zuweisung beenden</translation>
    </message>
    <message>
        <source>This ends your own ADMIN role: tick the box to confirm.</source>
        <translation>Dies beendet Ihre eigene ADMIN-Rolle: Setzen Sie zur Bestätigung das Häkchen.</translation>
    </message>
    <message>
        <source>A reason</source>
        <translation>Ein Grund</translation>
    </message>
</context>
<context>
    <name>rolecall::GrantRoleDialog</name>
    <message>
        <source>Grant Role</source>
        <translation>Rolle zuweisen</translation>
    </message>
    <message>
        <source>Grant a role to %1 (%2)</source>
        <translation>%1 (%2) eine Rolle zuweisen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Leave as it is to start the grant now.</source>
        <translation>Unverändert lassen, damit die Zuweisung sofort beginnt.</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>The grant ends</source>
        <translation>Die Zuweisung endet</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <source>Why this person gets the role (required)</source>
        <translation>Warum diese Person die Rolle erhält (erforderlich)</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation>Was geschrieben wird</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>This database has no roles to grant.</source>
        <translation>Diese Datenbank hat keine Rollen, die zugewiesen werden können.</translation>
    </message>
    <message>
        <source>The end (%1) must come after the start (%2).</source>
        <translation>Das Ende (%1) muss nach dem Beginn (%2) liegen.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>with no end</source>
        <translation>ohne Ende</translation>
    </message>
    <message>
        <source>Will write: %1 gets %2 from %3 %4, granted by %5.</source>
        <translation>Wird geschrieben: %1 erhält %2 ab %3 %4, zugewiesen von %5.</translation>
    </message>
</context>
<context>
    <name>rolecall::GrantTimelineModel</name>
    <message>
        <source>an unknown admin</source>
        <translation>einem unbekannten Admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>starts later</source>
        <translation>beginnt später</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>From %1 until %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <source>From %1, open-ended</source>
        <translation>Ab %1, unbefristet</translation>
    </message>
    <message>
        <source>Granted by %1 on %2 (no reason given)</source>
        <translation>Zugewiesen von %1 am %2 (ohne Angabe eines Grundes)</translation>
    </message>
    <message>
        <source>Granted by %1 on %2: %3</source>
        <translation>Zugewiesen von %1 am %2: %3</translation>
    </message>
    <message>
        <source>Ended on %1 by %2: %3</source>
        <translation>Beendet am %1 von %2: %3</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notizen: %1</translation>
    </message>
    <message>
        <source>Ended by %1: %2</source>
        <translation>Beendet von %1: %2</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>kein Grund erfasst</translation>
    </message>
    <message>
        <source>Switched off (isActive cleared) on %1</source>
        <translation>Am %1 abgeschaltet (isActive zurückgesetzt)</translation>
    </message>
    <message>
        <source>Expired at its end date</source>
        <translation>Zum Enddatum abgelaufen</translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation>Zuweisung %1</translation>
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
    <message>
        <source>&amp;Grants</source>
        <translation>Zu&amp;weisungen</translation>
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
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user@host:port/database?sslmode=require).
Leave the password out: it is read from PGPASSWORD or ~/.pgpass.</source>
        <translation>PostgreSQL-URL (postgresql://benutzer@host:port/datenbank?sslmode=require).
Ohne Passwort: Es wird aus PGPASSWORD oder ~/.pgpass gelesen.</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Users loaded</source>
        <translation>Geladene Benutzer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Nur lesen: %1</translation>
    </message>
    <message>
        <source>Read-only: sign in as an active ADMIN to change roles.</source>
        <translation>Nur lesen: Melden Sie sich als aktiver ADMIN an, um Rollen zu ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) so far, counting…</source>
        <translation>
            <numerusform>Bisher %Ln Benutzer, Zählung läuft…</numerusform>
            <numerusform>Bisher %Ln Benutzer, Zählung läuft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Rolecall</source>
        <translation>Ü&amp;ber Rolecall</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>rolecall::MessageBanner</name>
    <message>
        <source>Act on the message</source>
        <translation>Auf die Meldung reagieren</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>rolecall::OverviewScreen</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
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
        <source>&amp;Overview</source>
        <translation>Über&amp;sicht</translation>
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
        <translation>Der Name eines Profils kann nicht geändert werden; fügen Sie stattdessen ein neues Profil hinzu.</translation>
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
        <translation>Durch Leerzeichen getrennt; muss openid enthalten.</translation>
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
        <translation>Hinweis zur Datenbank-URL</translation>
    </message>
    <message>
        <source>Make this the &amp;default profile</source>
        <translation>Als Standardprofil &amp;festlegen</translation>
    </message>
    <message>
        <source>Make this the default profile</source>
        <translation>Als Standardprofil festlegen</translation>
    </message>
    <message>
        <source>This is the default profile. To change that, make another profile the default.</source>
        <translation>Dies ist das Standardprofil. Um das zu ändern, legen Sie ein anderes Profil als Standard fest.</translation>
    </message>
    <message>
        <source>The first profile is always the default.</source>
        <translation>Das erste Profil ist immer das Standardprofil.</translation>
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
        <translation>Das Profil wurde gespeichert, konnte aber nicht als Standard festgelegt werden: %1</translation>
    </message>
    <message>
        <source>Clerk API URL</source>
        <translation>Clerk-API-URL</translation>
    </message>
    <message>
        <source>Clerk&apos;s Backend API, for the Sync screen. Empty: %1</source>
        <translation>Backend API von Clerk, für die Sync-Ansicht. Leer: %1</translation>
    </message>
    <message>
        <source>Clerk secret key</source>
        <translation>Clerk-Geheimschlüssel</translation>
    </message>
    <message>
        <source>unchanged (type a new key to replace it)</source>
        <translation>unverändert (zum Ersetzen einen neuen Schlüssel eingeben)</translation>
    </message>
    <message>
        <source>Only for the Sync screen. %1</source>
        <translation>Nur für die Sync-Ansicht. %1</translation>
    </message>
    <message>
        <source>Clerk secret key hint</source>
        <translation>Hinweis zum Clerk-Geheimschlüssel</translation>
    </message>
    <message>
        <source>Cl&amp;erk API URL:</source>
        <translation>Cl&amp;erk-API-URL:</translation>
    </message>
    <message>
        <source>Clerk secret &amp;key:</source>
        <translation>Clerk-&amp;Geheimschlüssel:</translation>
    </message>
    <message>
        <source>That is not a Clerk secret key: those start with sk_test_ or sk_live_ (a publishable key, pk_…, grants nothing). Nothing was saved.</source>
        <translation>Das ist kein Clerk-Geheimschlüssel: Diese beginnen mit sk_test_ oder sk_live_ (ein Publishable Key, pk_…, gewährt keinen Zugriff). Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>rolecall::ProfileSyncService</name>
    <message>
        <source>Clerk at %1, database %2</source>
        <translation>Clerk unter %1, Datenbank %2</translation>
    </message>
    <message>
        <source>The Clerk secret key could not be read from the keychain: %1</source>
        <translation>Der Clerk-Geheimschlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
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
        <translation>Noch keine Profile. Fügen Sie eines hinzu: Aussteller-URL, Client-ID und Datenbank.</translation>
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
        <translation>%1, Aussteller %2</translation>
    </message>
    <message>
        <source>Remove the profile “%1”?

Its saved sign-in session is removed from the keychain too. The database is not touched.</source>
        <translation>Das Profil „%1“ entfernen?

Seine gespeicherte Anmeldesitzung wird ebenfalls aus dem Schlüsselbund entfernt. Die Datenbank bleibt unverändert.</translation>
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
        <translation>Rolecall öffnet Ihren Webbrowser zur Anmeldung bei %1. Nur ein aktiver ADMIN kann Rollen ändern; alle anderen erhalten eine schreibgeschützte Konsole.</translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation>Zur Anmeldung</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>If no browser opened, copy this link into one.</source>
        <translation>Falls sich kein Browser geöffnet hat, kopieren Sie diesen Link in einen Browser.</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open &amp;Again</source>
        <translation>&amp;Erneut öffnen</translation>
    </message>
    <message>
        <source>Open the link in the browser again</source>
        <translation>Den Link erneut im Browser öffnen</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Choose Another &amp;Profile…</source>
        <translation>Anderes &amp;Profil wählen…</translation>
    </message>
    <message>
        <source>Choose another profile</source>
        <translation>Anderes Profil wählen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The system keychain is not available: you stay signed in only until Rolecall quits.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: Sie bleiben nur angemeldet, bis Rolecall beendet wird.</translation>
    </message>
    <message>
        <source>Looking for a saved session…</source>
        <translation>Gespeicherte Sitzung wird gesucht…</translation>
    </message>
    <message>
        <source>Finish signing in in your browser.</source>
        <translation>Schließen Sie die Anmeldung in Ihrem Browser ab.</translation>
    </message>
    <message>
        <source>Checking the sign-in…</source>
        <translation>Anmeldung wird geprüft…</translation>
    </message>
    <message>
        <source>Stop this sign-in attempt</source>
        <translation>Diesen Anmeldeversuch abbrechen</translation>
    </message>
    <message>
        <source>Close without signing in</source>
        <translation>Ohne Anmeldung schließen</translation>
    </message>
    <message>
        <source>Link copied. Paste it into your browser&apos;s address bar.</source>
        <translation>Link kopiert. Fügen Sie ihn in die Adressleiste Ihres Browsers ein.</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncActionDialog</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>People to act on: %1. A dry run checks each one first and writes nothing; Apply then writes each person in its own transaction, recorded in the audit trail. Nothing is deleted.</source>
        <translation>Betroffene Personen: %1. Ein Probelauf prüft zuerst jede einzeln und schreibt nichts; „Anwenden“ schreibt dann jede Person in einer eigenen Transaktion und erfasst sie im Audit-Protokoll. Es wird nichts gelöscht.</translation>
    </message>
    <message>
        <source>What this action does</source>
        <translation>Was diese Aktion bewirkt</translation>
    </message>
    <message>
        <source>Reason for ending the grants</source>
        <translation>Grund für das Beenden der Zuweisungen</translation>
    </message>
    <message>
        <source>Why these grants end (recorded)</source>
        <translation>Warum diese Zuweisungen enden (wird erfasst)</translation>
    </message>
    <message>
        <source>Outcome per person</source>
        <translation>Ergebnis je Person</translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation>Clerk-ID</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Action progress</source>
        <translation>Fortschritt der Aktion</translation>
    </message>
    <message>
        <source>Action summary</source>
        <translation>Zusammenfassung der Aktion</translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation>Vorschau (Probelauf)</translation>
    </message>
    <message>
        <source>Apply the changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Give a reason, then preview.</source>
        <translation>Geben Sie einen Grund an und prüfen Sie dann die Vorschau.</translation>
    </message>
    <message>
        <source>Previewing (dry run)…</source>
        <translation>Vorschau wird erstellt (Probelauf)…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>The sync service is gone (the profile was closed).</source>
        <translation>Der Sync-Dienst ist nicht mehr verfügbar (das Profil wurde geschlossen).</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message>
        <source>Would create</source>
        <translation>Würde erstellt</translation>
    </message>
    <message>
        <source>Would change</source>
        <translation>Würde geändert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Would: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dry run: %1 of %2 would change, %3 failed. Nothing was written; Apply writes the %1.</source>
        <translation>Probelauf: %1 von %2 würden geändert, %3 fehlgeschlagen. Es wurde nichts geschrieben; „Anwenden“ schreibt die %1.</translation>
    </message>
    <message>
        <source>Done: %1 changed, %2 failed (see the table).</source>
        <translation>Fertig: %1 geändert, %2 fehlgeschlagen (siehe Tabelle).</translation>
    </message>
    <message>
        <source>Not tried</source>
        <translation>Nicht versucht</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2: the database refused this account (see the table), and would refuse it for everyone else.</source>
        <translation>Nach %1 von %2 angehalten: Die Datenbank hat dieses Konto abgelehnt (siehe Tabelle) und würde es für alle anderen ebenso ablehnen.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n geändert.</numerusform>
            <numerusform>%n geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rolecall::SyncCountsBar</name>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Show only this status in the table</source>
        <translation>Nur diesen Status in der Tabelle anzeigen</translation>
    </message>
    <message>
        <source>Everyone %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncDiffPane</name>
    <message>
        <source>Selected person</source>
        <translation>Ausgewählte Person</translation>
    </message>
    <message>
        <source>Differences of the selected person</source>
        <translation>Unterschiede der ausgewählten Person</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Select a person to see what differs.</source>
        <translation>Wählen Sie eine Person aus, um die Unterschiede zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) selected.</source>
        <translation>
            <numerusform>%n Person ausgewählt.</numerusform>
            <numerusform>%n Personen ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;In Clerk, never synced: no database row.</source>
        <translation>&lt;br&gt;In Clerk, nie synchronisiert: keine Datenbankzeile.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Database row %1 has no Clerk user any more.</source>
        <translation>&lt;br&gt;Zur Datenbankzeile %1 gibt es keinen Clerk-Benutzer mehr.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Clerk&apos;s email already belongs to database row %1 (Clerk ID %2): a sync would break the unique email.</source>
        <translation>&lt;br&gt;Die E-Mail aus Clerk gehört bereits zur Datenbankzeile %1 (Clerk-ID %2): Eine Synchronisierung würde die Eindeutigkeit der E-Mail verletzen.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Made through the password sign-in: no Clerk user, not an orphan.</source>
        <translation>&lt;br&gt;Über die Passwort-Anmeldung angelegt: kein Clerk-Benutzer, nicht verwaist.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Database row %1.</source>
        <translation>&lt;br&gt;Datenbankzeile %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Never had the default role (LEARNER).</source>
        <translation>&lt;br&gt;Hatte nie die Standardrolle (LEARNER).</translation>
    </message>
    <message>
        <source>&lt;br&gt;Had the default role (LEARNER); none active now.</source>
        <translation>&lt;br&gt;Hatte die Standardrolle (LEARNER); derzeit keine aktiv.</translation>
    </message>
    <message>
        <source>&lt;br&gt;No field differs.</source>
        <translation>&lt;br&gt;Kein Feld weicht ab.</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncRun</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncScreen</name>
    <message>
        <source>&amp;Start</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Cop&amp;y rows</source>
        <translation>Zeilen ko&amp;pieren</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sync-Status</translation>
    </message>
    <message>
        <source>Compared sources</source>
        <translation>Verglichene Quellen</translation>
    </message>
    <message>
        <source>No Clerk instance to compare with: open a profile with a database.</source>
        <translation>Keine Clerk-Instanz zum Vergleichen: Öffnen Sie ein Profil mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Start a sync status run</source>
        <translation>Sync-Status-Lauf starten</translation>
    </message>
    <message>
        <source>Compare every Clerk user with the database</source>
        <translation>Jeden Clerk-Benutzer mit der Datenbank vergleichen</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>Fortschritt des Laufs</translation>
    </message>
    <message>
        <source>Run state</source>
        <translation>Status des Laufs</translation>
    </message>
    <message>
        <source>Sync message</source>
        <translation>Sync-Meldung</translation>
    </message>
    <message>
        <source>Search sync status</source>
        <translation>Sync-Status durchsuchen</translation>
    </message>
    <message>
        <source>Search Clerk ID, email or name</source>
        <translation>Clerk-ID, E-Mail oder Name suchen</translation>
    </message>
    <message>
        <source>Export the shown rows as CSV</source>
        <translation>Die angezeigten Zeilen als CSV exportieren</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Die ausgewählten Zeilen kopieren</translation>
    </message>
    <message>
        <source>People and their sync status</source>
        <translation>Personen und ihr Sync-Status</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <source>S&amp;ync selected</source>
        <translation>Auswa&amp;hl synchronisieren</translation>
    </message>
    <message>
        <source>Sync all &amp;missing</source>
        <translation>Alle &amp;fehlenden synchronisieren</translation>
    </message>
    <message>
        <source>Sync all &amp;drifted</source>
        <translation>Alle abw&amp;eichenden synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Grant default role</source>
        <translation>Standardrolle &amp;zuweisen</translation>
    </message>
    <message>
        <source>Sync the selected people from Clerk</source>
        <translation>Die ausgewählten Personen aus Clerk synchronisieren</translation>
    </message>
    <message>
        <source>Sync every user missing in the database</source>
        <translation>Alle in der Datenbank fehlenden Benutzer synchronisieren</translation>
    </message>
    <message>
        <source>Sync every drifted user</source>
        <translation>Alle abweichenden Benutzer synchronisieren</translation>
    </message>
    <message>
        <source>Grant the default role to the selected people</source>
        <translation>Den ausgewählten Personen die Standardrolle zuweisen</translation>
    </message>
    <message>
        <source>End all active grants of the selected orphans</source>
        <translation>Alle aktiven Zuweisungen der ausgewählten verwaisten Personen beenden</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Noch nicht gelaufen</translation>
    </message>
    <message>
        <source>Reading the Clerk secret key…</source>
        <translation>Clerk-Geheimschlüssel wird gelesen…</translation>
    </message>
    <message>
        <source>Loading the database and the first Clerk page…</source>
        <translation>Datenbank und erste Clerk-Seite werden geladen…</translation>
    </message>
    <message>
        <source>Compared %1 of %2 Clerk users</source>
        <translation>%1 von %2 Clerk-Benutzern verglichen</translation>
    </message>
    <message>
        <source>Compared %1 Clerk users</source>
        <translation>%1 Clerk-Benutzer verglichen</translation>
    </message>
    <message>
        <source>Done: %1 Clerk users, %2 database rows</source>
        <translation>Fertig: %1 Clerk-Benutzer, %2 Datenbankzeilen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>The sync status run did not complete: %1 The rows shown are what came in before; nobody is called orphaned until every Clerk page is in.</source>
        <translation>Der Sync-Status-Lauf wurde nicht abgeschlossen: %1 Die angezeigten Zeilen sind die bis dahin eingegangenen; niemand gilt als verwaist, bevor alle Clerk-Seiten geladen sind.</translation>
    </message>
    <message>
        <source>Available once a run has compared everyone.</source>
        <translation>Verfügbar, sobald ein Lauf alle verglichen hat.</translation>
    </message>
    <message>
        <source>Select people who are missing, drifted or in an email conflict first.</source>
        <translation>Wählen Sie zuerst Personen aus, die fehlen, abweichen oder einen E-Mail-Konflikt haben.</translation>
    </message>
    <message>
        <source>Grant the default role (LEARNER)</source>
        <translation>Standardrolle (LEARNER) zuweisen</translation>
    </message>
    <message>
        <source>Select people in the database without the default role first.</source>
        <translation>Wählen Sie zuerst Personen in der Datenbank ohne Standardrolle aus.</translation>
    </message>
    <message>
        <source>Select orphaned people first.</source>
        <translation>Wählen Sie zuerst verwaiste Personen aus.</translation>
    </message>
    <message>
        <source>Export sync status</source>
        <translation>Sync-Status exportieren</translation>
    </message>
    <message>
        <source>End grants of &amp;orphans…</source>
        <translation>Zuweisungen &amp;verwaister Personen beenden…</translation>
    </message>
    <message>
        <source>Nobody has the status “%1”.</source>
        <translation>Niemand hat den Status „%1“.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncStatusBadge</name>
    <message>
        <source>Sync status of this user</source>
        <translation>Sync-Status dieses Benutzers</translation>
    </message>
    <message>
        <source>Sync: no Clerk ID</source>
        <translation>Sync: keine Clerk-ID</translation>
    </message>
    <message>
        <source>Sync: not checked (run Sync status)</source>
        <translation>Sync: nicht geprüft (Sync-Status ausführen)</translation>
    </message>
    <message>
        <source>The Sync screen compares Clerk with the database.</source>
        <translation>Die Sync-Ansicht vergleicht Clerk mit der Datenbank.</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Sync: %1</translation>
    </message>
</context>
<context>
    <name>rolecall::SyncStatusModel</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>email held by %1</source>
        <translation>E-Mail gehört zu %1</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Missing in database</source>
        <translation>Fehlt in der Datenbank</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>Drifted</source>
        <translation>Abweichend</translation>
    </message>
    <message>
        <source>No default role</source>
        <translation>Keine Standardrolle</translation>
    </message>
    <message>
        <source>Email conflict</source>
        <translation>E-Mail-Konflikt</translation>
    </message>
    <message>
        <source>Password account</source>
        <translation>Passwortkonto</translation>
    </message>
    <message>
        <source>, no default role</source>
        <translation>, keine Standardrolle</translation>
    </message>
    <message>
        <source>Clerk ID</source>
        <translation>Clerk-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Differences (database → Clerk)</source>
        <translation>Unterschiede (Datenbank → Clerk)</translation>
    </message>
    <message>
        <source>Database row</source>
        <translation>Datenbankzeile</translation>
    </message>
</context>
<context>
    <name>rolecall::TableScreen</name>
    <message>
        <source>Not available for this schema: %1 databases have no roles.</source>
        <translation>Für dieses Schema nicht verfügbar: %1-Datenbanken haben keine Rollen.</translation>
    </message>
    <message>
        <source>Load the table again from the database</source>
        <translation>Die Tabelle neu aus der Datenbank laden</translation>
    </message>
    <message>
        <source>Save the rows loaded in the table, with its filters, as CSV</source>
        <translation>Die geladenen Zeilen der Tabelle mit ihren Filtern als CSV speichern</translation>
    </message>
    <message>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollenfilter</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Jede Rolle</translation>
    </message>
</context>
<context>
    <name>rolecall::UserDetailPanel</name>
    <message>
        <source>User details</source>
        <translation>Benutzerdetails</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Active roles</source>
        <translation>Aktive Rollen</translation>
    </message>
    <message>
        <source>&amp;Grant Role…</source>
        <translation>Rolle &amp;zuweisen…</translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation>Rolle zuweisen</translation>
    </message>
    <message>
        <source>&amp;End Grant…</source>
        <translation>Zuweisung b&amp;eenden…</translation>
    </message>
    <message>
        <source>End grant</source>
        <translation>Zuweisung beenden</translation>
    </message>
    <message>
        <source>Grant history (newest first)</source>
        <translation>Zuweisungsverlauf (neueste zuerst)</translation>
    </message>
    <message>
        <source>Grant history status</source>
        <translation>Status des Zuweisungsverlaufs</translation>
    </message>
    <message>
        <source>Grant history</source>
        <translation>Zuweisungsverlauf</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Kein Benutzer ausgewählt</translation>
    </message>
    <message>
        <source>Select a user in the table to see their roles and history.</source>
        <translation>Wählen Sie einen Benutzer in der Tabelle aus, um seine Rollen und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Email: %1
Clerk ID: %2
User ID: %3
Created: %4</source>
        <translation>E-Mail: %1
Clerk-ID: %2
Benutzer-ID: %3
Erstellt: %4</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Loading the grant history…</source>
        <translation>Zuweisungsverlauf wird geladen…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Roles on %1: %2</source>
        <translation>Rollen am %1: %2</translation>
    </message>
    <message>
        <source>Active roles: %1</source>
        <translation>Aktive Rollen: %1</translation>
    </message>
    <message>
        <source>This user has never held a role.</source>
        <translation>Dieser Benutzer hatte noch nie eine Rolle.</translation>
    </message>
    <message>
        <source>Grant a role to this user</source>
        <translation>Diesem Benutzer eine Rolle zuweisen</translation>
    </message>
    <message>
        <source>End the selected grant now</source>
        <translation>Die ausgewählte Zuweisung jetzt beenden</translation>
    </message>
    <message>
        <source>Select an active or future grant in the history</source>
        <translation>Wählen Sie im Verlauf eine aktive oder künftige Zuweisung aus</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersActions</name>
    <message>
        <source>&amp;Grant Role…</source>
        <translation>Rolle &amp;zuweisen…</translation>
    </message>
    <message>
        <source>&amp;End Grant…</source>
        <translation>Zuweisung b&amp;eenden…</translation>
    </message>
    <message>
        <source>&amp;Bulk Grant…</source>
        <translation>&amp;Sammelzuweisung…</translation>
    </message>
    <message>
        <source>&amp;Export Users to CSV…</source>
        <translation>Benutzer als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>This database has no roles.</source>
        <translation>Diese Datenbank hat keine Rollen.</translation>
    </message>
    <message>
        <source>Grant a role to the selected user</source>
        <translation>Dem ausgewählten Benutzer eine Rolle zuweisen</translation>
    </message>
    <message>
        <source>End the grant selected in the history</source>
        <translation>Die im Verlauf ausgewählte Zuweisung beenden</translation>
    </message>
    <message>
        <source>Grant a role to the selection or the filter</source>
        <translation>Der Auswahl oder allen gefilterten Benutzern eine Rolle zuweisen</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersCsvExport</name>
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
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the file: %1</source>
        <translation>Die Datei kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersExportFlow</name>
    <message numerus="yes">
        <source>Exported %Ln user(s).</source>
        <translation>
            <numerusform>%Ln Benutzer exportiert.</numerusform>
            <numerusform>%Ln Benutzer exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Exporting users (%1)…</source>
        <translation>Benutzer werden exportiert (%1)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersFilterBar</name>
    <message>
        <source>Search name, email or Clerk ID</source>
        <translation>Name, E-Mail oder Clerk-ID suchen</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Only users with this role</source>
        <translation>Nur Benutzer mit dieser Rolle</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Jede Rolle</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;No role</source>
        <translation>&amp;Ohne Rolle</translation>
    </message>
    <message>
        <source>Only users without any role</source>
        <translation>Nur Benutzer ohne Rolle</translation>
    </message>
    <message>
        <source>Only users who hold no role at the instant shown</source>
        <translation>Nur Benutzer, die zum angezeigten Zeitpunkt keine Rolle haben</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>S&amp;tichtag</translation>
    </message>
    <message>
        <source>Show roles as of a past or future instant</source>
        <translation>Rollen zu einem vergangenen oder künftigen Zeitpunkt anzeigen</translation>
    </message>
    <message>
        <source>Time travel: roles and filters as they stood at this instant</source>
        <translation>Zeitreise: Rollen und Filter, wie sie zu diesem Zeitpunkt waren</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>matching &quot;%1&quot;</source>
        <translation>passend zu „%1“</translation>
    </message>
    <message>
        <source>holding %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>holding no role</source>
        <translation>ohne Rolle</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
</context>
<context>
    <name>rolecall::UsersScreen</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Read-only: only a signed-in active ADMIN may change roles.</source>
        <translation>Nur lesen: Nur ein angemeldeter aktiver ADMIN darf Rollen ändern.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Export Users</source>
        <translation>Benutzer exportieren</translation>
    </message>
    <message>
        <source>Copied %1 rows.</source>
        <translation>%1 Zeilen kopiert.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>Ben&amp;utzer</translation>
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
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>rolecall::WriteDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Wird geschrieben</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
</context>
<context>
    <name>rolecall::auth::OidcSignInService</name>
    <message>
        <source>The OS keychain did not answer; sign in again (the session will last until Rolecall closes).</source>
        <translation>Der Schlüsselbund des Betriebssystems hat nicht geantwortet; melden Sie sich erneut an (die Sitzung gilt, bis Rolecall beendet wird).</translation>
    </message>
</context>
</TS>
