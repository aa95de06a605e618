<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cotal::local::LocalMesh</name>
    <message>
        <source>Starting the local nats-server…</source>
        <translation>Lokaler nats-server wird gestartet…</translation>
    </message>
    <message>
        <source>Cannot connect to the local nats-server: %1</source>
        <translation>Keine Verbindung zum lokalen nats-server: %1</translation>
    </message>
    <message>
        <source>Provisioning the demo space…</source>
        <translation>Demo-Space wird eingerichtet…</translation>
    </message>
    <message>
        <source>Cannot provision the demo space: %1</source>
        <translation>Der Demo-Space kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>Cannot seed the demo space: %1</source>
        <translation>Der Demo-Space kann nicht befüllt werden: %1</translation>
    </message>
    <message>
        <source>Starting the delivery daemon…</source>
        <translation>Zustell-Daemon wird gestartet…</translation>
    </message>
    <message>
        <source>The delivery daemon did not start: %1</source>
        <translation>Der Zustell-Daemon ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Starting the demo agents…</source>
        <translation>Demo-Agenten werden gestartet…</translation>
    </message>
    <message>
        <source>A demo agent did not start: %1</source>
        <translation>Ein Demo-Agent ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Local demo</source>
        <translation>Lokale Demo</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>cotal::local::NatsServerLauncher</name>
    <message>
        <source>nats-server is not installed (Debian package nats-server)</source>
        <translation>nats-server ist nicht installiert (Debian-Paket nats-server)</translation>
    </message>
    <message>
        <source>nats-server could not be started: %1</source>
        <translation>nats-server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>nats-server exited before it was ready: %1</source>
        <translation>nats-server wurde beendet, bevor er bereit war: %1</translation>
    </message>
    <message>
        <source>nats-server not ready in time: %1</source>
        <translation>nats-server nicht rechtzeitig bereit: %1</translation>
    </message>
</context>
<context>
    <name>cotal::profile::CredentialIdentity</name>
    <message>
        <source>not a NATS user creds text: %1</source>
        <translation>kein NATS-Creds-Text eines Benutzers: %1</translation>
    </message>
    <message>
        <source>no creds file chosen</source>
        <translation>keine Creds-Datei gewählt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>not a user NKey seed (SU…)</source>
        <translation>kein NKey-Seed eines Benutzers (SU…)</translation>
    </message>
</context>
<context>
    <name>cotal::space::DeliveryHealth</name>
    <message>
        <source>durable backstop active</source>
        <translation>dauerhafte Zustellabsicherung aktiv</translation>
    </message>
    <message>
        <source>durable backstop unavailable — live messages still arrive; offline replay is at risk after backlog cap</source>
        <translation>dauerhafte Zustellabsicherung nicht verfügbar — Live-Nachrichten kommen weiterhin an; die Offline-Wiedergabe ist nach Erreichen der Rückstandsgrenze gefährdet</translation>
    </message>
    <message>
        <source>the delivery lease cannot be read (no delivery bucket or no read grant), so durable delivery is not reported</source>
        <translation>Die Zustell-Lease kann nicht gelesen werden (kein Zustell-Bucket oder keine Leseberechtigung), daher wird die dauerhafte Zustellung nicht gemeldet</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>nicht beigetreten</translation>
    </message>
    <message>
        <source>live channel: no durable backstop is expected</source>
        <translation>Live-Kanal: keine dauerhafte Zustellung vorgesehen</translation>
    </message>
    <message>
        <source>no delivery daemon holds the lease</source>
        <translation>kein Zustell-Daemon hält die Lease</translation>
    </message>
    <message>
        <source>the delivery daemon is starting (lease not ready)</source>
        <translation>der Zustell-Daemon startet (Lease noch nicht bereit)</translation>
    </message>
    <message>
        <source>no established durable membership: the join is still reconciling or came back not durable</source>
        <translation>keine bestehende dauerhafte Mitgliedschaft: der Beitritt wird noch abgeglichen oder kam als nicht dauerhaft zurück</translation>
    </message>
    <message>
        <source>the delivery daemon is ready and the membership is established</source>
        <translation>der Zustell-Daemon ist bereit und die Mitgliedschaft besteht</translation>
    </message>
</context>
<context>
    <name>cotal::space::SpaceAccess</name>
    <message>
        <source>The %1 credential cannot connect: %2</source>
        <translation>Die Anmeldedaten %1 können sich nicht verbinden: %2</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>die Anmeldedaten %1 dürfen %2 nicht lesen</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2 — add a %3 credential to this connection</source>
        <translation>die Anmeldedaten %1 dürfen %2 nicht lesen — fügen Sie dieser Verbindung Anmeldedaten %3 hinzu</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>open mesh</source>
        <translation>offenes Netz</translation>
    </message>
</context>
<context>
    <name>cotal::ui</name>
    <message>
        <source>Cannot prepare the NKey seed: %1</source>
        <translation>Der NKey-Seed kann nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 m %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>The credential cannot be used: %1</source>
        <translation>Die Anmeldedaten sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The %1 credential cannot be used: %2</source>
        <translation>Die Anmeldedaten %1 sind nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>The %1 credential may not write presence: the console stays invisible in this space.</source>
        <translation>Der Zugang %1 darf keine Präsenz schreiben: die Konsole bleibt in diesem Space unsichtbar.</translation>
    </message>
    <message>
        <source>The membership feed needs both its observer and its writer creds file.</source>
        <translation>Der Mitgliedschafts-Feed braucht beide Zugangsdaten-Dateien: Beobachter und Schreiber.</translation>
    </message>
    <message>
        <source>The membership feed credential cannot be used: %1</source>
        <translation>Die Zugangsdaten des Mitgliedschafts-Feeds sind nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AccessModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>ACL</source>
        <translation>ACL</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>left</source>
        <translation>verlassen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Online now.</source>
        <translation>Jetzt online.</translation>
    </message>
    <message>
        <source>Not in the roster; last seen %1.</source>
        <translation>Nicht in der Teilnehmerliste; zuletzt gesehen %1.</translation>
    </message>
    <message>
        <source>Read ACL: %1 (written %2).</source>
        <translation>Lese-ACL: %1 (geschrieben %2).</translation>
    </message>
    <message>
        <source>reads nothing</source>
        <translation>liest nichts</translation>
    </message>
    <message>
        <source>No read ACL record: the delivery daemon defers its durable copies, then drops them.</source>
        <translation>Kein Lese-ACL-Eintrag: der Zustelldienst stellt seine dauerhaften Kopien zurück und verwirft sie dann.</translation>
    </message>
    <message>
        <source>Its read ACL record does not decode: the delivery daemon treats it as unknown, defers its copies, then drops them.</source>
        <translation>Sein Lese-ACL-Eintrag ist nicht lesbar: der Zustelldienst behandelt ihn als unbekannt, stellt seine Kopien zurück und verwirft sie dann.</translation>
    </message>
    <message>
        <source>Read ACL: cannot read — %1.</source>
        <translation>Lese-ACL: nicht lesbar — %1.</translation>
    </message>
    <message>
        <source>%1 on #%2</source>
        <translation>%1 in #%2</translation>
    </message>
    <message>
        <source>ACL: cannot read — %1.</source>
        <translation>ACL: nicht lesbar — %1.</translation>
    </message>
    <message>
        <source>Covered by its read ACL through &quot;%1&quot;.</source>
        <translation>Von seiner Lese-ACL über „%1“ abgedeckt.</translation>
    </message>
    <message>
        <source>Not covered by its read ACL.</source>
        <translation>Nicht von seiner Lese-ACL abgedeckt.</translation>
    </message>
    <message>
        <source>Not covered: it has no usable read ACL record.</source>
        <translation>Nicht abgedeckt: kein verwendbarer Lese-ACL-Eintrag.</translation>
    </message>
    <message>
        <source>Subscribed live now through &quot;%1&quot;.</source>
        <translation>Jetzt live abonniert über „%1“.</translation>
    </message>
    <message>
        <source>Not subscribed live now.</source>
        <translation>Derzeit nicht live abonniert.</translation>
    </message>
    <message>
        <source>Durable: cannot read the members bucket — %1.</source>
        <translation>Dauerhaft: der Mitglieder-Bucket ist nicht lesbar — %1.</translation>
    </message>
    <message>
        <source>Durable member since %1 (generation %2, from CHAT sequence %3): gets what it missed.</source>
        <translation>Dauerhaftes Mitglied seit %1 (Generation %2, ab CHAT-Sequenz %3): erhält, was es verpasst.</translation>
    </message>
    <message>
        <source>Durable member, catch-up pending (generation %1, from CHAT sequence %2).</source>
        <translation>Dauerhaftes Mitglied, Nachholen ausstehend (Generation %1, ab CHAT-Sequenz %2).</translation>
    </message>
    <message>
        <source>Left the durable membership at CHAT sequence %1 (%2).</source>
        <translation>Dauerhafte Mitgliedschaft bei CHAT-Sequenz %1 verlassen (%2).</translation>
    </message>
    <message>
        <source>Not a durable member.</source>
        <translation>Kein dauerhaftes Mitglied.</translation>
    </message>
    <message>
        <source>Drift: it reads this channel live although its ACL does not cover it.</source>
        <translation>Abweichung: liest diesen Kanal live, obwohl seine ACL ihn nicht abdeckt.</translation>
    </message>
    <message>
        <source>Risk: a durable member its ACL no longer covers — its copies will be dropped.</source>
        <translation>Risiko: ein dauerhaftes Mitglied, das seine ACL nicht mehr abdeckt — seine Kopien werden verworfen.</translation>
    </message>
    <message>
        <source>agent id</source>
        <translation>Agenten-ID</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Stale: an ACL record for an agent not seen for more than %1 days.</source>
        <translation>Veraltet: ein ACL-Eintrag für einen Agenten, der seit mehr als %1 Tagen nicht gesehen wurde.</translation>
    </message>
    <message>
        <source>Its credential may subscribe to: %1.</source>
        <translation>Seine Berechtigung darf abonnieren: %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Its credential may subscribe to it through &quot;%1&quot;.</source>
        <translation>Seine Berechtigung darf ihn über „%1“ abonnieren.</translation>
    </message>
    <message>
        <source>Its credential may not subscribe to it: the broker refuses a live subscription (durable copies still arrive through its DLV).</source>
        <translation>Seine Berechtigung darf ihn nicht abonnieren: der Broker verweigert ein Live-Abonnement (dauerhafte Kopien kommen weiter über sein DLV an).</translation>
    </message>
    <message>
        <source>Live: not shown — %1.</source>
        <translation>Live: nicht angezeigt — %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AccessPane</name>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Agenten filtern</translation>
    </message>
    <message>
        <source>Filter roles</source>
        <translation>Rollen filtern</translation>
    </message>
    <message>
        <source>Filter channels</source>
        <translation>Kanäle filtern</translation>
    </message>
    <message>
        <source>Only &amp;problems</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>Only agents with drift or risk</source>
        <translation>Nur Agenten mit Abweichung oder Risiko</translation>
    </message>
    <message>
        <source>Agents and the channels they can read</source>
        <translation>Agenten und die Kanäle, die sie lesen können</translation>
    </message>
    <message>
        <source>ACL · live · durable</source>
        <translation>ACL · live · dauerhaft</translation>
    </message>
    <message>
        <source>&amp;Edit ACL…</source>
        <translation>ACL &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected agent&apos;s read ACL</source>
        <translation>Die Lese-ACL des gewählten Agenten bearbeiten</translation>
    </message>
    <message>
        <source>Opens the ACL editor on this agent; an uncovered channel is pre-filled as the pattern to add</source>
        <translation>Öffnet den ACL-Editor für diesen Agenten; ein nicht abgedeckter Kanal ist als hinzuzufügendes Muster vorbelegt</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the access view as CSV</source>
        <translation>Die Zugriffsansicht als CSV exportieren</translation>
    </message>
    <message>
        <source>Export &amp;picture…</source>
        <translation>&amp;Bild exportieren…</translation>
    </message>
    <message>
        <source>Export the access view as a PNG picture</source>
        <translation>Die Zugriffsansicht als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>die Berechtigung %1 darf %2 nicht lesen</translation>
    </message>
    <message>
        <source>still loading</source>
        <translation>wird noch geladen</translation>
    </message>
    <message>
        <source>Read ACLs: cannot read — %1.</source>
        <translation>Lese-ACLs: nicht lesbar — %1.</translation>
    </message>
    <message>
        <source>Durable memberships: cannot read — %1.</source>
        <translation>Dauerhafte Mitgliedschaften: nicht lesbar — %1.</translation>
    </message>
    <message>
        <source>Live uncovered: %1 · durable uncovered: %2 · stale ACLs: %3 · no ACL record: %4</source>
        <translation>Live nicht abgedeckt: %1 · dauerhaft nicht abgedeckt: %2 · veraltete ACLs: %3 · ohne ACL: %4</translation>
    </message>
    <message>
        <source>Select a cell to see why it reads as it does.</source>
        <translation>Eine Zelle wählen, um zu sehen, warum sie so lautet.</translation>
    </message>
    <message>
        <source>Export the access view</source>
        <translation>Die Zugriffsansicht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Agents: %1 · channels: %2. </source>
        <translation>Agenten: %1 · Kanäle: %2. </translation>
    </message>
    <message>
        <source>Live subscriptions: not shown — %1.</source>
        <translation>Live-Abonnements: nicht angezeigt — %1.</translation>
    </message>
    <message>
        <source>no feed daemon has written the membership feed (a delivery daemon with membership credentials does)</source>
        <translation>kein Feed-Dienst hat den Mitgliedschafts-Feed geschrieben (ein Zustelldienst mit Mitgliedschafts-Zugangsdaten tut es)</translation>
    </message>
    <message>
        <source>the membership feed is stale: its last complete poll was %1 s ago</source>
        <translation>der Mitgliedschafts-Feed ist veraltet: seine letzte vollständige Abfrage war vor %1 s</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclBulkEditor</name>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>no ACL registry</source>
        <translation>keine ACL-Registry</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>festgeschrieben</translation>
    </message>
    <message>
        <source>conflict — changed meanwhile, not written</source>
        <translation>Konflikt — zwischenzeitlich geändert, nicht geschrieben</translation>
    </message>
    <message>
        <source>not written</source>
        <translation>nicht geschrieben</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclConflictDialog</name>
    <message>
        <source>ACL changed meanwhile</source>
        <translation>ACL zwischenzeitlich geändert</translation>
    </message>
    <message>
        <source>The read ACL of %1 was changed by someone else after you read it (you read revision %2; revision %3 is stored). Nothing was written.</source>
        <translation>Die Lese-ACL von %1 wurde von jemand anderem geändert, nachdem Sie sie gelesen haben (gelesen: Revision %2; gespeichert ist Revision %3). Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Jetzt gespeichert</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>(reads nothing)</source>
        <translation>(liest nichts)</translation>
    </message>
    <message>
        <source>Re-applying your change on top of theirs would store: %1</source>
        <translation>Ihre Änderung erneut auf deren Version angewendet würde Folgendes speichern: %1</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>Deren Version &amp;neu laden</translation>
    </message>
    <message>
        <source>Reload the stored version and drop my change</source>
        <translation>Gespeicherte Version neu laden und meine Änderung verwerfen</translation>
    </message>
    <message>
        <source>Re-&amp;apply my change</source>
        <translation>Meine Änderung erneut &amp;anwenden</translation>
    </message>
    <message>
        <source>Re-apply my change on top of the stored version</source>
        <translation>Meine Änderung erneut auf die gespeicherte Version anwenden</translation>
    </message>
    <message>
        <source>same patterns, different order</source>
        <translation>gleiche Muster, andere Reihenfolge</translation>
    </message>
    <message>
        <source>the stored record is gone</source>
        <translation>der gespeicherte Eintrag ist verschwunden</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclEditController</name>
    <message>
        <source>no ACL registry</source>
        <translation>keine ACL-Registry</translation>
    </message>
    <message>
        <source>an empty pattern matches no channel</source>
        <translation>ein leeres Muster passt auf keinen Kanal</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>„%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; covers the channels below &quot;%2&quot; but not &quot;%2&quot; itself; add &quot;%2&quot; to read it too</source>
        <translation>„%1“ deckt die Kanäle unterhalb von „%2“ ab, aber nicht „%2“ selbst; fügen Sie „%2“ hinzu, um ihn ebenfalls zu lesen</translation>
    </message>
    <message>
        <source>no owner is loaded</source>
        <translation>kein Besitzer geladen</translation>
    </message>
    <message>
        <source>a write is already in flight</source>
        <translation>es läuft bereits ein Schreibvorgang</translation>
    </message>
    <message>
        <source>pattern %1 (&quot;%2&quot;): %3</source>
        <translation>Muster %1 („%2“): %3</translation>
    </message>
    <message>
        <source>the edit equals the stored record</source>
        <translation>die Bearbeitung entspricht dem gespeicherten Eintrag</translation>
    </message>
    <message>
        <source>there is no conflict to resolve</source>
        <translation>es gibt keinen Konflikt aufzulösen</translation>
    </message>
    <message>
        <source>%1 has no record to delete</source>
        <translation>%1 hat keinen Eintrag zum Löschen</translation>
    </message>
    <message>
        <source>this console has made no ACL write to undo</source>
        <translation>diese Konsole hat keinen ACL-Schreibvorgang zum Rückgängigmachen ausgeführt</translation>
    </message>
    <message>
        <source>nothing to restore</source>
        <translation>nichts wiederherzustellen</translation>
    </message>
    <message>
        <source>the record of %1 changed since it was read; nothing was deleted</source>
        <translation>der Eintrag von %1 hat sich seit dem Lesen geändert; es wurde nichts gelöscht</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclEditorPane</name>
    <message>
        <source>(no record)</source>
        <translation>(kein Eintrag)</translation>
    </message>
    <message>
        <source>(reads nothing)</source>
        <translation>(liest nichts)</translation>
    </message>
    <message>
        <source>Read ACLs</source>
        <translation>Lese-ACLs</translation>
    </message>
    <message>
        <source>Read ACLs by owner</source>
        <translation>Lese-ACLs nach Besitzer</translation>
    </message>
    <message>
        <source>Select an owner to edit its read ACL.</source>
        <translation>Wählen Sie einen Besitzer, um seine Lese-ACL zu bearbeiten.</translation>
    </message>
    <message>
        <source>Patterns the owner may read</source>
        <translation>Muster, die der Besitzer lesen darf</translation>
    </message>
    <message>
        <source>New pattern</source>
        <translation>Neues Muster</translation>
    </message>
    <message>
        <source>channel or pattern, e.g. team.&gt; or general</source>
        <translation>Kanal oder Muster, z. B. team.&gt; oder general</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add pattern</source>
        <translation>Muster hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected pattern</source>
        <translation>Ausgewähltes Muster entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Move the pattern up</source>
        <translation>Muster nach oben verschieben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Move the pattern down</source>
        <translation>Muster nach unten verschieben</translation>
    </message>
    <message>
        <source>Pattern problems</source>
        <translation>Probleme mit Mustern</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Abgedeckt durch</translation>
    </message>
    <message>
        <source>Coverage preview</source>
        <translation>Vorschau der Abdeckung</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Festschreiben</translation>
    </message>
    <message>
        <source>Commit on the revision read</source>
        <translation>Auf der gelesenen Revision festschreiben</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Reload the stored record</source>
        <translation>Gespeicherten Eintrag neu laden</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>Eintrag lö&amp;schen…</translation>
    </message>
    <message>
        <source>Delete the owner&apos;s record</source>
        <translation>Eintrag des Besitzers löschen</translation>
    </message>
    <message>
        <source>Coverage of the space&apos;s known channels</source>
        <translation>Abdeckung der bekannten Kanäle des Space</translation>
    </message>
    <message>
        <source>KV revision</source>
        <translation>KV-Revision</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Liest</translation>
    </message>
    <message>
        <source>Stored history of the record</source>
        <translation>Gespeicherter Verlauf des Eintrags</translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation>Verlauf aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the stored history</source>
        <translation>Gespeicherten Verlauf aktualisieren</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>This console&apos;s ACL writes</source>
        <translation>ACL-Schreibvorgänge dieser Konsole</translation>
    </message>
    <message>
        <source>&amp;Undo last commit</source>
        <translation>Letztes Festschreiben &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Undo this console&apos;s last ACL commit</source>
        <translation>Letztes ACL-Festschreiben dieser Konsole rückgängig machen</translation>
    </message>
    <message>
        <source>Stored revisions of the selected owner (the bucket keeps as many as its history setting allows; the reference creates it with one).</source>
        <translation>Gespeicherte Revisionen des ausgewählten Besitzers (der Bucket behält so viele, wie seine Verlaufseinstellung erlaubt; die Referenzimplementierung legt ihn mit einer an).</translation>
    </message>
    <message>
        <source>Writes made from this console</source>
        <translation>Schreibvorgänge dieser Konsole</translation>
    </message>
    <message>
        <source>Patterns to add to every selected owner</source>
        <translation>Muster, die jedem ausgewählten Besitzer hinzugefügt werden</translation>
    </message>
    <message>
        <source>patterns to add, separated by commas</source>
        <translation>hinzuzufügende Muster, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Patterns to remove from every selected owner</source>
        <translation>Muster, die bei jedem ausgewählten Besitzer entfernt werden</translation>
    </message>
    <message>
        <source>patterns to remove, separated by commas</source>
        <translation>zu entfernende Muster, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Apply to selected owners</source>
        <translation>Auf ausgewählte Besitzer anwenden</translation>
    </message>
    <message>
        <source>Apply the change to every selected owner</source>
        <translation>Änderung auf jeden ausgewählten Besitzer anwenden</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Per-owner results</source>
        <translation>Ergebnisse pro Besitzer</translation>
    </message>
    <message>
        <source>Select several owners in the table. Each owner is read and written with its own compare-and-set; a conflict on one owner does not affect the others.</source>
        <translation>Wählen Sie mehrere Besitzer in der Tabelle aus. Jeder Besitzer wird mit einem eigenen Compare-and-Set gelesen und geschrieben; ein Konflikt bei einem Besitzer betrifft die anderen nicht.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Sammelbearbeitung</translation>
    </message>
    <message>
        <source>The ACL watch failed: %1</source>
        <translation>Die ACL-Überwachung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot read the ACL of %1: %2</source>
        <translation>Die ACL von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The stored record changed since you read it; committing will show both versions.</source>
        <translation>Der gespeicherte Eintrag hat sich seit dem Lesen geändert; beim Festschreiben werden beide Versionen angezeigt.</translation>
    </message>
    <message>
        <source>%1  ⚠ %2</source>
        <translation>%1  ⚠ %2</translation>
    </message>
    <message>
        <source>Pattern %1 (&quot;%2&quot;): %3</source>
        <translation>Muster %1 („%2“): %3</translation>
    </message>
    <message>
        <source>New pattern: %1</source>
        <translation>Neues Muster: %1</translation>
    </message>
    <message>
        <source>Fix or remove the invalid patterns to commit.</source>
        <translation>Korrigieren oder entfernen Sie die ungültigen Muster, um festzuschreiben.</translation>
    </message>
    <message>
        <source>revision %1 as read</source>
        <translation>Revision %1 wie gelesen</translation>
    </message>
    <message>
        <source>no record yet — committing creates one</source>
        <translation>noch kein Eintrag — Festschreiben legt einen an</translation>
    </message>
    <message>
        <source>%1 — %2; stored: %3</source>
        <translation>%1 — %2; gespeichert: %3</translation>
    </message>
    <message>
        <source>reads</source>
        <translation>liest</translation>
    </message>
    <message>
        <source>Gains: %1</source>
        <translation>Gewinnt: %1</translation>
    </message>
    <message>
        <source>Loses: %1</source>
        <translation>Verliert: %1</translation>
    </message>
    <message>
        <source>An empty list means the owner reads nothing: the daemon drops their copies.</source>
        <translation>Eine leere Liste bedeutet, dass der Besitzer nichts liest: Der Daemon verwirft seine Kopien.</translation>
    </message>
    <message>
        <source>Committed %1: revision %2 → %3.</source>
        <translation>%1 festgeschrieben: Revision %2 → %3.</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>Festgeschrieben.</translation>
    </message>
    <message>
        <source>Nothing to commit: %1.</source>
        <translation>Nichts festzuschreiben: %1.</translation>
    </message>
    <message>
        <source>Not committed: %1</source>
        <translation>Nicht festgeschrieben: %1</translation>
    </message>
    <message>
        <source>Reloaded the stored version; your change was dropped.</source>
        <translation>Gespeicherte Version neu geladen; Ihre Änderung wurde verworfen.</translation>
    </message>
    <message>
        <source>Kept your change uncommitted; it is still based on the older revision.</source>
        <translation>Ihre Änderung bleibt unfestgeschrieben; sie basiert weiterhin auf der älteren Revision.</translation>
    </message>
    <message>
        <source>Delete the read ACL of %1?</source>
        <translation>Die Lese-ACL von %1 löschen?</translation>
    </message>
    <message>
        <source>Deleting the record makes %1 unknown to the delivery daemon: it DEFERS their copies (retries each for a while, then gives up on it) and refuses their durable joins. To stop delivery on purpose, keep the record and remove patterns instead — an empty list means &quot;reads nothing&quot;, and the daemon DROPS their copies.

Delete revision %2 only if it is still the stored one?</source>
        <translation>Durch das Löschen des Eintrags wird %1 für den Zustell-Daemon unbekannt: Er STELLT die Kopien ZURÜCK (versucht jede eine Weile erneut und gibt sie dann auf) und lehnt dauerhafte Beitritte ab. Um die Zustellung gezielt zu beenden, behalten Sie den Eintrag und entfernen stattdessen Muster — eine leere Liste bedeutet „liest nichts“, und der Daemon VERWIRFT die Kopien.

Revision %2 nur löschen, wenn sie noch die gespeicherte ist?</translation>
    </message>
    <message>
        <source>put</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>purge</source>
        <translation>bereinigen</translation>
    </message>
    <message>
        <source>(undecodable)</source>
        <translation>(nicht dekodierbar)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>the %1 credential may not write ACLs — add a provisioner credential to this connection</source>
        <translation>die Anmeldedaten %1 dürfen keine ACLs schreiben — fügen Sie dieser Verbindung Provisioner-Anmeldedaten hinzu</translation>
    </message>
    <message>
        <source>the %1 credential may not read the ACL bucket</source>
        <translation>die Anmeldedaten %1 dürfen den ACL-Bucket nicht lesen</translation>
    </message>
    <message>
        <source>the %1 credential may not read the ACL bucket; add a delivery credential to this connection</source>
        <translation>die Anmeldedaten %1 dürfen den ACL-Bucket nicht lesen; fügen Sie dieser Verbindung Delivery-Anmeldedaten hinzu</translation>
    </message>
    <message>
        <source>Cannot read the ACLs: %1.</source>
        <translation>Die ACLs können nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Not committed: %1.</source>
        <translation>Nicht übernommen: %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclTableModel</name>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Reads (allowSubscribe)</source>
        <translation>Liest (allowSubscribe)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>no record — the daemon defers their copies</source>
        <translation>kein Eintrag — der Daemon stellt die Kopien zurück</translation>
    </message>
    <message>
        <source>undecodable record — the daemon defers their copies</source>
        <translation>nicht dekodierbarer Eintrag — der Daemon stellt die Kopien zurück</translation>
    </message>
    <message>
        <source>reads nothing</source>
        <translation>liest nichts</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>cannot read — %1</source>
        <translation>nicht lesbar — %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AgentDetailPane</name>
    <message>
        <source>Agent card</source>
        <translation>Agentenkarte</translation>
    </message>
    <message>
        <source>Select an agent in the roster.</source>
        <translation>Wählen Sie einen Agenten in der Agentenliste.</translation>
    </message>
    <message>
        <source>Last messages of the agent</source>
        <translation>Letzte Nachrichten des Agenten</translation>
    </message>
    <message>
        <source>Last messages</source>
        <translation>Letzte Nachrichten</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>agent role</comment>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>meta.%1</source>
        <translation>meta.%1</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Channel modes</source>
        <translation>Kanalmodi</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Last record</source>
        <translation>Letzter Eintrag</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AnomalyDialog</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Traffic the console refused: spoofed senders, malformed JSON or subjects, forged presence. Terminated copies are JetStream messages acknowledged with TERM so they are never redelivered.</source>
        <translation>Verkehr, den die Konsole abgelehnt hat: gefälschte Absender, fehlerhaftes JSON oder fehlerhafte Subjects, gefälschte Präsenz. Beendete Kopien sind JetStream-Nachrichten, die mit TERM bestätigt wurden, damit sie nie erneut zugestellt werden.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AnomalyModel</name>
    <message>
        <source>malformed JSON</source>
        <translation>fehlerhaftes JSON</translation>
    </message>
    <message>
        <source>spoofed sender</source>
        <translation>gefälschter Absender</translation>
    </message>
    <message>
        <source>malformed subject</source>
        <translation>fehlerhaftes Subject</translation>
    </message>
    <message>
        <source>forged presence</source>
        <translation>gefälschte Präsenz</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>nachgeladen</translation>
    </message>
    <message>
        <source>DM consumer</source>
        <translation>DM-Consumer</translation>
    </message>
    <message>
        <source>role queue</source>
        <translation>Rollen-Queue</translation>
    </message>
    <message>
        <source>durable backstop</source>
        <translation>dauerhafte Zustellabsicherung</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>JetStream copy</source>
        <translation>JetStream-Kopie</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelConfigDialog</name>
    <message>
        <source>Channel #%1</source>
        <translation>Kanal #%1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Replay history to joiners</source>
        <translation>Verlauf an Beitretende wiedergeben</translation>
    </message>
    <message>
        <source>empty = all retained history; e.g. 30m, 2h, 7d</source>
        <translation>leer = gesamter aufbewahrter Verlauf; z. B. 30m, 2h, 7d</translation>
    </message>
    <message>
        <source>Replay window</source>
        <translation>Wiedergabefenster</translation>
    </message>
    <message>
        <source>Delivery class</source>
        <translation>Zustellklasse</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Anweisungen:</translation>
    </message>
    <message>
        <source>Replay &amp;window:</source>
        <translation>Wiedergabe&amp;fenster:</translation>
    </message>
    <message>
        <source>Delivery &amp;class:</source>
        <translation>Zustell&amp;klasse:</translation>
    </message>
    <message>
        <source> (the channel has no registry entry)</source>
        <translation> (der Kanal hat keinen Registry-Eintrag)</translation>
    </message>
    <message>
        <source>The description has %1 characters; at most %2 are allowed.</source>
        <translation>Die Beschreibung hat %1 Zeichen; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The instructions have %1 characters; at most %2 are allowed.</source>
        <translation>Die Anweisungen haben %1 Zeichen; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The replay window must be a number followed by s, m, h or d (e.g. 90m).</source>
        <translation>Das Wiedergabefenster muss eine Zahl gefolgt von s, m, h oder d sein (z. B. 90m).</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the channel config</source>
        <translation>Kanalkonfiguration speichern</translation>
    </message>
    <message>
        <source>Loading the stored config…</source>
        <translation>Gespeicherte Konfiguration wird geladen…</translation>
    </message>
    <message>
        <source>Read-only: the registry connection is not open. The values shown are the effective ones from the last channel listing%1.</source>
        <translation>Schreibgeschützt: Die Verbindung zur Registry ist nicht geöffnet. Die angezeigten Werte sind die wirksamen aus der letzten Kanalliste%1.</translation>
    </message>
    <message>
        <source>The stored config cannot be read: %1</source>
        <translation>Die gespeicherte Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Stored at revision %1. Saving writes on that revision only.</source>
        <translation>Gespeichert bei Revision %1. Speichern schreibt nur auf diese Revision.</translation>
    </message>
    <message>
        <source>No registry entry yet: saving creates one (and fails if someone else creates it first).</source>
        <translation>Noch kein Registry-Eintrag: Speichern legt einen an (und schlägt fehl, wenn jemand anderes ihn zuerst anlegt).</translation>
    </message>
    <message>
        <source>Someone else changed this channel since you opened it. Their version is shown now; apply your change again.</source>
        <translation>Jemand anderes hat diesen Kanal geändert, seit Sie ihn geöffnet haben. Jetzt wird dessen Version angezeigt; wenden Sie Ihre Änderung erneut an.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelViewPane</name>
    <message>
        <source>Open a channel from the Channels tab.</source>
        <translation>Öffnen Sie einen Kanal über den Reiter „Kanäle“.</translation>
    </message>
    <message>
        <source>Channel messages</source>
        <translation>Kanalnachrichten</translation>
    </message>
    <message>
        <source>Reading history…</source>
        <translation>Verlauf wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n retained message(s) backfilled.</source>
        <translation>
            <numerusform>%n aufbewahrte Nachricht nachgeladen.</numerusform>
            <numerusform>%n aufbewahrte Nachrichten nachgeladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelsModel</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no durable delivery health</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Durable backstop active.</source>
        <translation>Dauerhafte Zustellabsicherung aktiv.</translation>
    </message>
    <message>
        <source>The delivery daemon is down or not ready (no live delivery lease).</source>
        <translation>Der Zustell-Daemon läuft nicht oder ist nicht bereit (keine gültige Zustell-Lease).</translation>
    </message>
    <message>
        <source>This session holds no durable membership for the channel: the join came back live-only, or the boot self-join is still reconciling.</source>
        <translation>Diese Sitzung hat keine dauerhafte Mitgliedschaft im Kanal: Der Beitritt kam nur live zurück, oder der Selbstbeitritt beim Start wird noch abgeglichen.</translation>
    </message>
    <message>
        <source>Durable backstop unavailable — live messages still arrive; offline replay is at risk after the backlog cap. %1</source>
        <translation>Dauerhafte Zustellabsicherung nicht verfügbar — Live-Nachrichten kommen weiterhin an; die Offline-Wiedergabe ist nach Erreichen der Rückstandsgrenze gefährdet. %1</translation>
    </message>
    <message>
        <source>Not joined: durable health applies to joined channels only.</source>
        <translation>Nicht beigetreten: Der dauerhafte Zustand gilt nur für beigetretene Kanäle.</translation>
    </message>
    <message>
        <source>Live delivery class: no durable backstop.</source>
        <translation>Zustellklasse live: keine dauerhafte Zustellabsicherung.</translation>
    </message>
    <message>
        <source>Delivery lease unreadable with this credential (or open mesh without a daemon).</source>
        <translation>Zustell-Lease mit diesen Zugangsdaten nicht lesbar (oder offenes Mesh ohne Daemon).</translation>
    </message>
    <message>
        <source>off</source>
        <comment>replay</comment>
        <translation>aus</translation>
    </message>
    <message>
        <source>full history</source>
        <translation>gesamter Verlauf</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>letzte %1</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>Seen in the live feed; not in the last channel listing yet</source>
        <translation>Im Live-Feed gesehen; noch nicht in der letzten Kanalliste</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
    <message>
        <source>Durable health</source>
        <translation>Dauerhafter Zustand</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelsPane</name>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>&amp;Open channel view</source>
        <translation>Kanalansicht ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Channel &amp;config…</source>
        <translation>Kanal&amp;konfiguration…</translation>
    </message>
    <message>
        <source>&amp;Refresh channels</source>
        <translation>Kanäle &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Channel listing failed: %1</source>
        <translation>Kanalliste fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ClusterModel</name>
    <message>
        <source>%1 offline</source>
        <translation>%1 offline</translation>
    </message>
    <message>
        <source>%1 behind by %2</source>
        <translation>%1 um %2 zurück</translation>
    </message>
    <message>
        <source>%1 current</source>
        <translation>%1 aktuell</translation>
    </message>
    <message>
        <source>cannot read — needs %1</source>
        <translation>nicht lesbar — braucht %1</translation>
    </message>
    <message>
        <source>lookup failed — %1</source>
        <translation>Abfrage fehlgeschlagen — %1</translation>
    </message>
    <message>
        <source>no leader — an election is running or too few copies are reachable</source>
        <translation>kein Leader — eine Wahl läuft oder zu wenige Kopien sind erreichbar</translation>
    </message>
    <message>
        <source>1 copy not current</source>
        <translation>1 Kopie nicht aktuell</translation>
    </message>
    <message>
        <source>%1 copies not current</source>
        <translation>%1 Kopien nicht aktuell</translation>
    </message>
    <message>
        <source>one copy — a lost server loses the stream</source>
        <translation>eine Kopie — fällt der Server aus, ist der Stream verloren</translation>
    </message>
    <message>
        <source>all %1 copies current</source>
        <translation>alle %1 Kopien aktuell</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ClusterPane</name>
    <message>
        <source>Server of this connection</source>
        <translation>Server dieser Verbindung</translation>
    </message>
    <message>
        <source>Servers to fail over to</source>
        <translation>Server für den Failover</translation>
    </message>
    <message>
        <source>When the cluster last answered</source>
        <translation>Wann der Cluster zuletzt antwortete</translation>
    </message>
    <message>
        <source>Streams of the space and where they live</source>
        <translation>Streams des Space und wo sie liegen</translation>
    </message>
    <message>
        <source>Leader changes seen</source>
        <translation>Beobachtete Leader-Wechsel</translation>
    </message>
    <message>
        <source>Not connected to the space.</source>
        <translation>Nicht mit dem Space verbunden.</translation>
    </message>
    <message>
        <source>a provisioner credential that may look up this stream</source>
        <translation>ein Provisioner-Credential, das diesen Stream abfragen darf</translation>
    </message>
    <message>
        <source>a provisioner credential on this connection (the %1 credential may not look streams up)</source>
        <translation>ein Provisioner-Credential in dieser Verbindung (das Credential %1 darf keine Streams abfragen)</translation>
    </message>
    <message>
        <source>Asking the %1 connection…</source>
        <translation>Frage über die Verbindung %1 …</translation>
    </message>
    <message>
        <source>The %1 connection is not connected to any server now; it keeps trying the servers below.</source>
        <translation>Die Verbindung %1 ist gerade mit keinem Server verbunden; sie versucht weiter die Server unten.</translation>
    </message>
    <message>
        <source>The %1 connection is on %2 (server id %3).</source>
        <translation>Die Verbindung %1 ist auf %2 (Server-ID %3).</translation>
    </message>
    <message>
        <source>Servers it may fail over to: %1</source>
        <translation>Server für den Failover: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1  %2: leader %3 → %4</source>
        <translation>%1  %2: Leader %3 → %4</translation>
    </message>
    <message>
        <source>Waiting for the first answer…</source>
        <translation>Warte auf die erste Antwort …</translation>
    </message>
    <message>
        <source>Stale: the last answer came at %1; the servers are not answering now.</source>
        <translation>Veraltet: die letzte Antwort kam um %1; die Server antworten gerade nicht.</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Aktualisiert %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation>Befehlsfilter</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ComposeBar</name>
    <message>
        <source>Send to</source>
        <translation>Senden an</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Peer (DM)</source>
        <translation>Peer (DM)</translation>
    </message>
    <message>
        <source>Role (anycast)</source>
        <translation>Rolle (Anycast)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send result</source>
        <translation>Sendeergebnis</translation>
    </message>
    <message>
        <source>Choose where to send it.</source>
        <translation>Wählen Sie, wohin gesendet werden soll.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent to %1 (stream sequence %2).</source>
        <translation>An %1 gesendet (Stream-Sequenz %2).</translation>
    </message>
    <message>
        <source>Permission denied: this credential may not publish to %1. Nothing was sent.</source>
        <translation>Zugriff verweigert: Diese Zugangsdaten dürfen nicht an %1 veröffentlichen. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>No responders: no stream stores %1 — is the space provisioned? Nothing was sent.</source>
        <translation>Keine Responder: Kein Stream speichert %1 — ist der Space eingerichtet? Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent: no stream acknowledged it in time — is the space provisioned?</source>
        <translation>Nicht gesendet: kein Stream hat sie rechtzeitig bestätigt — ist der Space eingerichtet?</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Paste a cotal:// or cotals:// join link to fill the form</source>
        <translation>Fügen Sie einen cotal://- oder cotals://-Beitrittslink ein, um das Formular auszufüllen</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Beitrittslink</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Verbindungsname</translation>
    </message>
    <message>
        <source>nats://host:4222, tls://other:4222</source>
        <translation>nats://host:4222, tls://other:4222</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>None (open mesh)</source>
        <translation>Keine (offenes Mesh)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <source>Creds file on disk</source>
        <translation>Creds-Datei auf der Festplatte</translation>
    </message>
    <message>
        <source>Creds kept in the keychain</source>
        <translation>Creds im Schlüsselbund</translation>
    </message>
    <message>
        <source>NKey seed (kept in the keychain)</source>
        <translation>NKey-Seed (im Schlüsselbund)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Creds</source>
        <translation>Creds</translation>
    </message>
    <message>
        <source>-----BEGIN NATS USER JWT-----…</source>
        <translation>-----BEGIN NATS USER JWT-----…</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>Aus Datei importieren…</translation>
    </message>
    <message>
        <source>Import creds from a file</source>
        <translation>Creds aus einer Datei importieren</translation>
    </message>
    <message>
        <source>Creds file</source>
        <translation>Creds-Datei</translation>
    </message>
    <message>
        <source>Creds (*.creds);;All files (*)</source>
        <translation>Creds (*.creds);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Remember the secret in the system keychain</source>
        <translation>Geheimnis im System-Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Unchecked: don&apos;t remember — the secret is used for this session only and asked for again next time.</source>
        <translation>Nicht angehakt: nicht speichern — das Geheimnis gilt nur für diese Sitzung und wird beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS erforderlich</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS-CA-Datei</translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation>TLS-Client-Zertifikat</translation>
    </message>
    <message>
        <source>TLS client key</source>
        <translation>TLS-Client-Schlüssel</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Join link:</source>
        <translation>&amp;Beitrittslink:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>S&amp;pace:</source>
        <translation>S&amp;pace:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Creds:</source>
        <translation>&amp;Creds:</translation>
    </message>
    <message>
        <source>Creds &amp;file:</source>
        <translation>Creds-&amp;Datei:</translation>
    </message>
    <message>
        <source>TLS C&amp;A:</source>
        <translation>T&amp;LS-CA:</translation>
    </message>
    <message>
        <source>TLS c&amp;ertificate:</source>
        <translation>TLS-Z&amp;ertifikat:</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>TLS-Schl&amp;üssel:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>An&amp;zeigename:</translation>
    </message>
    <message>
        <source>Connection dialog message</source>
        <translation>Meldung des Verbindungsdialogs</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Speiche&amp;rn</translation>
    </message>
    <message>
        <source>Save and c&amp;onnect</source>
        <translation>Speichern und &amp;verbinden</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain, if remembered)</source>
        <translation>unverändert (im Schlüsselbund, falls gespeichert)</translation>
    </message>
    <message>
        <source>Not a usable join link: %1</source>
        <translation>Kein verwendbarer Beitrittslink: %1</translation>
    </message>
    <message>
        <source>Filled from the join link.</source>
        <translation>Aus dem Beitrittslink ausgefüllt.</translation>
    </message>
    <message>
        <source>It names channels %1; the console watches every channel anyway.</source>
        <translation>Er nennt die Kanäle %1; die Konsole beobachtet ohnehin jeden Kanal.</translation>
    </message>
    <message>
        <source>Enter at least one server.</source>
        <translation>Geben Sie mindestens einen Server an.</translation>
    </message>
    <message>
        <source>Enter the space.</source>
        <translation>Geben Sie den Space an.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen an.</translation>
    </message>
    <message>
        <source>Choose the creds file.</source>
        <translation>Wählen Sie die Creds-Datei.</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>Geben Sie das Geheimnis ein.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connected: the server accepted these credentials.</source>
        <translation>Verbunden: Der Server hat diese Zugangsdaten akzeptiert.</translation>
    </message>
    <message>
        <source>Connected (open mesh: nothing is enforced).</source>
        <translation>Verbunden (offenes Mesh: nichts wird erzwungen).</translation>
    </message>
    <message>
        <source>No keychain service is available (no Secret Service is running), so the secret was not remembered. It is used for this session only; you will be asked for it next time.</source>
        <translation>Es ist kein Schlüsselbund-Dienst verfügbar (kein Secret Service läuft), daher wurde das Geheimnis nicht gespeichert. Es gilt nur für diese Sitzung; beim nächsten Mal werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <source>The keychain refused the secret: %1. Untick &quot;Remember&quot; to use it for this session only.</source>
        <translation>Der Schlüsselbund hat das Geheimnis abgelehnt: %1. Entfernen Sie den Haken bei „Speichern“, um es nur für diese Sitzung zu verwenden.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>generated when saved</source>
        <translation>wird beim Speichern erzeugt</translation>
    </message>
    <message>
        <source>Without a credential the console keeps one generated id.</source>
        <translation>Ohne Anmeldedaten behält die Konsole eine erzeugte ID.</translation>
    </message>
    <message>
        <source>the public key of the credential in the keychain</source>
        <translation>der öffentliche Schlüssel der Anmeldedaten im Schlüsselbund</translation>
    </message>
    <message>
        <source>The credential&apos;s public key: the console&apos;s id.</source>
        <translation>Der öffentliche Schlüssel der Anmeldedaten: die ID der Konsole.</translation>
    </message>
    <message>
        <source>The credential&apos;s public key: the console&apos;s id. Minted as &quot;%1&quot;.</source>
        <translation>Der öffentliche Schlüssel der Anmeldedaten: die ID der Konsole. Ausgestellt als „%1“.</translation>
    </message>
    <message>
        <source>Provisioner creds file</source>
        <translation>Creds-Datei des Provisioners</translation>
    </message>
    <message>
        <source>optional: ACL and channel edits, provisioning</source>
        <translation>optional: ACL- und Kanaländerungen, Einrichtung</translation>
    </message>
    <message>
        <source>Delivery creds file</source>
        <translation>Creds-Datei für Delivery</translation>
    </message>
    <message>
        <source>optional: the delivery daemon, the lease, members, ACL reads</source>
        <translation>optional: der Zustelldienst, die Lease, Mitglieder, ACL-Lesezugriff</translation>
    </message>
    <message>
        <source>P&amp;rovisioner creds:</source>
        <translation>P&amp;rovisioner-Creds:</translation>
    </message>
    <message>
        <source>De&amp;livery creds:</source>
        <translation>De&amp;livery-Creds:</translation>
    </message>
    <message>
        <source>provisioner</source>
        <translation>Provisioner</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>The %1 creds file cannot be used: %2</source>
        <translation>Die Creds-Datei %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>&amp;Appear in the space (presence with this console&apos;s card)</source>
        <translation>Im Space &amp;erscheinen (Präsenz mit der Karte dieser Konsole)</translation>
    </message>
    <message>
        <source>Off: the console watches invisibly. On: agents see it in their roster, as they see each other; the credential must be allowed to write presence.</source>
        <translation>Aus: die Konsole beobachtet unsichtbar. An: Agenten sehen sie in ihrer Liste, wie sie einander sehen; der Zugang muss Präsenz schreiben dürfen.</translation>
    </message>
    <message>
        <source>Membership observer creds file</source>
        <translation>Zugangsdaten-Datei des Mitgliedschafts-Beobachters</translation>
    </message>
    <message>
        <source>optional: the daemon&apos;s membership feed (system account)</source>
        <translation>optional: der Mitgliedschafts-Feed des Dienstes (Systemkonto)</translation>
    </message>
    <message>
        <source>Membership writer creds file</source>
        <translation>Zugangsdaten-Datei des Mitgliedschafts-Schreibers</translation>
    </message>
    <message>
        <source>optional: the daemon&apos;s membership feed (membership-rw)</source>
        <translation>optional: der Mitgliedschafts-Feed des Dienstes (membership-rw)</translation>
    </message>
    <message>
        <source>&amp;Membership observer creds:</source>
        <translation>&amp;Mitgliedschafts-Beobachter:</translation>
    </message>
    <message>
        <source>Membership &amp;writer creds:</source>
        <translation>Mitgliedschafts-&amp;Schreiber:</translation>
    </message>
    <message>
        <source>The membership feed needs both creds files: the observer and the writer.</source>
        <translation>Der Mitgliedschafts-Feed braucht beide Zugangsdaten-Dateien: Beobachter und Schreiber.</translation>
    </message>
    <message>
        <source>membership observer</source>
        <translation>Mitgliedschafts-Beobachter</translation>
    </message>
    <message>
        <source>membership writer</source>
        <translation>Mitgliedschafts-Schreiber</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConnectionsPage</name>
    <message>
        <source>open mesh</source>
        <translation>offenes Mesh</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>user and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <source>creds file</source>
        <translation>Creds-Datei</translation>
    </message>
    <message>
        <source>creds in keychain</source>
        <translation>Creds im Schlüsselbund</translation>
    </message>
    <message>
        <source>NKey seed</source>
        <translation>NKey-Seed</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Connections&lt;/h2&gt;Recent connections, most recent first. Secrets are kept in the system keychain, never in settings.</source>
        <translation>&lt;h2&gt;Verbindungen&lt;/h2&gt;Letzte Verbindungen, neueste zuerst. Geheimnisse werden im System-Schlüsselbund aufbewahrt, nie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
    <message>
        <source>No saved connections yet: create one, or paste a join link into a new connection.</source>
        <translation>Noch keine gespeicherten Verbindungen: Legen Sie eine an oder fügen Sie einen Beitrittslink in eine neue Verbindung ein.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 — space %2 on %3 (%4)</source>
        <translation>%1 — Space %2 auf %3 (%4)</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConsoleSession</name>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>verbinde erneut…</translation>
    </message>
    <message>
        <source>connection lost — rebuilding…</source>
        <translation>Verbindung verloren — wird neu aufgebaut…</translation>
    </message>
    <message>
        <source>disconnecting…</source>
        <translation>trenne…</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConsoleStatusBar</name>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>Nachrichten pro Sekunde</translation>
    </message>
    <message>
        <source>Anomalies: open the list</source>
        <translation>Anomalien: Liste öffnen</translation>
    </message>
    <message>
        <source>(auto-reconnect on)</source>
        <translation>(automatisches Wiederverbinden an)</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>space %1</source>
        <translation>Space %1</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
    <message>
        <source>as %1 (open mesh: nothing is enforced)</source>
        <translation>als %1 (offenes Mesh: nichts wird erzwungen)</translation>
    </message>
    <message>
        <source>⚠ %1 spoofed · %2 malformed · %3 terminated</source>
        <translation>⚠ %1 gefälscht · %2 fehlerhaft · %3 beendet</translation>
    </message>
    <message>
        <source>Messages not shown</source>
        <translation>Nicht angezeigte Nachrichten</translation>
    </message>
    <message>
        <source>Live copies arrived faster than this console could show them and were skipped. Agents still received them, and channel history still holds them.</source>
        <translation>Live-Kopien kamen schneller an, als diese Konsole sie anzeigen konnte, und wurden übersprungen. Die Agenten haben sie trotzdem erhalten, und der Kanalverlauf enthält sie weiterhin.</translation>
    </message>
    <message>
        <source>%L1 not shown (console behind)</source>
        <translation>%L1 nicht angezeigt (Konsole im Rückstand)</translation>
    </message>
    <message>
        <source>Credentials in use</source>
        <translation>Verwendete Anmeldedaten</translation>
    </message>
    <message>
        <source>The credentials this connection reads and writes through: the view credential first, then the role credentials.</source>
        <translation>Die Anmeldedaten, mit denen diese Verbindung liest und schreibt: zuerst die Ansichts-Anmeldedaten, dann die Rollen-Anmeldedaten.</translation>
    </message>
    <message>
        <source>credentials: %1</source>
        <translation>Anmeldedaten: %1</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 Nachr./s</translation>
    </message>
    <message>
        <source>space %1 — %2</source>
        <translation>Space %1 — %2</translation>
    </message>
    <message>
        <source>Access drift: open the access view</source>
        <translation>Zugriffsabweichung: die Zugriffsansicht öffnen</translation>
    </message>
    <message>
        <source>access: %1 live uncovered · %2 durable uncovered · %3 stale ACL · %4 no ACL</source>
        <translation>Zugriff: %1 live nicht abgedeckt · %2 dauerhaft nicht abgedeckt · %3 veraltete ACL · %4 ohne ACL</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DaemonPane</name>
    <message>
        <source>&amp;Start daemon</source>
        <translation>Daemon &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top daemon</source>
        <translation>Daemon s&amp;toppen</translation>
    </message>
    <message>
        <source>Delivered copies/s</source>
        <translation>Zugestellte Kopien/s</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Fan-out lag</source>
        <translation>Fan-out-Verzug</translation>
    </message>
    <message>
        <source>msgs</source>
        <translation>Nachr.</translation>
    </message>
    <message>
        <source>Delivery daemon</source>
        <translation>Zustell-Daemon</translation>
    </message>
    <message>
        <source>Start the in-process delivery daemon</source>
        <translation>Den prozessinternen Zustell-Daemon starten</translation>
    </message>
    <message>
        <source>Stop the in-process delivery daemon</source>
        <translation>Den prozessinternen Zustell-Daemon stoppen</translation>
    </message>
    <message>
        <source>Daemon state</source>
        <translation>Daemon-Status</translation>
    </message>
    <message>
        <source>Daemon lease</source>
        <translation>Daemon-Lease</translation>
    </message>
    <message>
        <source>Daemon metrics</source>
        <translation>Daemon-Metriken</translation>
    </message>
    <message>
        <source>Daemon log</source>
        <translation>Daemon-Protokoll</translation>
    </message>
    <message>
        <source>&lt;b&gt;In-process delivery daemon&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prozessinterner Zustell-Daemon&lt;/b&gt;</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>gestoppt: %1</translation>
    </message>
    <message>
        <source>not started: the lease is held by %1</source>
        <translation>nicht gestartet: Die Lease hält %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>State: %1 — %2</source>
        <translation>Status: %1 — %2</translation>
    </message>
    <message>
        <source>Lease: not seen yet</source>
        <translation>Lease: noch nicht gesehen</translation>
    </message>
    <message>
        <source>Lease: lease.0 held by this daemon (%1), %2 left, revision %3</source>
        <translation>Lease: lease.0 von diesem Daemon gehalten (%1), noch %2, Revision %3</translation>
    </message>
    <message>
        <source>Lease: lease.0 is not held by this daemon (%1 %2)</source>
        <translation>Lease: lease.0 wird nicht von diesem Daemon gehalten (%1 %2)</translation>
    </message>
    <message>
        <source>CHAT processed</source>
        <translation>CHAT verarbeitet</translation>
    </message>
    <message>
        <source>Copies fanned out</source>
        <translation>Kopien verteilt</translation>
    </message>
    <message>
        <source>CHAT dropped (malformed)</source>
        <translation>CHAT verworfen (fehlerhaft)</translation>
    </message>
    <message>
        <source>Delivered to DLV</source>
        <translation>An DLV zugestellt</translation>
    </message>
    <message>
        <source>Deferred (no ACL yet)</source>
        <translation>Zurückgestellt (noch keine ACL)</translation>
    </message>
    <message>
        <source>Dropped (outside ACL/interval)</source>
        <translation>Verworfen (außerhalb ACL/Intervall)</translation>
    </message>
    <message>
        <source>Terminated (10 deliveries)</source>
        <translation>Beendet (10 Zustellungen)</translation>
    </message>
    <message>
        <source>CHAT evicted unread</source>
        <translation>CHAT ungelesen verdrängt</translation>
    </message>
    <message>
        <source>INBOX evicted unread</source>
        <translation>INBOX ungelesen verdrängt</translation>
    </message>
    <message>
        <source>DLV evicted unread</source>
        <translation>DLV ungelesen verdrängt</translation>
    </message>
    <message>
        <source>Lag (messages)</source>
        <translation>Verzug (Nachrichten)</translation>
    </message>
    <message>
        <source>CHAT frontier</source>
        <translation>CHAT-Front</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Lease: not running here; no daemon holds lease.0</source>
        <translation>Lease: läuft hier nicht; kein Daemon hält lease.0</translation>
    </message>
    <message>
        <source>Lease: not running here; lease.0 is held by %1 (%2). A daemon started here is refused while that lease is live.</source>
        <translation>Lease: läuft hier nicht; lease.0 wird von %1 gehalten (%2). Ein hier gestarteter Daemon wird abgewiesen, solange dieser Lease gültig ist.</translation>
    </message>
    <message>
        <source>Copies held (mixed inbox full)</source>
        <translation>Zurückgehaltene Kopien (Mixed-Inbox voll)</translation>
    </message>
    <message>
        <source>Transfers held (member reading slowly)</source>
        <translation>Zurückgehaltene Übertragungen (Mitglied liest langsam)</translation>
    </message>
    <message>
        <source>State: running — %1, in this process</source>
        <translation>Zustand: läuft — %1, in diesem Prozess</translation>
    </message>
    <message>
        <source>Showing %1: it runs in this process and starts and stops with it, not from here.</source>
        <translation>Angezeigt wird %1: er läuft in diesem Prozess und startet und stoppt mit ihm, nicht von hier aus.</translation>
    </message>
    <message>
        <source>This process already runs a delivery daemon for the space.</source>
        <translation>Dieser Prozess betreibt bereits einen Zustell-Daemon für den Space.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DeliveryPane</name>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Delivery pages</source>
        <translation>Zustellungsseiten</translation>
    </message>
    <message>
        <source>Lease and daemon</source>
        <translation>Lease und Daemon</translation>
    </message>
    <message>
        <source>Lease &amp;&amp; daemon</source>
        <translation>Lease &amp;&amp; Daemon</translation>
    </message>
    <message>
        <source>Membership timelines</source>
        <translation>Mitgliedschafts-Zeitleisten</translation>
    </message>
    <message>
        <source>Health explained</source>
        <translation>Zustand erklärt</translation>
    </message>
    <message>
        <source>this console&apos;s daemon</source>
        <translation>der Daemon dieser Konsole</translation>
    </message>
    <message>
        <source>Releasing lease.%1 at revision %2…</source>
        <translation>lease.%1 wird bei Revision %2 freigegeben…</translation>
    </message>
    <message>
        <source>lease.%1 released at revision %2.</source>
        <translation>lease.%1 bei Revision %2 freigegeben.</translation>
    </message>
    <message>
        <source>Nothing to release: the bucket already removed the expired lease.</source>
        <translation>Nichts freizugeben: Der Bucket hat die abgelaufene Lease bereits entfernt.</translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation>Nicht freigegeben: %1</translation>
    </message>
    <message>
        <source>Cannot read the durable memberships: %1.</source>
        <translation>Die dauerhaften Mitgliedschaften können nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>die Anmeldedaten %1 dürfen %2 nicht lesen</translation>
    </message>
    <message>
        <source>the %1 credential may not send control requests</source>
        <translation>die Anmeldedaten %1 dürfen keine Steueranfragen senden</translation>
    </message>
    <message>
        <source>the space&apos;s delivery daemon</source>
        <translation>der Zustelldienst des Space</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DmLensModel</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Latest message</source>
        <translation>Neueste Nachricht</translation>
    </message>
    <message>
        <source>Peer A</source>
        <translation>Teilnehmer A</translation>
    </message>
    <message>
        <source>Peer B</source>
        <translation>Teilnehmer B</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DmLensPane</name>
    <message>
        <source>Direct-message conversations</source>
        <translation>Direktnachrichten-Unterhaltungen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>DMs hidden: the activity tap is not running.</source>
        <translation>DMs ausgeblendet: Der Aktivitäts-Tap läuft nicht.</translation>
    </message>
    <message>
        <source>DMs hidden: this credential may read channel traffic only (its grants hold no all-activity tap).</source>
        <translation>DMs ausgeblendet: diese Anmeldedaten dürfen nur Kanalverkehr lesen (ihre Rechte enthalten keinen Abgriff aller Aktivität).</translation>
    </message>
</context>
<context>
    <name>cotal::ui::FeedModel</name>
    <message>
        <source>history</source>
        <comment>backfilled message marker</comment>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Backfilled from channel history when joining, not received live</source>
        <translation>Beim Beitritt aus dem Kanalverlauf nachgeladen, nicht live empfangen</translation>
    </message>
    <message>
        <source>Mode</source>
        <comment>delivery mode column</comment>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Channel / target</source>
        <translation>Kanal / Ziel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>live or historical column</comment>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>channel</source>
        <comment>delivery mode badge</comment>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>DM</source>
        <comment>delivery mode badge</comment>
        <translation>DM</translation>
    </message>
    <message>
        <source>anycast</source>
        <comment>delivery mode badge</comment>
        <translation>Anycast</translation>
    </message>
</context>
<context>
    <name>cotal::ui::FeedPane</name>
    <message>
        <source>Show %1 messages</source>
        <translation>%1-Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>Channel ▾</source>
        <translation>Kanal ▾</translation>
    </message>
    <message>
        <source>Filter by channel</source>
        <translation>Nach Kanal filtern</translation>
    </message>
    <message>
        <source>Sender ▾</source>
        <translation>Absender ▾</translation>
    </message>
    <message>
        <source>Filter by sender</source>
        <translation>Nach Absender filtern</translation>
    </message>
    <message>
        <source>No channel traffic yet</source>
        <translation>Noch kein Kanalverkehr</translation>
    </message>
    <message>
        <source>No senders yet</source>
        <translation>Noch keine Absender</translation>
    </message>
    <message>
        <source>Search sender, channel, text…</source>
        <translation>Absender, Kanal, Text suchen…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Feed durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Pause feed</source>
        <translation>Feed &amp;anhalten</translation>
    </message>
    <message>
        <source>Freeze the feed; new messages are counted and kept</source>
        <translation>Feed einfrieren; neue Nachrichten werden gezählt und behalten</translation>
    </message>
    <message>
        <source>Pause feed</source>
        <translation>Feed anhalten</translation>
    </message>
    <message>
        <source>Messages arrived while paused</source>
        <translation>Während der Pause eingetroffene Nachrichten</translation>
    </message>
    <message>
        <source>Copy selection as &amp;JSON</source>
        <translation>Auswahl als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy selection as &amp;CSV</source>
        <translation>Auswahl als &amp;CSV kopieren</translation>
    </message>
    <message>
        <source>&amp;Export feed selection as JSON…</source>
        <translation>Feed-Auswahl als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export feed selection as CS&amp;V…</source>
        <translation>Feed-Auswahl als CS&amp;V exportieren…</translation>
    </message>
    <message>
        <source>&amp;Search the feed</source>
        <translation>Feed durch&amp;suchen</translation>
    </message>
    <message>
        <source>C&amp;lear feed filters</source>
        <translation>Feed-Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Export ▾</source>
        <translation>Export ▾</translation>
    </message>
    <message>
        <source>Copy or export the selection</source>
        <translation>Auswahl kopieren oder exportieren</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Live-Feed</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Wählen Sie eine Nachricht, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Resume feed</source>
        <translation>Feed fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>paused — %n new</source>
        <translation>
            <numerusform>angehalten — %n neue</numerusform>
            <numerusform>angehalten — %n neue</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove channel filter %1</source>
        <translation>Kanalfilter %1 entfernen</translation>
    </message>
    <message>
        <source>Remove sender filter %1</source>
        <translation>Absenderfilter %1 entfernen</translation>
    </message>
    <message>
        <source>Export messages as JSON</source>
        <translation>Nachrichten als JSON exportieren</translation>
    </message>
    <message>
        <source>Export messages as CSV</source>
        <translation>Nachrichten als CSV exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>What the live feed cannot show</source>
        <translation>Was der Live-Feed nicht zeigen kann</translation>
    </message>
    <message>
        <source>DMs and anycast hidden: this credential may read channel traffic only, so the feed shows channels alone.</source>
        <translation>DMs und Anycast ausgeblendet: diese Anmeldedaten dürfen nur Kanalverkehr lesen, der Feed zeigt daher nur Kanäle.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::HealthExplainer</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Live channel: messages reach only connected readers, by design. No durable backstop is expected.</source>
        <translation>Live-Kanal: Nachrichten erreichen absichtlich nur verbundene Leser. Eine dauerhafte Zustellabsicherung ist nicht vorgesehen.</translation>
    </message>
    <message numerus="yes">
        <source>Live channel with %n open durable membership(s): they are inert until the channel&apos;s class is set to durable, and then route at once.</source>
        <translation>
            <numerusform>Live-Kanal mit %n offenen dauerhaften Mitgliedschaft: Sie ist wirkungslos, bis die Klasse des Kanals auf dauerhaft gesetzt wird, und wird dann sofort geroutet.</numerusform>
            <numerusform>Live-Kanal mit %n offenen dauerhaften Mitgliedschaften: Sie sind wirkungslos, bis die Klasse des Kanals auf dauerhaft gesetzt wird, und werden dann sofort geroutet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The delivery daemon stopped renewing its lease and it expired: copies for offline members are not being made. Check why the daemon died, then start one (this console can run it).</source>
        <translation>Der Zustell-Daemon hat seine Lease nicht mehr erneuert, und sie ist abgelaufen: Für Offline-Mitglieder werden keine Kopien erstellt. Prüfen Sie, warum der Daemon beendet wurde, und starten Sie dann einen (diese Konsole kann ihn ausführen).</translation>
    </message>
    <message>
        <source>No delivery daemon is running: members who are offline will miss messages on #%1. Start a delivery daemon (this console can run it).</source>
        <translation>Es läuft kein Zustell-Daemon: Offline-Mitglieder verpassen Nachrichten in #%1. Starten Sie einen Zustell-Daemon (diese Konsole kann ihn ausführen).</translation>
    </message>
    <message>
        <source>A delivery daemon holds the lease but is not ready yet. Durable joins wait for it. If it stays like this, force-release the lease and restart it.</source>
        <translation>Ein Zustell-Daemon hält die Lease, ist aber noch nicht bereit. Dauerhafte Beitritte warten auf ihn. Bleibt es so, erzwingen Sie die Freigabe der Lease und starten Sie ihn neu.</translation>
    </message>
    <message>
        <source>The lease says ready, but nothing answers ctl.delivery: the holder is gone without releasing. Force-release the lease, then start a daemon.</source>
        <translation>Die Lease meldet „bereit“, aber niemand antwortet auf ctl.delivery: Der Halter ist weg, ohne freizugeben. Erzwingen Sie die Freigabe der Lease und starten Sie dann einen Daemon.</translation>
    </message>
    <message>
        <source>The lease says ready, but ctl.delivery does not answer in time: the daemon may be overloaded or wedged. Watch its lag; restart it if the lag keeps growing.</source>
        <translation>Die Lease meldet „bereit“, aber ctl.delivery antwortet nicht rechtzeitig: Der Daemon ist womöglich überlastet oder hängt. Beobachten Sie seinen Verzug; starten Sie ihn neu, wenn der Verzug weiter wächst.</translation>
    </message>
    <message>
        <source>No agent holds a durable membership here: nobody gets copies of what they miss while offline. Agents join durably when they join the channel and a daemon is ready.</source>
        <translation>Kein Agent hat hier eine dauerhafte Mitgliedschaft: Niemand erhält Kopien dessen, was er offline verpasst. Agenten treten dauerhaft bei, wenn sie dem Kanal beitreten und ein Daemon bereit ist.</translation>
    </message>
    <message>
        <source>%1: generation %2 joined at sequence %3 never finished activation (%4 s). Its copies still route, but the agent reports the channel as not durable. Have the agent leave and rejoin #%5.</source>
        <translation>%1: Generation %2, beigetreten bei Sequenz %3, hat die Aktivierung nie abgeschlossen (%4 s). Ihre Kopien werden weiterhin geroutet, aber der Agent meldet den Kanal als nicht dauerhaft. Lassen Sie den Agenten #%5 verlassen und erneut beitreten.</translation>
    </message>
    <message>
        <source>%1: generation %2 is catching up on what was sent since sequence %3; it activates in a moment.</source>
        <translation>%1: Generation %2 holt nach, was seit Sequenz %3 gesendet wurde; sie wird gleich aktiviert.</translation>
    </message>
    <message>
        <source>%1: membership established (generation %2), but %3. Live messages still arrive while it is online.</source>
        <translation>%1: Mitgliedschaft hergestellt (Generation %2), aber %3. Live-Nachrichten kommen weiterhin an, solange er online ist.</translation>
    </message>
    <message>
        <source>%1 is offline: its copies since sequence %2 wait in its delivery stream until it reconnects.</source>
        <translation>%1 ist offline: Seine Kopien seit Sequenz %2 warten in seinem Zustell-Stream, bis er sich wieder verbindet.</translation>
    </message>
    <message>
        <source>%1: %2 (generation %3).</source>
        <translation>%1: %2 (Generation %3).</translation>
    </message>
    <message>
        <source>%1: the membership feed does not list #%2 yet; it catches up on its next poll. Delivery does not depend on it.</source>
        <translation>%1: Der Mitgliedschafts-Feed führt #%2 noch nicht; er holt das bei seiner nächsten Abfrage nach. Die Zustellung hängt nicht davon ab.</translation>
    </message>
    <message>
        <source>The delivery lease cannot be read with this connection&apos;s credentials, so nobody can tell whether durable delivery runs. Add a delivery credential to this connection: it may read cotal_delivery_&lt;space&gt;.</source>
        <translation>Die Zustell-Lease ist mit den Anmeldedaten dieser Verbindung nicht lesbar, daher weiß niemand, ob die dauerhafte Zustellung läuft. Fügen Sie dieser Verbindung Delivery-Anmeldedaten hinzu: sie dürfen cotal_delivery_&lt;space&gt; lesen.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::HealthPane</name>
    <message>
        <source>Delivery health</source>
        <translation>Zustellzustand</translation>
    </message>
    <message>
        <source>Delivery health per channel</source>
        <translation>Zustellzustand pro Kanal</translation>
    </message>
    <message>
        <source>Channel / member</source>
        <translation>Kanal / Mitglied</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Health explained&lt;/b&gt;: the lease, durable memberships and presence, checked against each other per channel.</source>
        <translation>&lt;b&gt;Zustand erklärt&lt;/b&gt;: die Lease, dauerhafte Mitgliedschaften und Präsenz, pro Kanal miteinander abgeglichen.</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>cotal::ui::LanguageSettings</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>Changes take effect at the next start</source>
        <translation>Änderungen werden beim nächsten Start wirksam</translation>
    </message>
</context>
<context>
    <name>cotal::ui::LeaseInspector</name>
    <message>
        <source>&amp;Force release…</source>
        <translation>Freigabe &amp;erzwingen…</translation>
    </message>
    <message>
        <source>Lease inspector</source>
        <translation>Lease-Inspektor</translation>
    </message>
    <message>
        <source>Delivery leases</source>
        <translation>Zustell-Leases</translation>
    </message>
    <message>
        <source>ctl.delivery responder</source>
        <translation>ctl.delivery-Responder</translation>
    </message>
    <message>
        <source>Lease warning</source>
        <translation>Lease-Warnung</translation>
    </message>
    <message>
        <source>Force release result</source>
        <translation>Ergebnis der erzwungenen Freigabe</translation>
    </message>
    <message>
        <source>Force release the selected lease</source>
        <translation>Freigabe der ausgewählten Lease erzwingen</translation>
    </message>
    <message>
        <source>Delete the selected lease if it is still at the revision shown (compare-and-set). Offered for expired or wedged leases only.</source>
        <translation>Die ausgewählte Lease löschen, wenn sie noch auf der angezeigten Revision steht (Compare-and-Set). Nur für abgelaufene oder hängende Leases angeboten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery lease&lt;/b&gt; (cotal_delivery, 30 s TTL)</source>
        <translation>&lt;b&gt;Zustell-Lease&lt;/b&gt; (cotal_delivery, 30 s TTL)</translation>
    </message>
    <message>
        <source>ctl.delivery: not probed yet</source>
        <translation>ctl.delivery: noch nicht geprüft</translation>
    </message>
    <message>
        <source>ctl.delivery: a responder answers listMemberships</source>
        <translation>ctl.delivery: ein Responder beantwortet listMemberships</translation>
    </message>
    <message>
        <source>ctl.delivery: no responders</source>
        <translation>ctl.delivery: keine Responder</translation>
    </message>
    <message>
        <source>ctl.delivery: no answer in time</source>
        <translation>ctl.delivery: keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>ctl.delivery: no answer (%1)</source>
        <translation>ctl.delivery: keine Antwort (%1)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Force release %1</source>
        <translation>Freigabe von %1 erzwingen</translation>
    </message>
    <message>
        <source>Delete %1 (held by %2, %3) at revision %4?

If its daemon is in fact alive, it will notice at its next renew and stop; until then two daemons could deliver. The delete is refused if the lease changed since revision %4.</source>
        <translation>%1 (gehalten von %2, %3) bei Revision %4 löschen?

Falls sein Daemon doch noch läuft, bemerkt er es bei seiner nächsten Erneuerung und stoppt; bis dahin könnten zwei Daemons zustellen. Das Löschen wird abgelehnt, wenn sich die Lease seit Revision %4 geändert hat.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>ctl.delivery: cannot ask — %1</source>
        <translation>ctl.delivery: Anfrage nicht möglich — %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::LeaseModel</name>
    <message>
        <source>absent</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>claimed, not ready</source>
        <translation>beansprucht, nicht bereit</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The lease says ready, but nothing serves ctl.delivery: the holder has died or lost its connection. Durable joins and leaves fail until the lease expires or is force-released and a daemon starts.</source>
        <translation>Die Lease meldet „bereit“, aber niemand bedient ctl.delivery: Der Halter ist beendet oder hat seine Verbindung verloren. Dauerhafte Beitritte und Austritte schlagen fehl, bis die Lease abläuft oder ihre Freigabe erzwungen wird und ein Daemon startet.</translation>
    </message>
    <message>
        <source>The lease says ready, but ctl.delivery does not answer in time: the daemon may be wedged or overloaded.</source>
        <translation>Die Lease meldet „bereit“, aber ctl.delivery antwortet nicht rechtzeitig: Der Daemon hängt womöglich oder ist überlastet.</translation>
    </message>
    <message>
        <source>A daemon took the lease but has not bound its consumers yet. If this lasts more than a few seconds, it is stuck; the lease expires on its own when nobody renews it.</source>
        <translation>Ein Daemon hat die Lease übernommen, seine Consumer aber noch nicht gebunden. Dauert das länger als ein paar Sekunden, hängt er; die Lease läuft von selbst ab, wenn niemand sie erneuert.</translation>
    </message>
    <message>
        <source>The holder stopped renewing and the bucket&apos;s 30 s TTL removed the lease: no daemon is delivering durable copies. Start a delivery daemon.</source>
        <translation>Der Halter hat die Erneuerung eingestellt, und die 30-s-TTL des Buckets hat die Lease entfernt: Kein Daemon stellt dauerhafte Kopien zu. Starten Sie einen Zustell-Daemon.</translation>
    </message>
    <message>
        <source>No delivery daemon holds the lease: durable channels are live-only until one starts.</source>
        <translation>Kein Zustell-Daemon hält die Lease: Dauerhafte Kanäle sind nur live, bis einer startet.</translation>
    </message>
    <message>
        <source>The stored value is not a delivery lease.</source>
        <translation>Der gespeicherte Wert ist keine Zustell-Lease.</translation>
    </message>
    <message>
        <source>The lease cannot be read: %1</source>
        <translation>Die Lease kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>lease.%1</source>
        <translation>lease.%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>0 s</source>
        <translation>0 s</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Halter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Holders seen</source>
        <translation>Gesehene Halter</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MainWindow</name>
    <message>
        <source>Cotal Console</source>
        <translation>Cotal Console</translation>
    </message>
    <message>
        <source>Connection banner</source>
        <translation>Verbindungsbanner</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Live-Feed</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Channel view</source>
        <translation>Kanalansicht</translation>
    </message>
    <message>
        <source>DMs</source>
        <translation>DMs</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>ACLs</source>
        <translation>ACLs</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation>&amp;Neue Verbindung…</translation>
    </message>
    <message>
        <source>Connect from &amp;join link…</source>
        <translation>Über &amp;Beitrittslink verbinden…</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Beitrittslink</translation>
    </message>
    <message>
        <source>Paste a cotal:// or cotals:// link:</source>
        <translation>Fügen Sie einen cotal://- oder cotals://-Link ein:</translation>
    </message>
    <message>
        <source>&amp;Recent connections</source>
        <translation>&amp;Letzte Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Command palette</source>
        <translation>Befehls&amp;palette</translation>
    </message>
    <message>
        <source>Space &amp;overview</source>
        <translation>Space-&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Enter space</source>
        <translation>Space &amp;betreten</translation>
    </message>
    <message>
        <source>Focus &amp;roster</source>
        <translation>Agenten&amp;liste fokussieren</translation>
    </message>
    <message>
        <source>Focus &amp;needs-you list</source>
        <translation>Liste „Braucht &amp;Sie“ fokussieren</translation>
    </message>
    <message>
        <source>Live &amp;feed</source>
        <translation>Live-&amp;Feed</translation>
    </message>
    <message>
        <source>C&amp;hannels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>Channel &amp;view</source>
        <translation>Kanal&amp;ansicht</translation>
    </message>
    <message>
        <source>&amp;DM lens</source>
        <translation>&amp;DM-Lupe</translation>
    </message>
    <message>
        <source>&amp;Agent detail</source>
        <translation>A&amp;gentendetails</translation>
    </message>
    <message>
        <source>Read ACL ed&amp;itor</source>
        <translation>Lese-ACL-Ed&amp;itor</translation>
    </message>
    <message>
        <source>Delivery &amp;lease and daemon</source>
        <translation>&amp;Zustell-Lease und -Daemon</translation>
    </message>
    <message>
        <source>Membership &amp;timelines</source>
        <translation>&amp;Mitgliedschafts-Zeitleisten</translation>
    </message>
    <message>
        <source>Delivery health e&amp;xplained</source>
        <translation>Zustellzustand e&amp;rklärt</translation>
    </message>
    <message>
        <source>Co&amp;mpose</source>
        <translation>&amp;Verfassen</translation>
    </message>
    <message>
        <source>Filter the ro&amp;ster</source>
        <translation>Agentenliste filter&amp;n</translation>
    </message>
    <message>
        <source>&amp;Hide offline agents</source>
        <translation>&amp;Offline-Agenten ausblenden</translation>
    </message>
    <message>
        <source>A&amp;nomalies…</source>
        <translation>Anomali&amp;en…</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>Ve&amp;rfassen</translation>
    </message>
    <message>
        <source>&amp;Send message</source>
        <translation>Nachricht &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Cotal Console</source>
        <translation>&amp;Über Cotal Console</translation>
    </message>
    <message>
        <source>About Cotal Console</source>
        <translation>Über Cotal Console</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cotal Console&lt;/b&gt; %1&lt;br&gt;Operator console for Cotal agent spaces.</source>
        <translation>&lt;b&gt;Cotal Console&lt;/b&gt; %1&lt;br&gt;Operator-Konsole für Cotal-Agenten-Spaces.</translation>
    </message>
    <message>
        <source>No keychain service is available, so the secret was not remembered.</source>
        <translation>Es ist kein Schlüsselbund-Dienst verfügbar, daher wurde das Geheimnis nicht gespeichert.</translation>
    </message>
    <message>
        <source>The secret is not remembered.</source>
        <translation>Das Geheimnis wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>Secret for %1</source>
        <translation>Geheimnis für %1</translation>
    </message>
    <message>
        <source>%1 Enter it for this session:</source>
        <translation>%1 Geben Sie es für diese Sitzung ein:</translation>
    </message>
    <message>
        <source>%1 — Cotal Console</source>
        <translation>%1 — Cotal Console</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting automatically. %1</source>
        <translation>Verbindung verloren — automatische Wiederverbindung. %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Feed &amp;capacity…</source>
        <translation>Feed-&amp;Kapazität…</translation>
    </message>
    <message>
        <source>Feed capacity</source>
        <translation>Feed-Kapazität</translation>
    </message>
    <message>
        <source>Messages the live feed keeps (the oldest go first; more costs memory):</source>
        <translation>Nachrichten, die der Live-Feed behält (die ältesten zuerst entfernt; mehr kostet Speicher):</translation>
    </message>
    <message>
        <source>The %1 credential may not send into this space: this console only watches.</source>
        <translation>Die Anmeldedaten %1 dürfen in diesen Space nicht senden: diese Konsole beobachtet nur.</translation>
    </message>
    <message>
        <source>&amp;Provision this space…</source>
        <translation>Diesen Space &amp;einrichten…</translation>
    </message>
    <message>
        <source>Connect to a space first.</source>
        <translation>Zuerst mit einem Space verbinden.</translation>
    </message>
    <message>
        <source>the demo mesh&apos;s daemon</source>
        <translation>der Daemon des Demo-Mesh</translation>
    </message>
    <message>
        <source>New space</source>
        <translation>Neuer Space</translation>
    </message>
    <message>
        <source>Name of the space (letters, digits, &apos;-&apos; and &apos;_&apos;):</source>
        <translation>Name des Space (Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a space: use letters, digits, &apos;-&apos; and &apos;_&apos; only.</source>
        <translation>„%1“ kann keinen Space benennen: nur Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos; verwenden.</translation>
    </message>
    <message>
        <source>The %1 credential may not create spaces: reference credentials are minted for one space each.</source>
        <translation>Der Zugang %1 darf keine Spaces anlegen: Referenz-Zugänge werden für je einen Space ausgestellt.</translation>
    </message>
    <message>
        <source>The %1 credential may not list the server&apos;s streams, so only this connection&apos;s space is shown.</source>
        <translation>Der Zugang %1 darf die Streams des Servers nicht auflisten, daher wird nur der Space dieser Verbindung gezeigt.</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Who reads &amp;what (access)</source>
        <translation>&amp;Wer liest was (Zugriff)</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cl&amp;uster and stream replicas</source>
        <translation>Cl&amp;uster und Stream-Replikate</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MembershipFeedModel</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Live (CONNZ)</source>
        <translation>Live (CONNZ)</translation>
    </message>
    <message>
        <source>Durable (activated)</source>
        <translation>Dauerhaft (aktiviert)</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>absent: no feed daemon has written the membership feed</source>
        <translation>fehlt: Kein Feed-Daemon hat den Mitgliedschafts-Feed geschrieben</translation>
    </message>
    <message>
        <source>live: last complete poll %1 s ago, %2 agents</source>
        <translation>live: letzte vollständige Abfrage vor %1 s, %2 Agenten</translation>
    </message>
    <message>
        <source>stale: last complete poll %1 s ago; the feed daemon is down or cannot see every connection, so this graph may be out of date</source>
        <translation>veraltet: letzte vollständige Abfrage vor %1 s; der Feed-Daemon läuft nicht oder sieht nicht jede Verbindung, daher ist dieser Graph womöglich nicht aktuell</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MentionEdit</name>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
    <message>
        <source>Message… (@ to mention, Ctrl+Enter to send)</source>
        <translation>Nachricht… (@ zum Erwähnen, Strg+Eingabe zum Senden)</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MessageView</name>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>cotal::ui::NeedsYouProxy</name>
    <message>
        <source>%1 — %2</source>
        <comment>agent name — activity</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cotal::ui::PresenceStyle</name>
    <message>
        <source>working</source>
        <translation>arbeitet</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ProvisionDialog</name>
    <message>
        <source>Provision space %1</source>
        <translation>Space %1 einrichten</translation>
    </message>
    <message>
        <source>A Cotal space needs five message streams and seven buckets, with the configs every Cotal tool expects. Missing ones are created; existing ones are compared and never changed.</source>
        <translation>Ein Cotal-Space braucht fünf Nachrichten-Streams und sieben Buckets mit den Konfigurationen, die jedes Cotal-Werkzeug erwartet. Fehlende werden angelegt; vorhandene werden verglichen und nie geändert.</translation>
    </message>
    <message>
        <source>Streams and buckets of the space</source>
        <translation>Streams und Buckets des Space</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Default delivery class</source>
        <translation>Standard-Zustellklasse</translation>
    </message>
    <message>
        <source>live — no delivery daemon serves the space</source>
        <translation>live — kein Zustelldienst bedient den Space</translation>
    </message>
    <message>
        <source>durable — a delivery daemon serves the space</source>
        <translation>durable — ein Zustelldienst bedient den Space</translation>
    </message>
    <message>
        <source>Written to the channel registry&apos;s =defaults unless a default class is set already.</source>
        <translation>Wird in =defaults des Kanalregisters geschrieben, sofern dort noch keine Standardklasse steht.</translation>
    </message>
    <message>
        <source>Default &amp;delivery class:</source>
        <translation>Standard-&amp;Zustellklasse:</translation>
    </message>
    <message>
        <source>&amp;Provision</source>
        <translation>&amp;Einrichten</translation>
    </message>
    <message>
        <source>Create the missing streams and buckets</source>
        <translation>Die fehlenden Streams und Buckets anlegen</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>present with another config: %1</source>
        <translation>vorhanden mit anderer Konfiguration: %1</translation>
    </message>
    <message>
        <source>cannot check — this credential may not look it up</source>
        <translation>nicht prüfbar — dieser Zugang darf ihn nicht abfragen</translation>
    </message>
    <message>
        <source>cannot check — %1</source>
        <translation>nicht prüfbar — %1</translation>
    </message>
    <message>
        <source>Not connected to the space.</source>
        <translation>Nicht mit dem Space verbunden.</translation>
    </message>
    <message>
        <source>Provisioning…</source>
        <translation>Wird eingerichtet…</translation>
    </message>
    <message>
        <source>Streams created: %1.</source>
        <translation>Angelegte Streams: %1.</translation>
    </message>
    <message>
        <source>Streams with another config, left as they are: %1.</source>
        <translation>Streams mit anderer Konfiguration, unverändert gelassen: %1.</translation>
    </message>
    <message>
        <source>The default delivery class was written.</source>
        <translation>Die Standard-Zustellklasse wurde geschrieben.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The %1 credential may not create this space&apos;s streams — add a provisioner credential to this connection.</source>
        <translation>Der Zugang %1 darf die Streams dieses Space nicht anlegen — fügen Sie dieser Verbindung einen Provisioner-Zugang hinzu.</translation>
    </message>
    <message>
        <source>Every stream and bucket is there with the expected config.</source>
        <translation>Alle Streams und Buckets sind mit der erwarteten Konfiguration vorhanden.</translation>
    </message>
    <message>
        <source>Nothing is missing. Streams with another config are left as they are: changing one is the operator&apos;s decision.</source>
        <translation>Es fehlt nichts. Streams mit anderer Konfiguration bleiben unverändert: sie zu ändern entscheidet der Betreiber.</translation>
    </message>
    <message>
        <source>Runs through the %1 credential.</source>
        <translation>Läuft über den Zugang %1.</translation>
    </message>
    <message>
        <source>not connected to the space</source>
        <translation>nicht mit dem Space verbunden</translation>
    </message>
    <message>
        <source>the %1 credential may not write %2 — add a provisioner credential to this connection</source>
        <translation>die Berechtigung %1 darf %2 nicht schreiben — fügen Sie dieser Verbindung eine Provisioner-Berechtigung hinzu</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>die Berechtigung %1 darf %2 nicht lesen</translation>
    </message>
    <message>
        <source>Copies of each stream</source>
        <translation>Kopien jedes Streams</translation>
    </message>
    <message>
        <source>How many servers of a JetStream cluster keep each stream: 1 on a single server, 3 on a 3-node cluster so that one node may fail.</source>
        <translation>Wie viele Server eines JetStream-Clusters jeden Stream halten: 1 auf einem einzelnen Server, 3 auf einem Cluster mit 3 Knoten, damit ein Knoten ausfallen darf.</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>&amp;Replikate:</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ProvisioningNotice</name>
    <message>
        <source>&amp;Complete provisioning…</source>
        <translation>Einrichtung &amp;vervollständigen…</translation>
    </message>
    <message>
        <source>Complete provisioning of this space</source>
        <translation>Die Einrichtung dieses Space vervollständigen</translation>
    </message>
    <message>
        <source>not provisioned</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>partly provisioned</source>
        <translation>teilweise eingerichtet</translation>
    </message>
    <message>
        <source>This space is not provisioned: %1 do not exist. Nothing sent here is kept.</source>
        <translation>Dieser Space ist nicht eingerichtet: %1 existieren nicht. Nichts, was hier gesendet wird, bleibt erhalten.</translation>
    </message>
    <message>
        <source>This space is partly provisioned: %1 missing.</source>
        <translation>Dieser Space ist teilweise eingerichtet: %1 fehlen.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RateChart</name>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>waiting for samples</source>
        <translation>warte auf Messwerte</translation>
    </message>
    <message>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RosterModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>agent role column</comment>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harness</translation>
    </message>
    <message>
        <source>Model</source>
        <comment>LLM model column</comment>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RosterPane</name>
    <message>
        <source>Filter agents…</source>
        <translation>Agenten filtern…</translation>
    </message>
    <message>
        <source>Filter the roster</source>
        <translation>Agentenliste filtern</translation>
    </message>
    <message>
        <source>Hide &amp;offline</source>
        <translation>&amp;Offline ausblenden</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Agentenliste</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SignalsPane</name>
    <message>
        <source>Oldest unattended waiting agent</source>
        <translation>Ältester unbeachteter wartender Agent</translation>
    </message>
    <message>
        <source>&lt;b&gt;NEEDS YOU&lt;/b&gt; — waiting agents, oldest first</source>
        <translation>&lt;b&gt;BRAUCHT SIE&lt;/b&gt; — wartende Agenten, älteste zuerst</translation>
    </message>
    <message>
        <source>Needs you: waiting agents</source>
        <translation>Braucht Sie: wartende Agenten</translation>
    </message>
    <message>
        <source>%1 agents</source>
        <translation>%1 Agenten</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Niemand wartet.</translation>
    </message>
    <message>
        <source>Oldest waiting: %1, for %2</source>
        <translation>Am längsten wartend: %1, seit %2</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SpaceChannelsBox</name>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>%1, no replay</source>
        <translation>%1, keine Wiedergabe</translation>
    </message>
    <message>
        <source>%1, replay %2</source>
        <translation>%1, Wiedergabe %2</translation>
    </message>
    <message>
        <source>%1, replay all history</source>
        <translation>%1, gesamten Verlauf wiedergeben</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Configured channels of the space</source>
        <translation>Konfigurierte Kanäle des Space</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Kanalname</translation>
    </message>
    <message>
        <source>channel name, e.g. builds or team.backend</source>
        <translation>Kanalname, z. B. builds oder team.backend</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Konfigurieren…</translation>
    </message>
    <message>
        <source>Configure the named channel</source>
        <translation>Den genannten Kanal konfigurieren</translation>
    </message>
    <message>
        <source>Description, instructions, replay, replay window and delivery class of the channel</source>
        <translation>Beschreibung, Anweisungen, Wiedergabe, Wiedergabefenster und Zustellklasse des Kanals</translation>
    </message>
    <message>
        <source>The channel list cannot be read: %1</source>
        <translation>Die Kanalliste ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Channels cannot be configured: %1.</source>
        <translation>Kanäle können nicht konfiguriert werden: %1.</translation>
    </message>
    <message>
        <source>Channels can be configured once the space&apos;s channel registry exists: provision the space first.</source>
        <translation>Kanäle lassen sich konfigurieren, sobald die Kanal-Registry des Space existiert: zuerst den Space bereitstellen.</translation>
    </message>
    <message>
        <source>Existing channels are not listed: %1.</source>
        <translation>Vorhandene Kanäle werden nicht aufgeführt: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a channel: %2</source>
        <translation>„%1“ kann keinen Kanal benennen: %2</translation>
    </message>
    <message>
        <source>#%1 saved.</source>
        <translation>#%1 gespeichert.</translation>
    </message>
    <message>
        <source>#%1 — %2</source>
        <translation>#%1 — %2</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SpaceOverviewPage</name>
    <message>
        <source>&lt;h2&gt;Spaces&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Spaces&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Spaces</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Agents online</source>
        <translation>Agenten online</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Enter space</source>
        <translation>Space &amp;betreten</translation>
    </message>
    <message>
        <source>&amp;New space…</source>
        <translation>&amp;Neuer Space…</translation>
    </message>
    <message>
        <source>Create a new space on this server</source>
        <translation>Einen neuen Space auf diesem Server anlegen</translation>
    </message>
    <message>
        <source>This connection&apos;s space</source>
        <translation>Der Space dieser Verbindung</translation>
    </message>
    <message>
        <source>The server&apos;s spaces could not be listed: %1</source>
        <translation>Die Spaces des Servers konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Partly provisioned</source>
        <translation>Teilweise eingerichtet</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelineModel</name>
    <message>
        <source>pending activation</source>
        <translation>Aktivierung ausstehend</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>tombstoned</source>
        <translation>als gelöscht markiert</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>Join cursor</source>
        <translation>Beitritts-Cursor</translation>
    </message>
    <message>
        <source>Leave cursor</source>
        <translation>Austritts-Cursor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Joined at</source>
        <translation>Beigetreten am</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>Ausgetreten am</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelinePane</name>
    <message>
        <source>&amp;Wall-clock time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>Membership timelines</source>
        <translation>Mitgliedschafts-Zeitleisten</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Kanalfilter</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>Besitzerfilter</translation>
    </message>
    <message>
        <source>Show wall-clock time instead of CHAT sequences</source>
        <translation>Uhrzeit statt CHAT-Sequenzen anzeigen</translation>
    </message>
    <message>
        <source>Bars placed by the records&apos; updatedAt stamps; generations whose times were not observed are left out.</source>
        <translation>Balken nach den updatedAt-Zeitstempeln der Einträge platziert; Generationen, deren Zeiten nicht beobachtet wurden, fehlen.</translation>
    </message>
    <message>
        <source>CHAT frontier</source>
        <translation>CHAT-Front</translation>
    </message>
    <message>
        <source>Membership feed freshness</source>
        <translation>Aktualität des Mitgliedschafts-Feeds</translation>
    </message>
    <message>
        <source>Membership feed</source>
        <translation>Mitgliedschafts-Feed</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Besitzer:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Derived membership feed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Abgeleiteter Mitgliedschafts-Feed&lt;/b&gt;</translation>
    </message>
    <message>
        <source>CHAT frontier: %1</source>
        <translation>CHAT-Front: %1</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Alle Besitzer</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelineView</name>
    <message>
        <source>Membership timelines</source>
        <translation>Mitgliedschafts-Zeitleisten</translation>
    </message>
    <message>
        <source>No durable memberships recorded in this space yet.</source>
        <translation>In diesem Space sind noch keine dauerhaften Mitgliedschaften verzeichnet.</translation>
    </message>
    <message>
        <source>wall-clock time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>CHAT sequence</source>
        <translation>CHAT-Sequenz</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>g%1%2</source>
        <translation>g%1%2</translation>
    </message>
    <message>
        <source> ●</source>
        <translation> ●</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>frontier %1</source>
        <translation>Front %1</translation>
    </message>
    <message>
        <source>● current generation · bars: (join, leave]</source>
        <translation>● aktuelle Generation · Balken: (Beitritt, Austritt]</translation>
    </message>
</context>
<context>
    <name>headless</name>
    <message>
        <source>Runs the Cotal delivery daemon without a GUI. Secrets come from the environment only:
COTAL_TOKEN (token auth), COTAL_USER and COTAL_PASSWORD (user/password auth).</source>
        <translation>Führt den Cotal-Zustell-Daemon ohne GUI aus. Geheimnisse kommen ausschließlich aus der Umgebung:
COTAL_TOKEN (Token-Authentifizierung), COTAL_USER und COTAL_PASSWORD (Benutzer/Passwort-Authentifizierung).</translation>
    </message>
    <message>
        <source>Run without a GUI.</source>
        <translation>Ohne GUI ausführen.</translation>
    </message>
    <message>
        <source>Run the space&apos;s delivery daemon.</source>
        <translation>Den Zustell-Daemon des Space ausführen.</translation>
    </message>
    <message>
        <source>The space to serve.</source>
        <translation>Der zu bedienende Space.</translation>
    </message>
    <message>
        <source>A NATS server URL (repeatable; default nats://127.0.0.1:4222).</source>
        <translation>Eine NATS-Server-URL (mehrfach angebbar; Standard nats://127.0.0.1:4222).</translation>
    </message>
    <message>
        <source>The delivery credentials (chained creds file).</source>
        <translation>Die Zustell-Zugangsdaten (verkettete Creds-Datei).</translation>
    </message>
    <message>
        <source>User name (password from COTAL_PASSWORD).</source>
        <translation>Benutzername (Passwort aus COTAL_PASSWORD).</translation>
    </message>
    <message>
        <source>TLS CA certificate.</source>
        <translation>TLS-CA-Zertifikat.</translation>
    </message>
    <message>
        <source>TLS client certificate.</source>
        <translation>TLS-Client-Zertifikat.</translation>
    </message>
    <message>
        <source>TLS client key.</source>
        <translation>TLS-Client-Schlüssel.</translation>
    </message>
    <message>
        <source>Seconds to wait for an unreachable broker at start before exiting with status 1 (default %1).</source>
        <translation>Sekunden, die beim Start auf einen nicht erreichbaren Broker gewartet wird, bevor mit Status 1 beendet wird (Standard %1).</translation>
    </message>
    <message>
        <source>Number of delivery shards (only 1 is supported).</source>
        <translation>Anzahl der Zustell-Shards (nur 1 wird unterstützt).</translation>
    </message>
    <message>
        <source>This daemon&apos;s shard (only 0 is supported).</source>
        <translation>Der Shard dieses Daemons (nur 0 wird unterstützt).</translation>
    </message>
    <message>
        <source>The membership feed&apos;s system-account credentials (with --membership-rw-creds: the daemon writes the feed).</source>
        <translation>Die Systemkonto-Zugangsdaten des Mitgliedschafts-Feeds (mit --membership-rw-creds: der Dienst schreibt den Feed).</translation>
    </message>
    <message>
        <source>The membership feed&apos;s data-account writer credentials.</source>
        <translation>Die Schreib-Zugangsdaten des Mitgliedschafts-Feeds im Datenkonto.</translation>
    </message>
    <message>
        <source>Create the space&apos;s streams and buckets, then exit.</source>
        <translation>Die Streams und Buckets des Space anlegen, dann beenden.</translation>
    </message>
    <message>
        <source>With --provision: copies of each stream (1 to %1; 3 on a 3-node JetStream cluster; default 1).</source>
        <translation>Mit --provision: Kopien jedes Streams (1 bis %1; 3 auf einem JetStream-Cluster mit 3 Knoten; Standard 1).</translation>
    </message>
    <message>
        <source>With --provision: the space&apos;s default delivery class, durable or live (default durable).</source>
        <translation>Mit --provision: die Standard-Zustellklasse des Space, durable oder live (Standard durable).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Connect at start from a cotal:// or cotals:// join link.</source>
        <translation>Beim Start über einen cotal://- oder cotals://-Beitrittslink verbinden.</translation>
    </message>
    <message>
        <source>Demo unavailable</source>
        <translation>Demo nicht verfügbar</translation>
    </message>
    <message>
        <source>The local demo mesh could not start: %1

Connect to a server of your own instead.</source>
        <translation>Das lokale Demo-Mesh konnte nicht starten: %1

Verbinden Sie sich stattdessen mit einem eigenen Server.</translation>
    </message>
    <message>
        <source>Start a local nats-server with a demo space, its delivery daemon and simulated agents, and connect to it (the default when no connection is saved). The space runs in operator/JWT mode with credentials minted for it.</source>
        <translation>Einen lokalen nats-server mit einem Demo-Space, seinem Zustell-Daemon und simulierten Agenten starten und sich damit verbinden (Standard, wenn keine Verbindung gespeichert ist). Der Space läuft im Operator/JWT-Modus mit eigens dafür ausgestellten Zugangsdaten.</translation>
    </message>
    <message>
        <source>With --demo: an open mesh, where nothing is enforced, instead of operator/JWT mode.</source>
        <translation>Mit --demo: ein offenes Mesh, in dem nichts durchgesetzt wird, statt des Operator/JWT-Modus.</translation>
    </message>
    <message>
        <source>Operator console for Cotal agent spaces.

Delivery daemon without a GUI:
  cotal-console --headless --deliver --space &lt;space&gt; [connection options]
Creating a space&apos;s streams (3 copies on a 3-node cluster):
  cotal-console --headless --provision --space &lt;space&gt; --replicas 3 [...]
  (see cotal-console --headless --help)</source>
        <translation>Operator-Konsole für Cotal-Agenten-Spaces.

Zustell-Daemon ohne GUI:
  cotal-console --headless --deliver --space &lt;space&gt; [Verbindungsoptionen]
Streams eines Space anlegen (3 Kopien auf einem Cluster mit 3 Knoten):
  cotal-console --headless --provision --space &lt;space&gt; --replicas 3 [...]
  (siehe cotal-console --headless --help)</translation>
    </message>
</context>
</TS>
