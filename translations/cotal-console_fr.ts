<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>cotal::local::LocalMesh</name>
    <message>
        <source>Starting the local nats-server…</source>
        <translation>Démarrage du nats-server local…</translation>
    </message>
    <message>
        <source>Cannot connect to the local nats-server: %1</source>
        <translation>Impossible de se connecter au nats-server local&#xa0;: %1</translation>
    </message>
    <message>
        <source>Provisioning the demo space…</source>
        <translation>Provisionnement de l&apos;espace de démonstration…</translation>
    </message>
    <message>
        <source>Cannot provision the demo space: %1</source>
        <translation>Impossible de provisionner l&apos;espace de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot seed the demo space: %1</source>
        <translation>Impossible d&apos;alimenter l&apos;espace de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting the delivery daemon…</source>
        <translation>Démarrage du démon de distribution…</translation>
    </message>
    <message>
        <source>The delivery daemon did not start: %1</source>
        <translation>Le démon de distribution n&apos;a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting the demo agents…</source>
        <translation>Démarrage des agents de démonstration…</translation>
    </message>
    <message>
        <source>A demo agent did not start: %1</source>
        <translation>Un agent de démonstration n&apos;a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Local demo</source>
        <translation>Démo locale</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Impossible de créer %1</translation>
    </message>
</context>
<context>
    <name>cotal::local::NatsServerLauncher</name>
    <message>
        <source>nats-server is not installed (Debian package nats-server)</source>
        <translation>nats-server n&apos;est pas installé (paquet Debian nats-server)</translation>
    </message>
    <message>
        <source>nats-server could not be started: %1</source>
        <translation>nats-server n&apos;a pas pu être démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>nats-server exited before it was ready: %1</source>
        <translation>nats-server s&apos;est arrêté avant d&apos;être prêt&#xa0;: %1</translation>
    </message>
    <message>
        <source>nats-server not ready in time: %1</source>
        <translation>nats-server pas prêt à temps&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cotal::profile::CredentialIdentity</name>
    <message>
        <source>not a NATS user creds text: %1</source>
        <translation>pas un texte de creds d&apos;utilisateur NATS : %1</translation>
    </message>
    <message>
        <source>no creds file chosen</source>
        <translation>aucun fichier creds choisi</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>not a user NKey seed (SU…)</source>
        <translation>pas une graine NKey d&apos;utilisateur (SU…)</translation>
    </message>
</context>
<context>
    <name>cotal::space::DeliveryHealth</name>
    <message>
        <source>durable backstop active</source>
        <translation>filet de sécurité durable actif</translation>
    </message>
    <message>
        <source>durable backstop unavailable — live messages still arrive; offline replay is at risk after backlog cap</source>
        <translation>filet de sécurité durable indisponible — les messages en direct arrivent toujours&#xa0;; la relecture hors ligne est compromise au-delà du plafond d&apos;arriéré</translation>
    </message>
    <message>
        <source>the delivery lease cannot be read (no delivery bucket or no read grant), so durable delivery is not reported</source>
        <translation>le bail de distribution est illisible (pas de bucket de distribution ou pas de droit de lecture)&#xa0;: la distribution durable n’est pas signalée</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>non rejoint</translation>
    </message>
    <message>
        <source>live channel: no durable backstop is expected</source>
        <translation>canal en direct&#xa0;: aucune distribution durable n’est prévue</translation>
    </message>
    <message>
        <source>no delivery daemon holds the lease</source>
        <translation>aucun démon de distribution ne détient le bail</translation>
    </message>
    <message>
        <source>the delivery daemon is starting (lease not ready)</source>
        <translation>le démon de distribution démarre (bail pas encore prêt)</translation>
    </message>
    <message>
        <source>no established durable membership: the join is still reconciling or came back not durable</source>
        <translation>aucune adhésion durable établie&#xa0;: la jonction est encore en cours de réconciliation ou est revenue non durable</translation>
    </message>
    <message>
        <source>the delivery daemon is ready and the membership is established</source>
        <translation>le démon de distribution est prêt et l’adhésion est établie</translation>
    </message>
</context>
<context>
    <name>cotal::space::SpaceAccess</name>
    <message>
        <source>The %1 credential cannot connect: %2</source>
        <translation>Les identifiants %1 ne peuvent pas se connecter : %2</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>les identifiants %1 ne peuvent pas lire %2</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2 — add a %3 credential to this connection</source>
        <translation>les identifiants %1 ne peuvent pas lire %2 — ajoutez des identifiants %3 à cette connexion</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <source>open mesh</source>
        <translation>maillage ouvert</translation>
    </message>
</context>
<context>
    <name>cotal::ui</name>
    <message>
        <source>Cannot prepare the NKey seed: %1</source>
        <translation>Impossible de préparer la graine NKey&#xa0;: %1</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>The credential cannot be used: %1</source>
        <translation>Les identifiants sont inutilisables : %1</translation>
    </message>
    <message>
        <source>The %1 credential cannot be used: %2</source>
        <translation>Les identifiants %1 sont inutilisables : %2</translation>
    </message>
    <message>
        <source>The %1 credential may not write presence: the console stays invisible in this space.</source>
        <translation>L’identifiant %1 ne peut pas écrire de présence : la console reste invisible dans cet espace.</translation>
    </message>
    <message>
        <source>The membership feed needs both its observer and its writer creds file.</source>
        <translation>Le flux d&apos;appartenance a besoin des deux fichiers d&apos;identifiants : observateur et rédacteur.</translation>
    </message>
    <message>
        <source>The membership feed credential cannot be used: %1</source>
        <translation>L&apos;identifiant du flux d&apos;appartenance est inutilisable : %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AccessModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Canal %1</translation>
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
        <translation>en direct</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>durable</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>left</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Online now.</source>
        <translation>En ligne maintenant.</translation>
    </message>
    <message>
        <source>Not in the roster; last seen %1.</source>
        <translation>Absent de la liste ; vu pour la dernière fois %1.</translation>
    </message>
    <message>
        <source>Read ACL: %1 (written %2).</source>
        <translation>ACL de lecture : %1 (écrite %2).</translation>
    </message>
    <message>
        <source>reads nothing</source>
        <translation>ne lit rien</translation>
    </message>
    <message>
        <source>No read ACL record: the delivery daemon defers its durable copies, then drops them.</source>
        <translation>Aucun enregistrement d&apos;ACL de lecture : le démon de distribution diffère ses copies durables, puis les abandonne.</translation>
    </message>
    <message>
        <source>Its read ACL record does not decode: the delivery daemon treats it as unknown, defers its copies, then drops them.</source>
        <translation>Son enregistrement d&apos;ACL de lecture est illisible : le démon de distribution le traite comme inconnu, diffère ses copies, puis les abandonne.</translation>
    </message>
    <message>
        <source>Read ACL: cannot read — %1.</source>
        <translation>ACL de lecture : lecture impossible — %1.</translation>
    </message>
    <message>
        <source>%1 on #%2</source>
        <translation>%1 sur #%2</translation>
    </message>
    <message>
        <source>ACL: cannot read — %1.</source>
        <translation>ACL : lecture impossible — %1.</translation>
    </message>
    <message>
        <source>Covered by its read ACL through &quot;%1&quot;.</source>
        <translation>Couvert par son ACL de lecture via « %1 ».</translation>
    </message>
    <message>
        <source>Not covered by its read ACL.</source>
        <translation>Non couvert par son ACL de lecture.</translation>
    </message>
    <message>
        <source>Not covered: it has no usable read ACL record.</source>
        <translation>Non couvert : aucune ACL de lecture utilisable.</translation>
    </message>
    <message>
        <source>Subscribed live now through &quot;%1&quot;.</source>
        <translation>Abonné en direct via « %1 ».</translation>
    </message>
    <message>
        <source>Not subscribed live now.</source>
        <translation>Pas abonné en direct actuellement.</translation>
    </message>
    <message>
        <source>Durable: cannot read the members bucket — %1.</source>
        <translation>Durable : le bucket des membres est illisible — %1.</translation>
    </message>
    <message>
        <source>Durable member since %1 (generation %2, from CHAT sequence %3): gets what it missed.</source>
        <translation>Membre durable depuis %1 (génération %2, à partir de la séquence CHAT %3) : reçoit ce qu’il a manqué.</translation>
    </message>
    <message>
        <source>Durable member, catch-up pending (generation %1, from CHAT sequence %2).</source>
        <translation>Membre durable, rattrapage en attente (génération %1, à partir de la séquence CHAT %2).</translation>
    </message>
    <message>
        <source>Left the durable membership at CHAT sequence %1 (%2).</source>
        <translation>A quitté l&apos;appartenance durable à la séquence CHAT %1 (%2).</translation>
    </message>
    <message>
        <source>Not a durable member.</source>
        <translation>Pas membre durable.</translation>
    </message>
    <message>
        <source>Drift: it reads this channel live although its ACL does not cover it.</source>
        <translation>Dérive : lit ce canal en direct alors que son ACL ne le couvre pas.</translation>
    </message>
    <message>
        <source>Risk: a durable member its ACL no longer covers — its copies will be dropped.</source>
        <translation>Risque : un membre durable que son ACL ne couvre plus — ses copies seront abandonnées.</translation>
    </message>
    <message>
        <source>agent id</source>
        <translation>id de l&apos;agent</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>Stale: an ACL record for an agent not seen for more than %1 days.</source>
        <translation>Périmée : une ACL pour un agent non vu depuis plus de %1 jours.</translation>
    </message>
    <message>
        <source>Its credential may subscribe to: %1.</source>
        <translation>Son identifiant peut s’abonner à : %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Its credential may subscribe to it through &quot;%1&quot;.</source>
        <translation>Son identifiant peut s’y abonner via « %1 ».</translation>
    </message>
    <message>
        <source>Its credential may not subscribe to it: the broker refuses a live subscription (durable copies still arrive through its DLV).</source>
        <translation>Son identifiant ne peut pas s’y abonner : le broker refuse un abonnement en direct (les copies durables arrivent toujours par son DLV).</translation>
    </message>
    <message>
        <source>Live: not shown — %1.</source>
        <translation>En direct : non affiché — %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AccessPane</name>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Filtrer les agents</translation>
    </message>
    <message>
        <source>Filter roles</source>
        <translation>Filtrer les rôles</translation>
    </message>
    <message>
        <source>Filter channels</source>
        <translation>Filtrer les canaux</translation>
    </message>
    <message>
        <source>Only &amp;problems</source>
        <translation>Seulement les &amp;problèmes</translation>
    </message>
    <message>
        <source>Only agents with drift or risk</source>
        <translation>Seulement les agents avec dérive ou risque</translation>
    </message>
    <message>
        <source>Agents and the channels they can read</source>
        <translation>Les agents et les canaux qu’ils peuvent lire</translation>
    </message>
    <message>
        <source>ACL · live · durable</source>
        <translation>ACL · en direct · durable</translation>
    </message>
    <message>
        <source>&amp;Edit ACL…</source>
        <translation>&amp;Modifier l’ACL…</translation>
    </message>
    <message>
        <source>Edit the selected agent&apos;s read ACL</source>
        <translation>Modifier l&apos;ACL de lecture de l&apos;agent choisi</translation>
    </message>
    <message>
        <source>Opens the ACL editor on this agent; an uncovered channel is pre-filled as the pattern to add</source>
        <translation>Ouvre l&apos;éditeur d&apos;ACL sur cet agent ; un canal non couvert est prérempli comme motif à ajouter</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the access view as CSV</source>
        <translation>Exporter la vue des accès en CSV</translation>
    </message>
    <message>
        <source>Export &amp;picture…</source>
        <translation>Exporter une &amp;image…</translation>
    </message>
    <message>
        <source>Export the access view as a PNG picture</source>
        <translation>Exporter la vue des accès en image PNG</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>l&apos;identifiant %1 ne peut pas lire %2</translation>
    </message>
    <message>
        <source>still loading</source>
        <translation>chargement en cours</translation>
    </message>
    <message>
        <source>Read ACLs: cannot read — %1.</source>
        <translation>ACL de lecture : lecture impossible — %1.</translation>
    </message>
    <message>
        <source>Durable memberships: cannot read — %1.</source>
        <translation>Appartenances durables : lecture impossible — %1.</translation>
    </message>
    <message>
        <source>Live uncovered: %1 · durable uncovered: %2 · stale ACLs: %3 · no ACL record: %4</source>
        <translation>En direct non couvert : %1 · durable non couvert : %2 · ACL périmées : %3 · sans ACL : %4</translation>
    </message>
    <message>
        <source>Select a cell to see why it reads as it does.</source>
        <translation>Choisissez une cellule pour voir pourquoi elle se lit ainsi.</translation>
    </message>
    <message>
        <source>Export the access view</source>
        <translation>Exporter la vue des accès</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Agents: %1 · channels: %2. </source>
        <translation>Agents : %1 · canaux : %2. </translation>
    </message>
    <message>
        <source>Live subscriptions: not shown — %1.</source>
        <translation>Abonnements en direct : non affichés — %1.</translation>
    </message>
    <message>
        <source>no feed daemon has written the membership feed (a delivery daemon with membership credentials does)</source>
        <translation>aucun démon n&apos;a écrit le flux d&apos;appartenance (un démon de distribution avec les identifiants d&apos;appartenance le fait)</translation>
    </message>
    <message>
        <source>the membership feed is stale: its last complete poll was %1 s ago</source>
        <translation>le flux d&apos;appartenance est périmé : sa dernière interrogation complète date de %1 s</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclBulkEditor</name>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>no ACL registry</source>
        <translation>aucun registre d&apos;ACL</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>validé</translation>
    </message>
    <message>
        <source>conflict — changed meanwhile, not written</source>
        <translation>conflit — modifié entre-temps, non écrit</translation>
    </message>
    <message>
        <source>not written</source>
        <translation>non écrit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>rien à modifier</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclConflictDialog</name>
    <message>
        <source>ACL changed meanwhile</source>
        <translation>ACL modifiée entre-temps</translation>
    </message>
    <message>
        <source>The read ACL of %1 was changed by someone else after you read it (you read revision %2; revision %3 is stored). Nothing was written.</source>
        <translation>L&apos;ACL de lecture de %1 a été modifiée par quelqu&apos;un d&apos;autre après votre lecture (vous avez lu la révision %2&#xa0;; la révision %3 est enregistrée). Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Enregistrée actuellement</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>(reads nothing)</source>
        <translation>(ne lit rien)</translation>
    </message>
    <message>
        <source>Re-applying your change on top of theirs would store: %1</source>
        <translation>Réappliquer votre modification par-dessus la leur enregistrerait&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>&amp;Recharger la leur</translation>
    </message>
    <message>
        <source>Reload the stored version and drop my change</source>
        <translation>Recharger la version enregistrée et abandonner ma modification</translation>
    </message>
    <message>
        <source>Re-&amp;apply my change</source>
        <translation>Ré&amp;appliquer ma modification</translation>
    </message>
    <message>
        <source>Re-apply my change on top of the stored version</source>
        <translation>Réappliquer ma modification par-dessus la version enregistrée</translation>
    </message>
    <message>
        <source>same patterns, different order</source>
        <translation>mêmes motifs, ordre différent</translation>
    </message>
    <message>
        <source>the stored record is gone</source>
        <translation>l&apos;enregistrement stocké a disparu</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclEditController</name>
    <message>
        <source>no ACL registry</source>
        <translation>aucun registre d&apos;ACL</translation>
    </message>
    <message>
        <source>an empty pattern matches no channel</source>
        <translation>un motif vide ne correspond à aucun canal</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>«&#xa0;%1&#xa0;» figure deux fois</translation>
    </message>
    <message>
        <source>&quot;%1&quot; covers the channels below &quot;%2&quot; but not &quot;%2&quot; itself; add &quot;%2&quot; to read it too</source>
        <translation>«&#xa0;%1&#xa0;» couvre les canaux sous «&#xa0;%2&#xa0;» mais pas «&#xa0;%2&#xa0;» lui-même&#xa0;; ajoutez «&#xa0;%2&#xa0;» pour le lire aussi</translation>
    </message>
    <message>
        <source>no owner is loaded</source>
        <translation>aucun propriétaire chargé</translation>
    </message>
    <message>
        <source>a write is already in flight</source>
        <translation>une écriture est déjà en cours</translation>
    </message>
    <message>
        <source>pattern %1 (&quot;%2&quot;): %3</source>
        <translation>motif %1 («&#xa0;%2&#xa0;»)&#xa0;: %3</translation>
    </message>
    <message>
        <source>the edit equals the stored record</source>
        <translation>la modification est identique à l&apos;enregistrement stocké</translation>
    </message>
    <message>
        <source>there is no conflict to resolve</source>
        <translation>il n&apos;y a aucun conflit à résoudre</translation>
    </message>
    <message>
        <source>%1 has no record to delete</source>
        <translation>%1 n&apos;a aucun enregistrement à supprimer</translation>
    </message>
    <message>
        <source>this console has made no ACL write to undo</source>
        <translation>cette console n&apos;a fait aucune écriture d&apos;ACL à annuler</translation>
    </message>
    <message>
        <source>nothing to restore</source>
        <translation>rien à restaurer</translation>
    </message>
    <message>
        <source>the record of %1 changed since it was read; nothing was deleted</source>
        <translation>l&apos;enregistrement de %1 a changé depuis sa lecture&#xa0;; rien n&apos;a été supprimé</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclEditorPane</name>
    <message>
        <source>(no record)</source>
        <translation>(aucun enregistrement)</translation>
    </message>
    <message>
        <source>(reads nothing)</source>
        <translation>(ne lit rien)</translation>
    </message>
    <message>
        <source>Read ACLs</source>
        <translation>ACL de lecture</translation>
    </message>
    <message>
        <source>Read ACLs by owner</source>
        <translation>ACL de lecture par propriétaire</translation>
    </message>
    <message>
        <source>Select an owner to edit its read ACL.</source>
        <translation>Sélectionnez un propriétaire pour modifier son ACL de lecture.</translation>
    </message>
    <message>
        <source>Patterns the owner may read</source>
        <translation>Motifs que le propriétaire peut lire</translation>
    </message>
    <message>
        <source>New pattern</source>
        <translation>Nouveau motif</translation>
    </message>
    <message>
        <source>channel or pattern, e.g. team.&gt; or general</source>
        <translation>canal ou motif, p. ex. team.&gt; ou general</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add pattern</source>
        <translation>Ajouter le motif</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Remove the selected pattern</source>
        <translation>Retirer le motif sélectionné</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move the pattern up</source>
        <translation>Monter le motif</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the pattern down</source>
        <translation>Descendre le motif</translation>
    </message>
    <message>
        <source>Pattern problems</source>
        <translation>Problèmes de motifs</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Couvert par</translation>
    </message>
    <message>
        <source>Coverage preview</source>
        <translation>Aperçu de la couverture</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Commit on the revision read</source>
        <translation>Valider sur la révision lue</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Rechar&amp;ger</translation>
    </message>
    <message>
        <source>Reload the stored record</source>
        <translation>Recharger l&apos;enregistrement stocké</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>&amp;Supprimer l&apos;enregistrement…</translation>
    </message>
    <message>
        <source>Delete the owner&apos;s record</source>
        <translation>Supprimer l&apos;enregistrement du propriétaire</translation>
    </message>
    <message>
        <source>Coverage of the space&apos;s known channels</source>
        <translation>Couverture des canaux connus de l&apos;espace</translation>
    </message>
    <message>
        <source>KV revision</source>
        <translation>Révision KV</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lit</translation>
    </message>
    <message>
        <source>Stored history of the record</source>
        <translation>Historique enregistré de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation>Actualiser l&apos;historique</translation>
    </message>
    <message>
        <source>Refresh the stored history</source>
        <translation>Actualiser l&apos;historique enregistré</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Révisions</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>This console&apos;s ACL writes</source>
        <translation>Écritures d&apos;ACL de cette console</translation>
    </message>
    <message>
        <source>&amp;Undo last commit</source>
        <translation>A&amp;nnuler la dernière validation</translation>
    </message>
    <message>
        <source>Undo this console&apos;s last ACL commit</source>
        <translation>Annuler la dernière validation d&apos;ACL de cette console</translation>
    </message>
    <message>
        <source>Stored revisions of the selected owner (the bucket keeps as many as its history setting allows; the reference creates it with one).</source>
        <translation>Révisions enregistrées du propriétaire sélectionné (le bucket en conserve autant que son réglage d&apos;historique le permet&#xa0;; l&apos;implémentation de référence le crée avec une seule).</translation>
    </message>
    <message>
        <source>Writes made from this console</source>
        <translation>Écritures faites depuis cette console</translation>
    </message>
    <message>
        <source>Patterns to add to every selected owner</source>
        <translation>Motifs à ajouter à chaque propriétaire sélectionné</translation>
    </message>
    <message>
        <source>patterns to add, separated by commas</source>
        <translation>motifs à ajouter, séparés par des virgules</translation>
    </message>
    <message>
        <source>Patterns to remove from every selected owner</source>
        <translation>Motifs à retirer de chaque propriétaire sélectionné</translation>
    </message>
    <message>
        <source>patterns to remove, separated by commas</source>
        <translation>motifs à retirer, séparés par des virgules</translation>
    </message>
    <message>
        <source>Apply to selected owners</source>
        <translation>Appliquer aux propriétaires sélectionnés</translation>
    </message>
    <message>
        <source>Apply the change to every selected owner</source>
        <translation>Appliquer la modification à chaque propriétaire sélectionné</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Per-owner results</source>
        <translation>Résultats par propriétaire</translation>
    </message>
    <message>
        <source>Select several owners in the table. Each owner is read and written with its own compare-and-set; a conflict on one owner does not affect the others.</source>
        <translation>Sélectionnez plusieurs propriétaires dans le tableau. Chaque propriétaire est lu et écrit avec son propre compare-and-set&#xa0;; un conflit sur l&apos;un n&apos;affecte pas les autres.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>En lot</translation>
    </message>
    <message>
        <source>The ACL watch failed: %1</source>
        <translation>La surveillance des ACL a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the ACL of %1: %2</source>
        <translation>Impossible de lire l&apos;ACL de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The stored record changed since you read it; committing will show both versions.</source>
        <translation>L&apos;enregistrement stocké a changé depuis votre lecture&#xa0;; la validation affichera les deux versions.</translation>
    </message>
    <message>
        <source>%1  ⚠ %2</source>
        <translation>%1  ⚠ %2</translation>
    </message>
    <message>
        <source>Pattern %1 (&quot;%2&quot;): %3</source>
        <translation>Motif %1 («&#xa0;%2&#xa0;»)&#xa0;: %3</translation>
    </message>
    <message>
        <source>New pattern: %1</source>
        <translation>Nouveau motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fix or remove the invalid patterns to commit.</source>
        <translation>Corrigez ou retirez les motifs invalides pour valider.</translation>
    </message>
    <message>
        <source>revision %1 as read</source>
        <translation>révision %1 telle que lue</translation>
    </message>
    <message>
        <source>no record yet — committing creates one</source>
        <translation>pas encore d&apos;enregistrement — la validation en crée un</translation>
    </message>
    <message>
        <source>%1 — %2; stored: %3</source>
        <translation>%1 — %2&#xa0;; enregistré&#xa0;: %3</translation>
    </message>
    <message>
        <source>reads</source>
        <translation>lit</translation>
    </message>
    <message>
        <source>Gains: %1</source>
        <translation>Gagne&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loses: %1</source>
        <translation>Perd&#xa0;: %1</translation>
    </message>
    <message>
        <source>An empty list means the owner reads nothing: the daemon drops their copies.</source>
        <translation>Une liste vide signifie que le propriétaire ne lit rien&#xa0;: le démon abandonne ses copies.</translation>
    </message>
    <message>
        <source>Committed %1: revision %2 → %3.</source>
        <translation>%1 validé&#xa0;: révision %2 → %3.</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>Validé.</translation>
    </message>
    <message>
        <source>Nothing to commit: %1.</source>
        <translation>Rien à valider&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Not committed: %1</source>
        <translation>Non validé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reloaded the stored version; your change was dropped.</source>
        <translation>Version enregistrée rechargée&#xa0;; votre modification a été abandonnée.</translation>
    </message>
    <message>
        <source>Kept your change uncommitted; it is still based on the older revision.</source>
        <translation>Votre modification est conservée sans validation&#xa0;; elle repose toujours sur l&apos;ancienne révision.</translation>
    </message>
    <message>
        <source>Delete the read ACL of %1?</source>
        <translation>Supprimer l&apos;ACL de lecture de %1&#xa0;?</translation>
    </message>
    <message>
        <source>Deleting the record makes %1 unknown to the delivery daemon: it DEFERS their copies (retries each for a while, then gives up on it) and refuses their durable joins. To stop delivery on purpose, keep the record and remove patterns instead — an empty list means &quot;reads nothing&quot;, and the daemon DROPS their copies.

Delete revision %2 only if it is still the stored one?</source>
        <translation>Supprimer l&apos;enregistrement rend %1 inconnu du démon de distribution&#xa0;: il DIFFÈRE ses copies (réessaie chacune un moment, puis y renonce) et refuse ses adhésions durables. Pour arrêter volontairement la distribution, gardez l&apos;enregistrement et retirez plutôt des motifs — une liste vide signifie «&#xa0;ne lit rien&#xa0;», et le démon ABANDONNE ses copies.

Supprimer la révision %2 seulement si elle est toujours celle enregistrée&#xa0;?</translation>
    </message>
    <message>
        <source>put</source>
        <translation>écriture</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>purge</source>
        <translation>purge</translation>
    </message>
    <message>
        <source>(undecodable)</source>
        <translation>(indécodable)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>the %1 credential may not write ACLs — add a provisioner credential to this connection</source>
        <translation>les identifiants %1 ne peuvent pas écrire d&apos;ACL — ajoutez des identifiants provisioner à cette connexion</translation>
    </message>
    <message>
        <source>the %1 credential may not read the ACL bucket</source>
        <translation>les identifiants %1 ne peuvent pas lire le bucket des ACL</translation>
    </message>
    <message>
        <source>the %1 credential may not read the ACL bucket; add a delivery credential to this connection</source>
        <translation>les identifiants %1 ne peuvent pas lire le bucket des ACL ; ajoutez des identifiants delivery à cette connexion</translation>
    </message>
    <message>
        <source>Cannot read the ACLs: %1.</source>
        <translation>Impossible de lire les ACL : %1.</translation>
    </message>
    <message>
        <source>Not committed: %1.</source>
        <translation>Non validé : %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AclTableModel</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Reads (allowSubscribe)</source>
        <translation>Lit (allowSubscribe)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>no record — the daemon defers their copies</source>
        <translation>aucun enregistrement — le démon diffère ses copies</translation>
    </message>
    <message>
        <source>undecodable record — the daemon defers their copies</source>
        <translation>enregistrement indécodable — le démon diffère ses copies</translation>
    </message>
    <message>
        <source>reads nothing</source>
        <translation>ne lit rien</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>cannot read — %1</source>
        <translation>illisible — %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AgentDetailPane</name>
    <message>
        <source>Agent card</source>
        <translation>Fiche de l&apos;agent</translation>
    </message>
    <message>
        <source>Select an agent in the roster.</source>
        <translation>Sélectionnez un agent dans la liste des agents.</translation>
    </message>
    <message>
        <source>Last messages of the agent</source>
        <translation>Derniers messages de l&apos;agent</translation>
    </message>
    <message>
        <source>Last messages</source>
        <translation>Derniers messages</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>point de terminaison</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>agent role</comment>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>meta.%1</source>
        <translation>meta.%1</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Channel modes</source>
        <translation>Modes des canaux</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Last record</source>
        <translation>Dernier enregistrement</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AnomalyDialog</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Traffic the console refused: spoofed senders, malformed JSON or subjects, forged presence. Terminated copies are JetStream messages acknowledged with TERM so they are never redelivered.</source>
        <translation>Trafic refusé par la console&#xa0;: expéditeurs usurpés, JSON ou sujets mal formés, présence falsifiée. Les copies terminées sont des messages JetStream acquittés avec TERM pour qu&apos;ils ne soient jamais redistribués.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::AnomalyModel</name>
    <message>
        <source>malformed JSON</source>
        <translation>JSON mal formé</translation>
    </message>
    <message>
        <source>spoofed sender</source>
        <translation>expéditeur usurpé</translation>
    </message>
    <message>
        <source>malformed subject</source>
        <translation>sujet mal formé</translation>
    </message>
    <message>
        <source>forged presence</source>
        <translation>présence falsifiée</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>rattrapage</translation>
    </message>
    <message>
        <source>DM consumer</source>
        <translation>consommateur DM</translation>
    </message>
    <message>
        <source>role queue</source>
        <translation>file de rôle</translation>
    </message>
    <message>
        <source>durable backstop</source>
        <translation>filet de sécurité durable</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>écoute</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>présence</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>JetStream copy</source>
        <translation>Copie JetStream</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelConfigDialog</name>
    <message>
        <source>Channel #%1</source>
        <translation>Canal #%1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Replay history to joiners</source>
        <translation>Rejouer l&apos;historique aux arrivants</translation>
    </message>
    <message>
        <source>empty = all retained history; e.g. 30m, 2h, 7d</source>
        <translation>vide = tout l&apos;historique conservé&#xa0;; p. ex. 30m, 2h, 7d</translation>
    </message>
    <message>
        <source>Replay window</source>
        <translation>Fenêtre de relecture</translation>
    </message>
    <message>
        <source>Delivery class</source>
        <translation>Classe de distribution</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>durable</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Instructions&#xa0;:</translation>
    </message>
    <message>
        <source>Replay &amp;window:</source>
        <translation>&amp;Fenêtre de relecture&#xa0;:</translation>
    </message>
    <message>
        <source>Delivery &amp;class:</source>
        <translation>&amp;Classe de distribution&#xa0;:</translation>
    </message>
    <message>
        <source> (the channel has no registry entry)</source>
        <translation> (le canal n&apos;a pas d&apos;entrée dans le registre)</translation>
    </message>
    <message>
        <source>The description has %1 characters; at most %2 are allowed.</source>
        <translation>La description compte %1 caractères&#xa0;; %2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>The instructions have %1 characters; at most %2 are allowed.</source>
        <translation>Les instructions comptent %1 caractères&#xa0;; %2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>The replay window must be a number followed by s, m, h or d (e.g. 90m).</source>
        <translation>La fenêtre de relecture doit être un nombre suivi de s, m, h ou d (p. ex. 90m).</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the channel config</source>
        <translation>Enregistrer la configuration du canal</translation>
    </message>
    <message>
        <source>Loading the stored config…</source>
        <translation>Chargement de la configuration enregistrée…</translation>
    </message>
    <message>
        <source>Read-only: the registry connection is not open. The values shown are the effective ones from the last channel listing%1.</source>
        <translation>Lecture seule&#xa0;: la connexion au registre n&apos;est pas ouverte. Les valeurs affichées sont celles en vigueur d&apos;après la dernière liste des canaux%1.</translation>
    </message>
    <message>
        <source>The stored config cannot be read: %1</source>
        <translation>Impossible de lire la configuration enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stored at revision %1. Saving writes on that revision only.</source>
        <translation>Enregistrée à la révision %1. L&apos;enregistrement n&apos;écrit que sur cette révision.</translation>
    </message>
    <message>
        <source>No registry entry yet: saving creates one (and fails if someone else creates it first).</source>
        <translation>Pas encore d&apos;entrée dans le registre&#xa0;: l&apos;enregistrement en crée une (et échoue si quelqu&apos;un d&apos;autre la crée avant).</translation>
    </message>
    <message>
        <source>Someone else changed this channel since you opened it. Their version is shown now; apply your change again.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié ce canal depuis que vous l&apos;avez ouvert. Sa version est maintenant affichée&#xa0;; appliquez de nouveau votre modification.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelViewPane</name>
    <message>
        <source>Open a channel from the Channels tab.</source>
        <translation>Ouvrez un canal depuis l&apos;onglet Canaux.</translation>
    </message>
    <message>
        <source>Channel messages</source>
        <translation>Messages du canal</translation>
    </message>
    <message>
        <source>Reading history…</source>
        <translation>Lecture de l&apos;historique…</translation>
    </message>
    <message numerus="yes">
        <source>%n retained message(s) backfilled.</source>
        <translation>
            <numerusform>%n message conservé rattrapé.</numerusform>
            <numerusform>%n messages conservés rattrapés.</numerusform>
        </translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Historique indisponible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelsModel</name>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no durable delivery health</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Durable backstop active.</source>
        <translation>Filet de sécurité durable actif.</translation>
    </message>
    <message>
        <source>The delivery daemon is down or not ready (no live delivery lease).</source>
        <translation>Le démon de distribution est arrêté ou pas prêt (aucun bail de distribution valide).</translation>
    </message>
    <message>
        <source>This session holds no durable membership for the channel: the join came back live-only, or the boot self-join is still reconciling.</source>
        <translation>Cette session n&apos;a aucune adhésion durable au canal&#xa0;: l&apos;adhésion est revenue en direct seulement, ou l&apos;auto-adhésion au démarrage est encore en cours de réconciliation.</translation>
    </message>
    <message>
        <source>Durable backstop unavailable — live messages still arrive; offline replay is at risk after the backlog cap. %1</source>
        <translation>Filet de sécurité durable indisponible — les messages en direct arrivent toujours&#xa0;; la relecture hors ligne est compromise au-delà du plafond d&apos;arriéré. %1</translation>
    </message>
    <message>
        <source>Not joined: durable health applies to joined channels only.</source>
        <translation>Non rejoint&#xa0;: l&apos;état durable ne concerne que les canaux rejoints.</translation>
    </message>
    <message>
        <source>Live delivery class: no durable backstop.</source>
        <translation>Classe de distribution en direct&#xa0;: pas de filet de sécurité durable.</translation>
    </message>
    <message>
        <source>Delivery lease unreadable with this credential (or open mesh without a daemon).</source>
        <translation>Bail de distribution illisible avec ces identifiants (ou maillage ouvert sans démon).</translation>
    </message>
    <message>
        <source>off</source>
        <comment>replay</comment>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>full history</source>
        <translation>tout l&apos;historique</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>derniers %1</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>durable</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>rejoint</translation>
    </message>
    <message>
        <source>Seen in the live feed; not in the last channel listing yet</source>
        <translation>Vu dans le flux en direct&#xa0;; pas encore dans la dernière liste des canaux</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Rejoint</translation>
    </message>
    <message>
        <source>Durable health</source>
        <translation>État durable</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ChannelsPane</name>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>&amp;Open channel view</source>
        <translation>&amp;Ouvrir la vue du canal</translation>
    </message>
    <message>
        <source>Channel &amp;config…</source>
        <translation>&amp;Configuration du canal…</translation>
    </message>
    <message>
        <source>&amp;Refresh channels</source>
        <translation>&amp;Actualiser les canaux</translation>
    </message>
    <message>
        <source>Channel listing failed: %1</source>
        <translation>La liste des canaux a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ClusterModel</name>
    <message>
        <source>%1 offline</source>
        <translation>%1 hors ligne</translation>
    </message>
    <message>
        <source>%1 behind by %2</source>
        <translation>%1 en retard de %2</translation>
    </message>
    <message>
        <source>%1 current</source>
        <translation>%1 à jour</translation>
    </message>
    <message>
        <source>cannot read — needs %1</source>
        <translation>lecture impossible — il faut %1</translation>
    </message>
    <message>
        <source>lookup failed — %1</source>
        <translation>consultation échouée — %1</translation>
    </message>
    <message>
        <source>no leader — an election is running or too few copies are reachable</source>
        <translation>pas de leader — une élection est en cours ou trop peu de copies sont joignables</translation>
    </message>
    <message>
        <source>1 copy not current</source>
        <translation>1 copie pas à jour</translation>
    </message>
    <message>
        <source>%1 copies not current</source>
        <translation>%1 copies pas à jour</translation>
    </message>
    <message>
        <source>one copy — a lost server loses the stream</source>
        <translation>une seule copie — la perte du serveur fait perdre le stream</translation>
    </message>
    <message>
        <source>all %1 copies current</source>
        <translation>les %1 copies sont à jour</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Répliques</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Suiveurs</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ClusterPane</name>
    <message>
        <source>Server of this connection</source>
        <translation>Serveur de cette connexion</translation>
    </message>
    <message>
        <source>Servers to fail over to</source>
        <translation>Serveurs de repli</translation>
    </message>
    <message>
        <source>When the cluster last answered</source>
        <translation>Dernière réponse du cluster</translation>
    </message>
    <message>
        <source>Streams of the space and where they live</source>
        <translation>Streams de l&apos;espace et leur emplacement</translation>
    </message>
    <message>
        <source>Leader changes seen</source>
        <translation>Changements de leader observés</translation>
    </message>
    <message>
        <source>Not connected to the space.</source>
        <translation>Non connecté à l&apos;espace.</translation>
    </message>
    <message>
        <source>a provisioner credential that may look up this stream</source>
        <translation>un identifiant provisioner autorisé à consulter ce stream</translation>
    </message>
    <message>
        <source>a provisioner credential on this connection (the %1 credential may not look streams up)</source>
        <translation>un identifiant provisioner sur cette connexion (l&apos;identifiant %1 ne peut pas consulter les streams)</translation>
    </message>
    <message>
        <source>Asking the %1 connection…</source>
        <translation>Interrogation via la connexion %1…</translation>
    </message>
    <message>
        <source>The %1 connection is not connected to any server now; it keeps trying the servers below.</source>
        <translation>La connexion %1 n&apos;est connectée à aucun serveur pour l&apos;instant&#xa0;; elle continue d&apos;essayer les serveurs ci-dessous.</translation>
    </message>
    <message>
        <source>The %1 connection is on %2 (server id %3).</source>
        <translation>La connexion %1 est sur %2 (identifiant du serveur %3).</translation>
    </message>
    <message>
        <source>Servers it may fail over to: %1</source>
        <translation>Serveurs de repli&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1  %2: leader %3 → %4</source>
        <translation>%1  %2&#xa0;: leader %3 → %4</translation>
    </message>
    <message>
        <source>Waiting for the first answer…</source>
        <translation>En attente de la première réponse…</translation>
    </message>
    <message>
        <source>Stale: the last answer came at %1; the servers are not answering now.</source>
        <translation>Périmé&#xa0;: la dernière réponse date de %1&#xa0;; les serveurs ne répondent pas en ce moment.</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Mis à jour à %1.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Tapez une commande…</translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation>Filtre de commandes</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ComposeBar</name>
    <message>
        <source>Send to</source>
        <translation>Envoyer à</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Peer (DM)</source>
        <translation>Pair (DM)</translation>
    </message>
    <message>
        <source>Role (anycast)</source>
        <translation>Rôle (anycast)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Send result</source>
        <translation>Résultat de l&apos;envoi</translation>
    </message>
    <message>
        <source>Choose where to send it.</source>
        <translation>Choisissez où l&apos;envoyer.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent to %1 (stream sequence %2).</source>
        <translation>Envoyé à %1 (séquence du flux %2).</translation>
    </message>
    <message>
        <source>Permission denied: this credential may not publish to %1. Nothing was sent.</source>
        <translation>Permission refusée&#xa0;: ces identifiants ne peuvent pas publier sur %1. Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>No responders: no stream stores %1 — is the space provisioned? Nothing was sent.</source>
        <translation>Aucun répondeur&#xa0;: aucun flux ne stocke %1 — l&apos;espace est-il provisionné&#xa0;? Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not sent: no stream acknowledged it in time — is the space provisioned?</source>
        <translation>Non envoyé : aucun flux ne l’a confirmé à temps — l’espace est-il provisionné ?</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Paste a cotal:// or cotals:// join link to fill the form</source>
        <translation>Collez un lien d&apos;accès cotal:// ou cotals:// pour remplir le formulaire</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Lien d&apos;accès</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Nom de la connexion</translation>
    </message>
    <message>
        <source>nats://host:4222, tls://other:4222</source>
        <translation>nats://host:4222, tls://other:4222</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>None (open mesh)</source>
        <translation>Aucune (maillage ouvert)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>Creds file on disk</source>
        <translation>Fichier creds sur le disque</translation>
    </message>
    <message>
        <source>Creds kept in the keychain</source>
        <translation>Creds conservés dans le trousseau</translation>
    </message>
    <message>
        <source>NKey seed (kept in the keychain)</source>
        <translation>Graine NKey (conservée dans le trousseau)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
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
        <translation>Importer depuis un fichier…</translation>
    </message>
    <message>
        <source>Import creds from a file</source>
        <translation>Importer les creds depuis un fichier</translation>
    </message>
    <message>
        <source>Creds file</source>
        <translation>Fichier creds</translation>
    </message>
    <message>
        <source>Creds (*.creds);;All files (*)</source>
        <translation>Creds (*.creds);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Remember the secret in the system keychain</source>
        <translation>Mémoriser le secret dans le trousseau du système</translation>
    </message>
    <message>
        <source>Unchecked: don&apos;t remember — the secret is used for this session only and asked for again next time.</source>
        <translation>Décoché&#xa0;: ne pas mémoriser — le secret ne sert que pour cette session et sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>Exiger TLS</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>Fichier CA TLS</translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation>Certificat client TLS</translation>
    </message>
    <message>
        <source>TLS client key</source>
        <translation>Clé client TLS</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>&amp;Join link:</source>
        <translation>&amp;Lien d&apos;accès&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>&amp;Serveurs&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;pace:</source>
        <translation>&amp;Espace&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentification&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>Sec&amp;ret&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Creds:</source>
        <translation>Cre&amp;ds&#xa0;:</translation>
    </message>
    <message>
        <source>Creds &amp;file:</source>
        <translation>&amp;Fichier creds&#xa0;:</translation>
    </message>
    <message>
        <source>TLS C&amp;A:</source>
        <translation>CA &amp;TLS&#xa0;:</translation>
    </message>
    <message>
        <source>TLS c&amp;ertificate:</source>
        <translation>Cert&amp;ificat TLS&#xa0;:</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>Clé &amp;privée TLS&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>N&amp;om affiché&#xa0;:</translation>
    </message>
    <message>
        <source>Connection dialog message</source>
        <translation>Message de la boîte de dialogue de connexion</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Tester la conne&amp;xion</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <source>Save and c&amp;onnect</source>
        <translation>Enregistrer et &amp;connecter</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Rechercher %1</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain, if remembered)</source>
        <translation>inchangé (conservé dans le trousseau, s&apos;il a été mémorisé)</translation>
    </message>
    <message>
        <source>Not a usable join link: %1</source>
        <translation>Lien d&apos;accès inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Filled from the join link.</source>
        <translation>Rempli à partir du lien d&apos;accès.</translation>
    </message>
    <message>
        <source>It names channels %1; the console watches every channel anyway.</source>
        <translation>Il désigne les canaux %1&#xa0;; la console surveille de toute façon tous les canaux.</translation>
    </message>
    <message>
        <source>Enter at least one server.</source>
        <translation>Indiquez au moins un serveur.</translation>
    </message>
    <message>
        <source>Enter the space.</source>
        <translation>Indiquez l&apos;espace.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Indiquez le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Choose the creds file.</source>
        <translation>Choisissez le fichier creds.</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>Saisissez le secret.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Échec de la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connected: the server accepted these credentials.</source>
        <translation>Connecté&#xa0;: le serveur a accepté ces identifiants.</translation>
    </message>
    <message>
        <source>Connected (open mesh: nothing is enforced).</source>
        <translation>Connecté (maillage ouvert&#xa0;: rien n&apos;est imposé).</translation>
    </message>
    <message>
        <source>No keychain service is available (no Secret Service is running), so the secret was not remembered. It is used for this session only; you will be asked for it next time.</source>
        <translation>Aucun service de trousseau n&apos;est disponible (aucun Secret Service ne tourne), le secret n&apos;a donc pas été mémorisé. Il ne sert que pour cette session&#xa0;; il vous sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>The keychain refused the secret: %1. Untick &quot;Remember&quot; to use it for this session only.</source>
        <translation>Le trousseau a refusé le secret&#xa0;: %1. Décochez «&#xa0;Mémoriser&#xa0;» pour ne l&apos;utiliser que pendant cette session.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identité :</translation>
    </message>
    <message>
        <source>generated when saved</source>
        <translation>générée à l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Without a credential the console keeps one generated id.</source>
        <translation>Sans identifiants, la console garde un identifiant généré.</translation>
    </message>
    <message>
        <source>the public key of the credential in the keychain</source>
        <translation>la clé publique des identifiants du trousseau</translation>
    </message>
    <message>
        <source>The credential&apos;s public key: the console&apos;s id.</source>
        <translation>La clé publique des identifiants : l&apos;identifiant de la console.</translation>
    </message>
    <message>
        <source>The credential&apos;s public key: the console&apos;s id. Minted as &quot;%1&quot;.</source>
        <translation>La clé publique des identifiants : l&apos;identifiant de la console. Émis comme « %1 ».</translation>
    </message>
    <message>
        <source>Provisioner creds file</source>
        <translation>Fichier creds du provisioner</translation>
    </message>
    <message>
        <source>optional: ACL and channel edits, provisioning</source>
        <translation>facultatif : modifications des ACL et des canaux, provisionnement</translation>
    </message>
    <message>
        <source>Delivery creds file</source>
        <translation>Fichier creds de delivery</translation>
    </message>
    <message>
        <source>optional: the delivery daemon, the lease, members, ACL reads</source>
        <translation>facultatif : le démon de distribution, le bail, les membres, la lecture des ACL</translation>
    </message>
    <message>
        <source>P&amp;rovisioner creds:</source>
        <translation>Creds p&amp;rovisioner :</translation>
    </message>
    <message>
        <source>De&amp;livery creds:</source>
        <translation>Creds de&amp;livery :</translation>
    </message>
    <message>
        <source>provisioner</source>
        <translation>provisioner</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>delivery</translation>
    </message>
    <message>
        <source>The %1 creds file cannot be used: %2</source>
        <translation>Le fichier creds %1 est inutilisable : %2</translation>
    </message>
    <message>
        <source>&amp;Appear in the space (presence with this console&apos;s card)</source>
        <translation>&amp;Apparaître dans l’espace (présence avec la carte de cette console)</translation>
    </message>
    <message>
        <source>Off: the console watches invisibly. On: agents see it in their roster, as they see each other; the credential must be allowed to write presence.</source>
        <translation>Désactivé : la console observe sans être vue. Activé : les agents la voient dans leur liste, comme ils se voient entre eux ; l’identifiant doit pouvoir écrire la présence.</translation>
    </message>
    <message>
        <source>Membership observer creds file</source>
        <translation>Fichier d&apos;identifiants de l&apos;observateur d&apos;appartenance</translation>
    </message>
    <message>
        <source>optional: the daemon&apos;s membership feed (system account)</source>
        <translation>facultatif : le flux d&apos;appartenance du démon (compte système)</translation>
    </message>
    <message>
        <source>Membership writer creds file</source>
        <translation>Fichier d&apos;identifiants du rédacteur d&apos;appartenance</translation>
    </message>
    <message>
        <source>optional: the daemon&apos;s membership feed (membership-rw)</source>
        <translation>facultatif : le flux d&apos;appartenance du démon (membership-rw)</translation>
    </message>
    <message>
        <source>&amp;Membership observer creds:</source>
        <translation>Observateur d&apos;appartenance (&amp;M) :</translation>
    </message>
    <message>
        <source>Membership &amp;writer creds:</source>
        <translation>Rédacteur d&apos;appartenance (&amp;W) :</translation>
    </message>
    <message>
        <source>The membership feed needs both creds files: the observer and the writer.</source>
        <translation>Le flux d&apos;appartenance a besoin des deux fichiers d&apos;identifiants : l&apos;observateur et le rédacteur.</translation>
    </message>
    <message>
        <source>membership observer</source>
        <translation>observateur d&apos;appartenance</translation>
    </message>
    <message>
        <source>membership writer</source>
        <translation>rédacteur d&apos;appartenance</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConnectionsPage</name>
    <message>
        <source>open mesh</source>
        <translation>maillage ouvert</translation>
    </message>
    <message>
        <source>token</source>
        <translation>jeton</translation>
    </message>
    <message>
        <source>user and password</source>
        <translation>utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>creds file</source>
        <translation>fichier creds</translation>
    </message>
    <message>
        <source>creds in keychain</source>
        <translation>creds dans le trousseau</translation>
    </message>
    <message>
        <source>NKey seed</source>
        <translation>graine NKey</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Connections&lt;/h2&gt;Recent connections, most recent first. Secrets are kept in the system keychain, never in settings.</source>
        <translation>&lt;h2&gt;Connexions&lt;/h2&gt;Connexions récentes, les plus récentes d&apos;abord. Les secrets sont conservés dans le trousseau du système, jamais dans les paramètres.</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Connexions récentes</translation>
    </message>
    <message>
        <source>No saved connections yet: create one, or paste a join link into a new connection.</source>
        <translation>Aucune connexion enregistrée pour l&apos;instant&#xa0;: créez-en une, ou collez un lien d&apos;accès dans une nouvelle connexion.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 — space %2 on %3 (%4)</source>
        <translation>%1 — espace %2 sur %3 (%4)</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConsoleSession</name>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconnexion…</translation>
    </message>
    <message>
        <source>connection lost — rebuilding…</source>
        <translation>connexion perdue — reconstruction…</translation>
    </message>
    <message>
        <source>disconnecting…</source>
        <translation>déconnexion…</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>échec de la connexion</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ConsoleStatusBar</name>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>Messages par seconde</translation>
    </message>
    <message>
        <source>Anomalies: open the list</source>
        <translation>Anomalies&#xa0;: ouvrir la liste</translation>
    </message>
    <message>
        <source>(auto-reconnect on)</source>
        <translation>(reconnexion automatique activée)</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>serveur %1</translation>
    </message>
    <message>
        <source>space %1</source>
        <translation>espace %1</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>en tant que %1</translation>
    </message>
    <message>
        <source>as %1 (open mesh: nothing is enforced)</source>
        <translation>en tant que %1 (maillage ouvert&#xa0;: rien n&apos;est imposé)</translation>
    </message>
    <message>
        <source>⚠ %1 spoofed · %2 malformed · %3 terminated</source>
        <translation>⚠ %1 usurpés · %2 mal formés · %3 terminés</translation>
    </message>
    <message>
        <source>Messages not shown</source>
        <translation>Messages non affichés</translation>
    </message>
    <message>
        <source>Live copies arrived faster than this console could show them and were skipped. Agents still received them, and channel history still holds them.</source>
        <translation>Des copies en direct sont arrivées plus vite que cette console ne pouvait les afficher et ont été ignorées. Les agents les ont bien reçues, et l’historique du canal les conserve.</translation>
    </message>
    <message>
        <source>%L1 not shown (console behind)</source>
        <translation>%L1 non affichés (console en retard)</translation>
    </message>
    <message>
        <source>Credentials in use</source>
        <translation>Identifiants utilisés</translation>
    </message>
    <message>
        <source>The credentials this connection reads and writes through: the view credential first, then the role credentials.</source>
        <translation>Les identifiants par lesquels cette connexion lit et écrit : les identifiants de vue, puis ceux des rôles.</translation>
    </message>
    <message>
        <source>credentials: %1</source>
        <translation>identifiants : %1</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 msg/s</translation>
    </message>
    <message>
        <source>space %1 — %2</source>
        <translation>espace %1 — %2</translation>
    </message>
    <message>
        <source>Access drift: open the access view</source>
        <translation>Dérive des accès : ouvrir la vue des accès</translation>
    </message>
    <message>
        <source>access: %1 live uncovered · %2 durable uncovered · %3 stale ACL · %4 no ACL</source>
        <translation>accès : %1 en direct non couvert · %2 durable non couvert · %3 ACL périmée · %4 sans ACL</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DaemonPane</name>
    <message>
        <source>&amp;Start daemon</source>
        <translation>&amp;Démarrer le démon</translation>
    </message>
    <message>
        <source>S&amp;top daemon</source>
        <translation>&amp;Arrêter le démon</translation>
    </message>
    <message>
        <source>Delivered copies/s</source>
        <translation>Copies distribuées/s</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Fan-out lag</source>
        <translation>Retard de diffusion</translation>
    </message>
    <message>
        <source>msgs</source>
        <translation>msg</translation>
    </message>
    <message>
        <source>Delivery daemon</source>
        <translation>Démon de distribution</translation>
    </message>
    <message>
        <source>Start the in-process delivery daemon</source>
        <translation>Démarrer le démon de distribution intégré</translation>
    </message>
    <message>
        <source>Stop the in-process delivery daemon</source>
        <translation>Arrêter le démon de distribution intégré</translation>
    </message>
    <message>
        <source>Daemon state</source>
        <translation>État du démon</translation>
    </message>
    <message>
        <source>Daemon lease</source>
        <translation>Bail du démon</translation>
    </message>
    <message>
        <source>Daemon metrics</source>
        <translation>Métriques du démon</translation>
    </message>
    <message>
        <source>Daemon log</source>
        <translation>Journal du démon</translation>
    </message>
    <message>
        <source>&lt;b&gt;In-process delivery daemon&lt;/b&gt;</source>
        <translation>&lt;b&gt;Démon de distribution intégré&lt;/b&gt;</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>not started: the lease is held by %1</source>
        <translation>non démarré&#xa0;: le bail est détenu par %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>non démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>State: %1 — %2</source>
        <translation>État&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <source>Lease: not seen yet</source>
        <translation>Bail&#xa0;: pas encore vu</translation>
    </message>
    <message>
        <source>Lease: lease.0 held by this daemon (%1), %2 left, revision %3</source>
        <translation>Bail&#xa0;: lease.0 détenu par ce démon (%1), %2 restant, révision %3</translation>
    </message>
    <message>
        <source>Lease: lease.0 is not held by this daemon (%1 %2)</source>
        <translation>Bail&#xa0;: lease.0 n&apos;est pas détenu par ce démon (%1 %2)</translation>
    </message>
    <message>
        <source>CHAT processed</source>
        <translation>CHAT traités</translation>
    </message>
    <message>
        <source>Copies fanned out</source>
        <translation>Copies diffusées</translation>
    </message>
    <message>
        <source>CHAT dropped (malformed)</source>
        <translation>CHAT abandonnés (mal formés)</translation>
    </message>
    <message>
        <source>Delivered to DLV</source>
        <translation>Distribués à DLV</translation>
    </message>
    <message>
        <source>Deferred (no ACL yet)</source>
        <translation>Différés (pas encore d&apos;ACL)</translation>
    </message>
    <message>
        <source>Dropped (outside ACL/interval)</source>
        <translation>Abandonnés (hors ACL/intervalle)</translation>
    </message>
    <message>
        <source>Terminated (10 deliveries)</source>
        <translation>Terminés (10 distributions)</translation>
    </message>
    <message>
        <source>CHAT evicted unread</source>
        <translation>CHAT évincés sans lecture</translation>
    </message>
    <message>
        <source>INBOX evicted unread</source>
        <translation>INBOX évincés sans lecture</translation>
    </message>
    <message>
        <source>DLV evicted unread</source>
        <translation>DLV évincés sans lecture</translation>
    </message>
    <message>
        <source>Lag (messages)</source>
        <translation>Retard (messages)</translation>
    </message>
    <message>
        <source>CHAT frontier</source>
        <translation>Front CHAT</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Lease: not running here; no daemon holds lease.0</source>
        <translation>Bail&#xa0;: pas en cours ici&#xa0;; aucun démon ne détient lease.0</translation>
    </message>
    <message>
        <source>Lease: not running here; lease.0 is held by %1 (%2). A daemon started here is refused while that lease is live.</source>
        <translation>Bail&#xa0;: pas en cours ici&#xa0;; lease.0 est détenu par %1 (%2). Un démon démarré ici est refusé tant que ce bail est valide.</translation>
    </message>
    <message>
        <source>Copies held (mixed inbox full)</source>
        <translation>Copies retenues (boîte mixte pleine)</translation>
    </message>
    <message>
        <source>Transfers held (member reading slowly)</source>
        <translation>Transferts retenus (membre lent à lire)</translation>
    </message>
    <message>
        <source>State: running — %1, in this process</source>
        <translation>État : en marche — %1, dans ce processus</translation>
    </message>
    <message>
        <source>Showing %1: it runs in this process and starts and stops with it, not from here.</source>
        <translation>Affichage de %1 : il tourne dans ce processus et démarre et s’arrête avec lui, pas d’ici.</translation>
    </message>
    <message>
        <source>This process already runs a delivery daemon for the space.</source>
        <translation>Ce processus fait déjà tourner un démon de distribution pour l’espace.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DeliveryPane</name>
    <message>
        <source>Delivery</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Delivery pages</source>
        <translation>Pages de distribution</translation>
    </message>
    <message>
        <source>Lease and daemon</source>
        <translation>Bail et démon</translation>
    </message>
    <message>
        <source>Lease &amp;&amp; daemon</source>
        <translation>Bail &amp;&amp; démon</translation>
    </message>
    <message>
        <source>Membership timelines</source>
        <translation>Chronologies des adhésions</translation>
    </message>
    <message>
        <source>Health explained</source>
        <translation>État expliqué</translation>
    </message>
    <message>
        <source>this console&apos;s daemon</source>
        <translation>le démon de cette console</translation>
    </message>
    <message>
        <source>Releasing lease.%1 at revision %2…</source>
        <translation>Libération de lease.%1 à la révision %2…</translation>
    </message>
    <message>
        <source>lease.%1 released at revision %2.</source>
        <translation>lease.%1 libéré à la révision %2.</translation>
    </message>
    <message>
        <source>Nothing to release: the bucket already removed the expired lease.</source>
        <translation>Rien à libérer&#xa0;: le bucket a déjà supprimé le bail expiré.</translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation>Non libéré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the durable memberships: %1.</source>
        <translation>Impossible de lire les adhésions durables : %1.</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>les identifiants %1 ne peuvent pas lire %2</translation>
    </message>
    <message>
        <source>the %1 credential may not send control requests</source>
        <translation>les identifiants %1 ne peuvent pas envoyer de requêtes de contrôle</translation>
    </message>
    <message>
        <source>the space&apos;s delivery daemon</source>
        <translation>le démon de distribution de l&apos;espace</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DmLensModel</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Latest message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Peer A</source>
        <translation>Pair A</translation>
    </message>
    <message>
        <source>Peer B</source>
        <translation>Pair B</translation>
    </message>
</context>
<context>
    <name>cotal::ui::DmLensPane</name>
    <message>
        <source>Direct-message conversations</source>
        <translation>Conversations en messages directs</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>DMs hidden: the activity tap is not running.</source>
        <translation>DM masqués&#xa0;: l&apos;écoute de l&apos;activité ne tourne pas.</translation>
    </message>
    <message>
        <source>DMs hidden: this credential may read channel traffic only (its grants hold no all-activity tap).</source>
        <translation>DM masqués : ces identifiants ne peuvent lire que le trafic des canaux (leurs droits n&apos;incluent pas l&apos;écoute de toute l&apos;activité).</translation>
    </message>
</context>
<context>
    <name>cotal::ui::FeedModel</name>
    <message>
        <source>history</source>
        <comment>backfilled message marker</comment>
        <translation>historique</translation>
    </message>
    <message>
        <source>Backfilled from channel history when joining, not received live</source>
        <translation>Rattrapé depuis l&apos;historique du canal lors de l&apos;adhésion, non reçu en direct</translation>
    </message>
    <message>
        <source>Mode</source>
        <comment>delivery mode column</comment>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Channel / target</source>
        <translation>Canal / cible</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>live or historical column</comment>
        <translation>Source</translation>
    </message>
    <message>
        <source>channel</source>
        <comment>delivery mode badge</comment>
        <translation>canal</translation>
    </message>
    <message>
        <source>DM</source>
        <comment>delivery mode badge</comment>
        <translation>DM</translation>
    </message>
    <message>
        <source>anycast</source>
        <comment>delivery mode badge</comment>
        <translation>anycast</translation>
    </message>
</context>
<context>
    <name>cotal::ui::FeedPane</name>
    <message>
        <source>Show %1 messages</source>
        <translation>Afficher les messages %1</translation>
    </message>
    <message>
        <source>Channel ▾</source>
        <translation>Canal ▾</translation>
    </message>
    <message>
        <source>Filter by channel</source>
        <translation>Filtrer par canal</translation>
    </message>
    <message>
        <source>Sender ▾</source>
        <translation>Expéditeur ▾</translation>
    </message>
    <message>
        <source>Filter by sender</source>
        <translation>Filtrer par expéditeur</translation>
    </message>
    <message>
        <source>No channel traffic yet</source>
        <translation>Pas encore de trafic sur les canaux</translation>
    </message>
    <message>
        <source>No senders yet</source>
        <translation>Pas encore d&apos;expéditeurs</translation>
    </message>
    <message>
        <source>Search sender, channel, text…</source>
        <translation>Rechercher expéditeur, canal, texte…</translation>
    </message>
    <message>
        <source>Search the feed</source>
        <translation>Rechercher dans le flux</translation>
    </message>
    <message>
        <source>&amp;Pause feed</source>
        <translation>Mettre le flux en &amp;pause</translation>
    </message>
    <message>
        <source>Freeze the feed; new messages are counted and kept</source>
        <translation>Figer le flux&#xa0;; les nouveaux messages sont comptés et conservés</translation>
    </message>
    <message>
        <source>Pause feed</source>
        <translation>Mettre le flux en pause</translation>
    </message>
    <message>
        <source>Messages arrived while paused</source>
        <translation>Messages arrivés pendant la pause</translation>
    </message>
    <message>
        <source>Copy selection as &amp;JSON</source>
        <translation>Copier la sélection en &amp;JSON</translation>
    </message>
    <message>
        <source>Copy selection as &amp;CSV</source>
        <translation>Copier la sélection en &amp;CSV</translation>
    </message>
    <message>
        <source>&amp;Export feed selection as JSON…</source>
        <translation>&amp;Exporter la sélection du flux en JSON…</translation>
    </message>
    <message>
        <source>Export feed selection as CS&amp;V…</source>
        <translation>Exporter la sélection du flux en CS&amp;V…</translation>
    </message>
    <message>
        <source>&amp;Search the feed</source>
        <translation>&amp;Rechercher dans le flux</translation>
    </message>
    <message>
        <source>C&amp;lear feed filters</source>
        <translation>E&amp;ffacer les filtres du flux</translation>
    </message>
    <message>
        <source>Export ▾</source>
        <translation>Export ▾</translation>
    </message>
    <message>
        <source>Copy or export the selection</source>
        <translation>Copier ou exporter la sélection</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Flux en direct</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <source>Resume feed</source>
        <translation>Reprendre le flux</translation>
    </message>
    <message numerus="yes">
        <source>paused — %n new</source>
        <translation>
            <numerusform>en pause — %n nouveau</numerusform>
            <numerusform>en pause — %n nouveaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove channel filter %1</source>
        <translation>Retirer le filtre de canal %1</translation>
    </message>
    <message>
        <source>Remove sender filter %1</source>
        <translation>Retirer le filtre d&apos;expéditeur %1</translation>
    </message>
    <message>
        <source>Export messages as JSON</source>
        <translation>Exporter les messages en JSON</translation>
    </message>
    <message>
        <source>Export messages as CSV</source>
        <translation>Exporter les messages en CSV</translation>
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
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>What the live feed cannot show</source>
        <translation>Ce que le flux en direct ne peut pas montrer</translation>
    </message>
    <message>
        <source>DMs and anycast hidden: this credential may read channel traffic only, so the feed shows channels alone.</source>
        <translation>DM et anycast masqués : ces identifiants ne peuvent lire que le trafic des canaux, le flux ne montre donc que les canaux.</translation>
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
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Live channel: messages reach only connected readers, by design. No durable backstop is expected.</source>
        <translation>Canal en direct&#xa0;: les messages n&apos;atteignent que les lecteurs connectés, par conception. Aucun filet de sécurité durable n&apos;est attendu.</translation>
    </message>
    <message numerus="yes">
        <source>Live channel with %n open durable membership(s): they are inert until the channel&apos;s class is set to durable, and then route at once.</source>
        <translation>
            <numerusform>Canal en direct avec %n adhésion durable ouverte&#xa0;: elle reste inerte jusqu&apos;à ce que la classe du canal passe à durable, puis est routée aussitôt.</numerusform>
            <numerusform>Canal en direct avec %n adhésions durables ouvertes&#xa0;: elles restent inertes jusqu&apos;à ce que la classe du canal passe à durable, puis sont routées aussitôt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The delivery daemon stopped renewing its lease and it expired: copies for offline members are not being made. Check why the daemon died, then start one (this console can run it).</source>
        <translation>Le démon de distribution a cessé de renouveler son bail, qui a expiré&#xa0;: aucune copie n&apos;est faite pour les membres hors ligne. Cherchez pourquoi le démon s&apos;est arrêté, puis démarrez-en un (cette console peut l&apos;exécuter).</translation>
    </message>
    <message>
        <source>No delivery daemon is running: members who are offline will miss messages on #%1. Start a delivery daemon (this console can run it).</source>
        <translation>Aucun démon de distribution ne tourne&#xa0;: les membres hors ligne manqueront les messages de #%1. Démarrez un démon de distribution (cette console peut l&apos;exécuter).</translation>
    </message>
    <message>
        <source>A delivery daemon holds the lease but is not ready yet. Durable joins wait for it. If it stays like this, force-release the lease and restart it.</source>
        <translation>Un démon de distribution détient le bail mais n&apos;est pas encore prêt. Les adhésions durables l&apos;attendent. Si cela dure, forcez la libération du bail et redémarrez-le.</translation>
    </message>
    <message>
        <source>The lease says ready, but nothing answers ctl.delivery: the holder is gone without releasing. Force-release the lease, then start a daemon.</source>
        <translation>Le bail indique «&#xa0;prêt&#xa0;», mais rien ne répond sur ctl.delivery&#xa0;: le détenteur a disparu sans libérer. Forcez la libération du bail, puis démarrez un démon.</translation>
    </message>
    <message>
        <source>The lease says ready, but ctl.delivery does not answer in time: the daemon may be overloaded or wedged. Watch its lag; restart it if the lag keeps growing.</source>
        <translation>Le bail indique «&#xa0;prêt&#xa0;», mais ctl.delivery ne répond pas à temps&#xa0;: le démon est peut-être surchargé ou bloqué. Surveillez son retard&#xa0;; redémarrez-le si le retard continue de croître.</translation>
    </message>
    <message>
        <source>No agent holds a durable membership here: nobody gets copies of what they miss while offline. Agents join durably when they join the channel and a daemon is ready.</source>
        <translation>Aucun agent n&apos;a d&apos;adhésion durable ici&#xa0;: personne ne reçoit de copie de ce qu&apos;il manque hors ligne. Les agents adhèrent durablement en rejoignant le canal quand un démon est prêt.</translation>
    </message>
    <message>
        <source>%1: generation %2 joined at sequence %3 never finished activation (%4 s). Its copies still route, but the agent reports the channel as not durable. Have the agent leave and rejoin #%5.</source>
        <translation>%1&#xa0;: la génération %2, rejointe à la séquence %3, n&apos;a jamais terminé son activation (%4 s). Ses copies sont toujours routées, mais l&apos;agent signale le canal comme non durable. Faites quitter puis rejoindre #%5 à l&apos;agent.</translation>
    </message>
    <message>
        <source>%1: generation %2 is catching up on what was sent since sequence %3; it activates in a moment.</source>
        <translation>%1&#xa0;: la génération %2 rattrape ce qui a été envoyé depuis la séquence %3&#xa0;; elle s&apos;active dans un instant.</translation>
    </message>
    <message>
        <source>%1: membership established (generation %2), but %3. Live messages still arrive while it is online.</source>
        <translation>%1&#xa0;: adhésion établie (génération %2), mais %3. Les messages en direct arrivent toujours tant qu&apos;il est en ligne.</translation>
    </message>
    <message>
        <source>%1 is offline: its copies since sequence %2 wait in its delivery stream until it reconnects.</source>
        <translation>%1 est hors ligne&#xa0;: ses copies depuis la séquence %2 attendent dans son flux de distribution jusqu&apos;à sa reconnexion.</translation>
    </message>
    <message>
        <source>%1: %2 (generation %3).</source>
        <translation>%1&#xa0;: %2 (génération %3).</translation>
    </message>
    <message>
        <source>%1: the membership feed does not list #%2 yet; it catches up on its next poll. Delivery does not depend on it.</source>
        <translation>%1&#xa0;: le flux des adhésions ne liste pas encore #%2&#xa0;; il se met à jour à sa prochaine interrogation. La distribution n&apos;en dépend pas.</translation>
    </message>
    <message>
        <source>The delivery lease cannot be read with this connection&apos;s credentials, so nobody can tell whether durable delivery runs. Add a delivery credential to this connection: it may read cotal_delivery_&lt;space&gt;.</source>
        <translation>Le bail de distribution est illisible avec les identifiants de cette connexion : personne ne peut dire si la distribution durable fonctionne. Ajoutez des identifiants delivery à cette connexion : ils peuvent lire cotal_delivery_&lt;space&gt;.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::HealthPane</name>
    <message>
        <source>Delivery health</source>
        <translation>État de la distribution</translation>
    </message>
    <message>
        <source>Delivery health per channel</source>
        <translation>État de la distribution par canal</translation>
    </message>
    <message>
        <source>Channel / member</source>
        <translation>Canal / membre</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>&lt;b&gt;Health explained&lt;/b&gt;: the lease, durable memberships and presence, checked against each other per channel.</source>
        <translation>&lt;b&gt;État expliqué&lt;/b&gt;&#xa0;: le bail, les adhésions durables et la présence, confrontés les uns aux autres canal par canal.</translation>
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
        <translation>durable</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
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
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>Changes take effect at the next start</source>
        <translation>Les changements prennent effet au prochain démarrage</translation>
    </message>
</context>
<context>
    <name>cotal::ui::LeaseInspector</name>
    <message>
        <source>&amp;Force release…</source>
        <translation>&amp;Forcer la libération…</translation>
    </message>
    <message>
        <source>Lease inspector</source>
        <translation>Inspecteur de bail</translation>
    </message>
    <message>
        <source>Delivery leases</source>
        <translation>Baux de distribution</translation>
    </message>
    <message>
        <source>ctl.delivery responder</source>
        <translation>Répondeur ctl.delivery</translation>
    </message>
    <message>
        <source>Lease warning</source>
        <translation>Avertissement de bail</translation>
    </message>
    <message>
        <source>Force release result</source>
        <translation>Résultat de la libération forcée</translation>
    </message>
    <message>
        <source>Force release the selected lease</source>
        <translation>Forcer la libération du bail sélectionné</translation>
    </message>
    <message>
        <source>Delete the selected lease if it is still at the revision shown (compare-and-set). Offered for expired or wedged leases only.</source>
        <translation>Supprimer le bail sélectionné s&apos;il est toujours à la révision affichée (compare-and-set). Proposé uniquement pour les baux expirés ou bloqués.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery lease&lt;/b&gt; (cotal_delivery, 30 s TTL)</source>
        <translation>&lt;b&gt;Bail de distribution&lt;/b&gt; (cotal_delivery, TTL de 30 s)</translation>
    </message>
    <message>
        <source>ctl.delivery: not probed yet</source>
        <translation>ctl.delivery&#xa0;: pas encore sondé</translation>
    </message>
    <message>
        <source>ctl.delivery: a responder answers listMemberships</source>
        <translation>ctl.delivery&#xa0;: un répondeur répond à listMemberships</translation>
    </message>
    <message>
        <source>ctl.delivery: no responders</source>
        <translation>ctl.delivery&#xa0;: aucun répondeur</translation>
    </message>
    <message>
        <source>ctl.delivery: no answer in time</source>
        <translation>ctl.delivery&#xa0;: pas de réponse à temps</translation>
    </message>
    <message>
        <source>ctl.delivery: no answer (%1)</source>
        <translation>ctl.delivery&#xa0;: pas de réponse (%1)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Force release %1</source>
        <translation>Forcer la libération de %1</translation>
    </message>
    <message>
        <source>Delete %1 (held by %2, %3) at revision %4?

If its daemon is in fact alive, it will notice at its next renew and stop; until then two daemons could deliver. The delete is refused if the lease changed since revision %4.</source>
        <translation>Supprimer %1 (détenu par %2, %3) à la révision %4&#xa0;?

Si son démon est en fait vivant, il le remarquera à son prochain renouvellement et s&apos;arrêtera&#xa0;; d&apos;ici là, deux démons pourraient distribuer. La suppression est refusée si le bail a changé depuis la révision %4.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>ctl.delivery: cannot ask — %1</source>
        <translation>ctl.delivery : impossible de demander — %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::LeaseModel</name>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>claimed, not ready</source>
        <translation>réclamé, pas prêt</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The lease says ready, but nothing serves ctl.delivery: the holder has died or lost its connection. Durable joins and leaves fail until the lease expires or is force-released and a daemon starts.</source>
        <translation>Le bail indique «&#xa0;prêt&#xa0;», mais rien ne sert ctl.delivery&#xa0;: le détenteur est mort ou a perdu sa connexion. Les adhésions et départs durables échouent jusqu&apos;à ce que le bail expire ou soit libéré de force et qu&apos;un démon démarre.</translation>
    </message>
    <message>
        <source>The lease says ready, but ctl.delivery does not answer in time: the daemon may be wedged or overloaded.</source>
        <translation>Le bail indique «&#xa0;prêt&#xa0;», mais ctl.delivery ne répond pas à temps&#xa0;: le démon est peut-être bloqué ou surchargé.</translation>
    </message>
    <message>
        <source>A daemon took the lease but has not bound its consumers yet. If this lasts more than a few seconds, it is stuck; the lease expires on its own when nobody renews it.</source>
        <translation>Un démon a pris le bail mais n&apos;a pas encore lié ses consommateurs. Si cela dure plus de quelques secondes, il est bloqué&#xa0;; le bail expire de lui-même si personne ne le renouvelle.</translation>
    </message>
    <message>
        <source>The holder stopped renewing and the bucket&apos;s 30 s TTL removed the lease: no daemon is delivering durable copies. Start a delivery daemon.</source>
        <translation>Le détenteur a cessé de renouveler et le TTL de 30 s du bucket a supprimé le bail&#xa0;: aucun démon ne distribue de copies durables. Démarrez un démon de distribution.</translation>
    </message>
    <message>
        <source>No delivery daemon holds the lease: durable channels are live-only until one starts.</source>
        <translation>Aucun démon de distribution ne détient le bail&#xa0;: les canaux durables restent en direct seulement jusqu&apos;à ce qu&apos;il en démarre un.</translation>
    </message>
    <message>
        <source>The stored value is not a delivery lease.</source>
        <translation>La valeur enregistrée n&apos;est pas un bail de distribution.</translation>
    </message>
    <message>
        <source>The lease cannot be read: %1</source>
        <translation>Impossible de lire le bail&#xa0;: %1</translation>
    </message>
    <message>
        <source>lease.%1</source>
        <translation>lease.%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
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
        <translation>Clé</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Détenteur</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Holders seen</source>
        <translation>Détenteurs vus</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>illisible</translation>
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
        <translation>Bannière de connexion</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Flux en direct</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Channel view</source>
        <translation>Vue du canal</translation>
    </message>
    <message>
        <source>DMs</source>
        <translation>DM</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>ACLs</source>
        <translation>ACL</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation>&amp;Nouvelle connexion…</translation>
    </message>
    <message>
        <source>Connect from &amp;join link…</source>
        <translation>Se connecter par &amp;lien d&apos;accès…</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Lien d&apos;accès</translation>
    </message>
    <message>
        <source>Paste a cotal:// or cotals:// link:</source>
        <translation>Collez un lien cotal:// ou cotals://&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Recent connections</source>
        <translation>Connexions &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Command palette</source>
        <translation>&amp;Palette de commandes</translation>
    </message>
    <message>
        <source>Space &amp;overview</source>
        <translation>&amp;Vue d&apos;ensemble de l&apos;espace</translation>
    </message>
    <message>
        <source>&amp;Enter space</source>
        <translation>&amp;Entrer dans l&apos;espace</translation>
    </message>
    <message>
        <source>Focus &amp;roster</source>
        <translation>Aller à la liste des a&amp;gents</translation>
    </message>
    <message>
        <source>Focus &amp;needs-you list</source>
        <translation>Aller à la liste «&#xa0;&amp;Besoin de vous&#xa0;»</translation>
    </message>
    <message>
        <source>Live &amp;feed</source>
        <translation>&amp;Flux en direct</translation>
    </message>
    <message>
        <source>C&amp;hannels</source>
        <translation>Ca&amp;naux</translation>
    </message>
    <message>
        <source>Channel &amp;view</source>
        <translation>Vue du &amp;canal</translation>
    </message>
    <message>
        <source>&amp;DM lens</source>
        <translation>Loupe &amp;DM</translation>
    </message>
    <message>
        <source>&amp;Agent detail</source>
        <translation>Détail de l&apos;agen&amp;t</translation>
    </message>
    <message>
        <source>Read ACL ed&amp;itor</source>
        <translation>Éd&amp;iteur d&apos;ACL de lecture</translation>
    </message>
    <message>
        <source>Delivery &amp;lease and daemon</source>
        <translation>Bai&amp;l et démon de distribution</translation>
    </message>
    <message>
        <source>Membership &amp;timelines</source>
        <translation>Chronologies des adhé&amp;sions</translation>
    </message>
    <message>
        <source>Delivery health e&amp;xplained</source>
        <translation>État de distribution e&amp;xpliqué</translation>
    </message>
    <message>
        <source>Co&amp;mpose</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <source>Filter the ro&amp;ster</source>
        <translation>Filtrer l&amp;a liste des agents</translation>
    </message>
    <message>
        <source>&amp;Hide offline agents</source>
        <translation>&amp;Masquer les agents hors ligne</translation>
    </message>
    <message>
        <source>A&amp;nomalies…</source>
        <translation>An&amp;omalies…</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Flux</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <source>&amp;Send message</source>
        <translation>&amp;Envoyer le message</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Cotal Console</source>
        <translation>À &amp;propos de Cotal Console</translation>
    </message>
    <message>
        <source>About Cotal Console</source>
        <translation>À propos de Cotal Console</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cotal Console&lt;/b&gt; %1&lt;br&gt;Operator console for Cotal agent spaces.</source>
        <translation>&lt;b&gt;Cotal Console&lt;/b&gt; %1&lt;br&gt;Console d&apos;opérateur pour les espaces d&apos;agents Cotal.</translation>
    </message>
    <message>
        <source>No keychain service is available, so the secret was not remembered.</source>
        <translation>Aucun service de trousseau n&apos;est disponible, le secret n&apos;a donc pas été mémorisé.</translation>
    </message>
    <message>
        <source>The secret is not remembered.</source>
        <translation>Le secret n&apos;est pas mémorisé.</translation>
    </message>
    <message>
        <source>Secret for %1</source>
        <translation>Secret pour %1</translation>
    </message>
    <message>
        <source>%1 Enter it for this session:</source>
        <translation>%1 Saisissez-le pour cette session&#xa0;:</translation>
    </message>
    <message>
        <source>%1 — Cotal Console</source>
        <translation>%1 — Cotal Console</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting automatically. %1</source>
        <translation>Connexion perdue — reconnexion automatique. %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Feed &amp;capacity…</source>
        <translation>&amp;Capacité du flux…</translation>
    </message>
    <message>
        <source>Feed capacity</source>
        <translation>Capacité du flux</translation>
    </message>
    <message>
        <source>Messages the live feed keeps (the oldest go first; more costs memory):</source>
        <translation>Messages conservés par le flux en direct (les plus anciens partent d’abord&#xa0;; davantage coûte de la mémoire)&#xa0;:</translation>
    </message>
    <message>
        <source>The %1 credential may not send into this space: this console only watches.</source>
        <translation>Les identifiants %1 ne peuvent pas envoyer dans cet espace : cette console observe seulement.</translation>
    </message>
    <message>
        <source>&amp;Provision this space…</source>
        <translation>&amp;Provisionner cet espace…</translation>
    </message>
    <message>
        <source>Connect to a space first.</source>
        <translation>Connectez-vous d’abord à un espace.</translation>
    </message>
    <message>
        <source>the demo mesh&apos;s daemon</source>
        <translation>le démon du maillage de démo</translation>
    </message>
    <message>
        <source>New space</source>
        <translation>Nouvel espace</translation>
    </message>
    <message>
        <source>Name of the space (letters, digits, &apos;-&apos; and &apos;_&apos;):</source>
        <translation>Nom de l’espace (lettres, chiffres, &apos;-&apos; et &apos;_&apos;) :</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a space: use letters, digits, &apos;-&apos; and &apos;_&apos; only.</source>
        <translation>« %1 » ne peut pas nommer un espace : utilisez uniquement lettres, chiffres, &apos;-&apos; et &apos;_&apos;.</translation>
    </message>
    <message>
        <source>The %1 credential may not create spaces: reference credentials are minted for one space each.</source>
        <translation>L’identifiant %1 ne peut pas créer d’espaces : les identifiants de référence sont émis pour un seul espace chacun.</translation>
    </message>
    <message>
        <source>The %1 credential may not list the server&apos;s streams, so only this connection&apos;s space is shown.</source>
        <translation>L’identifiant %1 ne peut pas lister les flux du serveur : seul l’espace de cette connexion est affiché.</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Who reads &amp;what (access)</source>
        <translation>Qui lit &amp;quoi (accès)</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cl&amp;uster and stream replicas</source>
        <translation>Cl&amp;uster et répliques des streams</translation>
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
        <translation>En direct (CONNZ)</translation>
    </message>
    <message>
        <source>Durable (activated)</source>
        <translation>Durable (activée)</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observé</translation>
    </message>
    <message>
        <source>absent: no feed daemon has written the membership feed</source>
        <translation>absent&#xa0;: aucun démon de flux n&apos;a écrit le flux des adhésions</translation>
    </message>
    <message>
        <source>live: last complete poll %1 s ago, %2 agents</source>
        <translation>en direct&#xa0;: dernière interrogation complète il y a %1 s, %2 agents</translation>
    </message>
    <message>
        <source>stale: last complete poll %1 s ago; the feed daemon is down or cannot see every connection, so this graph may be out of date</source>
        <translation>périmé&#xa0;: dernière interrogation complète il y a %1 s&#xa0;; le démon de flux est arrêté ou ne voit pas toutes les connexions, ce graphe est donc peut-être dépassé</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>illisible : %1</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MentionEdit</name>
    <message>
        <source>Message to send</source>
        <translation>Message à envoyer</translation>
    </message>
    <message>
        <source>Message… (@ to mention, Ctrl+Enter to send)</source>
        <translation>Message… (@ pour mentionner, Ctrl+Entrée pour envoyer)</translation>
    </message>
</context>
<context>
    <name>cotal::ui::MessageView</name>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
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
        <translation>au travail</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ProvisionDialog</name>
    <message>
        <source>Provision space %1</source>
        <translation>Provisionner l’espace %1</translation>
    </message>
    <message>
        <source>A Cotal space needs five message streams and seven buckets, with the configs every Cotal tool expects. Missing ones are created; existing ones are compared and never changed.</source>
        <translation>Un espace Cotal a besoin de cinq flux de messages et de sept buckets, avec les configurations qu’attend tout outil Cotal. Les manquants sont créés ; les existants sont comparés et jamais modifiés.</translation>
    </message>
    <message>
        <source>Streams and buckets of the space</source>
        <translation>Flux et buckets de l’espace</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Default delivery class</source>
        <translation>Classe de livraison par défaut</translation>
    </message>
    <message>
        <source>live — no delivery daemon serves the space</source>
        <translation>live — aucun démon de livraison ne sert l’espace</translation>
    </message>
    <message>
        <source>durable — a delivery daemon serves the space</source>
        <translation>durable — un démon de livraison sert l’espace</translation>
    </message>
    <message>
        <source>Written to the channel registry&apos;s =defaults unless a default class is set already.</source>
        <translation>Écrite dans =defaults du registre des canaux, sauf si une classe par défaut y figure déjà.</translation>
    </message>
    <message>
        <source>Default &amp;delivery class:</source>
        <translation>Classe de &amp;livraison par défaut :</translation>
    </message>
    <message>
        <source>&amp;Provision</source>
        <translation>&amp;Provisionner</translation>
    </message>
    <message>
        <source>Create the missing streams and buckets</source>
        <translation>Créer les flux et buckets manquants</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>present with another config: %1</source>
        <translation>présent avec une autre configuration : %1</translation>
    </message>
    <message>
        <source>cannot check — this credential may not look it up</source>
        <translation>vérification impossible — cet identifiant ne peut pas le consulter</translation>
    </message>
    <message>
        <source>cannot check — %1</source>
        <translation>vérification impossible — %1</translation>
    </message>
    <message>
        <source>Not connected to the space.</source>
        <translation>Non connecté à l&apos;espace.</translation>
    </message>
    <message>
        <source>Provisioning…</source>
        <translation>Provisionnement…</translation>
    </message>
    <message>
        <source>Streams created: %1.</source>
        <translation>Flux créés : %1.</translation>
    </message>
    <message>
        <source>Streams with another config, left as they are: %1.</source>
        <translation>Flux avec une autre configuration, laissés tels quels : %1.</translation>
    </message>
    <message>
        <source>The default delivery class was written.</source>
        <translation>La classe de livraison par défaut a été écrite.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>The %1 credential may not create this space&apos;s streams — add a provisioner credential to this connection.</source>
        <translation>L’identifiant %1 ne peut pas créer les flux de cet espace — ajoutez un identifiant provisioner à cette connexion.</translation>
    </message>
    <message>
        <source>Every stream and bucket is there with the expected config.</source>
        <translation>Tous les flux et buckets sont là avec la configuration attendue.</translation>
    </message>
    <message>
        <source>Nothing is missing. Streams with another config are left as they are: changing one is the operator&apos;s decision.</source>
        <translation>Rien ne manque. Les flux avec une autre configuration restent tels quels : les modifier relève de l’opérateur.</translation>
    </message>
    <message>
        <source>Runs through the %1 credential.</source>
        <translation>Passe par l’identifiant %1.</translation>
    </message>
    <message>
        <source>not connected to the space</source>
        <translation>pas connecté à l&apos;espace</translation>
    </message>
    <message>
        <source>the %1 credential may not write %2 — add a provisioner credential to this connection</source>
        <translation>l&apos;identifiant %1 ne peut pas écrire %2 — ajoutez un identifiant provisioner à cette connexion</translation>
    </message>
    <message>
        <source>the %1 credential may not read %2</source>
        <translation>l&apos;identifiant %1 ne peut pas lire %2</translation>
    </message>
    <message>
        <source>Copies of each stream</source>
        <translation>Copies de chaque stream</translation>
    </message>
    <message>
        <source>How many servers of a JetStream cluster keep each stream: 1 on a single server, 3 on a 3-node cluster so that one node may fail.</source>
        <translation>Nombre de serveurs d&apos;un cluster JetStream qui gardent chaque stream&#xa0;: 1 sur un serveur seul, 3 sur un cluster de 3 nœuds pour qu&apos;un nœud puisse tomber.</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>&amp;Répliques&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cotal::ui::ProvisioningNotice</name>
    <message>
        <source>&amp;Complete provisioning…</source>
        <translation>&amp;Compléter le provisionnement…</translation>
    </message>
    <message>
        <source>Complete provisioning of this space</source>
        <translation>Compléter le provisionnement de cet espace</translation>
    </message>
    <message>
        <source>not provisioned</source>
        <translation>non provisionné</translation>
    </message>
    <message>
        <source>partly provisioned</source>
        <translation>partiellement provisionné</translation>
    </message>
    <message>
        <source>This space is not provisioned: %1 do not exist. Nothing sent here is kept.</source>
        <translation>Cet espace n’est pas provisionné : %1 n’existent pas. Rien de ce qui est envoyé ici n’est conservé.</translation>
    </message>
    <message>
        <source>This space is partly provisioned: %1 missing.</source>
        <translation>Cet espace est partiellement provisionné : %1 manquants.</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RateChart</name>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>waiting for samples</source>
        <translation>en attente d&apos;échantillons</translation>
    </message>
    <message>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RosterModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>agent role column</comment>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Harness</source>
        <translation>Harnais</translation>
    </message>
    <message>
        <source>Model</source>
        <comment>LLM model column</comment>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Pulsation</translation>
    </message>
</context>
<context>
    <name>cotal::ui::RosterPane</name>
    <message>
        <source>Filter agents…</source>
        <translation>Filtrer les agents…</translation>
    </message>
    <message>
        <source>Filter the roster</source>
        <translation>Filtrer la liste des agents</translation>
    </message>
    <message>
        <source>Hide &amp;offline</source>
        <translation>Masquer &amp;hors ligne</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Liste des agents</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SignalsPane</name>
    <message>
        <source>Oldest unattended waiting agent</source>
        <translation>Plus ancien agent en attente non traité</translation>
    </message>
    <message>
        <source>&lt;b&gt;NEEDS YOU&lt;/b&gt; — waiting agents, oldest first</source>
        <translation>&lt;b&gt;BESOIN DE VOUS&lt;/b&gt; — agents en attente, les plus anciens d&apos;abord</translation>
    </message>
    <message>
        <source>Needs you: waiting agents</source>
        <translation>Besoin de vous&#xa0;: agents en attente</translation>
    </message>
    <message>
        <source>%1 agents</source>
        <translation>%1 agents</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Personne n&apos;attend.</translation>
    </message>
    <message>
        <source>Oldest waiting: %1, for %2</source>
        <translation>Attente la plus longue&#xa0;: %1, depuis %2</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SpaceChannelsBox</name>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>durable</source>
        <translation>durable</translation>
    </message>
    <message>
        <source>%1, no replay</source>
        <translation>%1, sans relecture</translation>
    </message>
    <message>
        <source>%1, replay %2</source>
        <translation>%1, relecture %2</translation>
    </message>
    <message>
        <source>%1, replay all history</source>
        <translation>%1, relecture de tout l&apos;historique</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Configured channels of the space</source>
        <translation>Canaux configurés de l&apos;espace</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Nom du canal</translation>
    </message>
    <message>
        <source>channel name, e.g. builds or team.backend</source>
        <translation>nom du canal, p. ex. builds ou team.backend</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Configurer…</translation>
    </message>
    <message>
        <source>Configure the named channel</source>
        <translation>Configurer le canal nommé</translation>
    </message>
    <message>
        <source>Description, instructions, replay, replay window and delivery class of the channel</source>
        <translation>Description, instructions, relecture, fenêtre de relecture et classe de distribution du canal</translation>
    </message>
    <message>
        <source>The channel list cannot be read: %1</source>
        <translation>La liste des canaux est illisible : %1</translation>
    </message>
    <message>
        <source>Channels cannot be configured: %1.</source>
        <translation>Les canaux ne peuvent pas être configurés : %1.</translation>
    </message>
    <message>
        <source>Channels can be configured once the space&apos;s channel registry exists: provision the space first.</source>
        <translation>Les canaux peuvent être configurés une fois le registre des canaux de l&apos;espace créé : provisionnez d&apos;abord l&apos;espace.</translation>
    </message>
    <message>
        <source>Existing channels are not listed: %1.</source>
        <translation>Les canaux existants ne sont pas listés : %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a channel: %2</source>
        <translation>« %1 » ne peut pas nommer un canal : %2</translation>
    </message>
    <message>
        <source>#%1 saved.</source>
        <translation>#%1 enregistré.</translation>
    </message>
    <message>
        <source>#%1 — %2</source>
        <translation>#%1 — %2</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Aucune description</translation>
    </message>
</context>
<context>
    <name>cotal::ui::SpaceOverviewPage</name>
    <message>
        <source>&lt;h2&gt;Spaces&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Espaces&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Espaces</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Agents online</source>
        <translation>Agents en ligne</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>&amp;Enter space</source>
        <translation>&amp;Entrer dans l&apos;espace</translation>
    </message>
    <message>
        <source>&amp;New space…</source>
        <translation>&amp;Nouvel espace…</translation>
    </message>
    <message>
        <source>Create a new space on this server</source>
        <translation>Créer un nouvel espace sur ce serveur</translation>
    </message>
    <message>
        <source>This connection&apos;s space</source>
        <translation>L’espace de cette connexion</translation>
    </message>
    <message>
        <source>The server&apos;s spaces could not be listed: %1</source>
        <translation>Les espaces du serveur n’ont pas pu être listés : %1</translation>
    </message>
    <message>
        <source>Partly provisioned</source>
        <translation>Partiellement provisionné</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelineModel</name>
    <message>
        <source>pending activation</source>
        <translation>activation en attente</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>tombstoned</source>
        <translation>marquée supprimée</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actuelle)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Génération</translation>
    </message>
    <message>
        <source>Join cursor</source>
        <translation>Curseur d&apos;adhésion</translation>
    </message>
    <message>
        <source>Leave cursor</source>
        <translation>Curseur de départ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Joined at</source>
        <translation>Adhésion le</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>Départ le</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelinePane</name>
    <message>
        <source>&amp;Wall-clock time</source>
        <translation>&amp;Heure réelle</translation>
    </message>
    <message>
        <source>Membership timelines</source>
        <translation>Chronologies des adhésions</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Filtre de canal</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>Filtre de propriétaire</translation>
    </message>
    <message>
        <source>Show wall-clock time instead of CHAT sequences</source>
        <translation>Afficher l&apos;heure réelle au lieu des séquences CHAT</translation>
    </message>
    <message>
        <source>Bars placed by the records&apos; updatedAt stamps; generations whose times were not observed are left out.</source>
        <translation>Barres placées selon les horodatages updatedAt des enregistrements&#xa0;; les générations dont les heures n&apos;ont pas été observées sont omises.</translation>
    </message>
    <message>
        <source>CHAT frontier</source>
        <translation>Front CHAT</translation>
    </message>
    <message>
        <source>Membership feed freshness</source>
        <translation>Fraîcheur du flux des adhésions</translation>
    </message>
    <message>
        <source>Membership feed</source>
        <translation>Flux des adhésions</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Derived membership feed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Flux des adhésions dérivé&lt;/b&gt;</translation>
    </message>
    <message>
        <source>CHAT frontier: %1</source>
        <translation>Front CHAT&#xa0;: %1</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Tous les propriétaires</translation>
    </message>
</context>
<context>
    <name>cotal::ui::TimelineView</name>
    <message>
        <source>Membership timelines</source>
        <translation>Chronologies des adhésions</translation>
    </message>
    <message>
        <source>No durable memberships recorded in this space yet.</source>
        <translation>Aucune adhésion durable n&apos;est encore enregistrée dans cet espace.</translation>
    </message>
    <message>
        <source>wall-clock time</source>
        <translation>heure réelle</translation>
    </message>
    <message>
        <source>CHAT sequence</source>
        <translation>séquence CHAT</translation>
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
        <translation>maintenant</translation>
    </message>
    <message>
        <source>frontier %1</source>
        <translation>front %1</translation>
    </message>
    <message>
        <source>● current generation · bars: (join, leave]</source>
        <translation>● génération actuelle · barres&#xa0;: (adhésion, départ]</translation>
    </message>
</context>
<context>
    <name>headless</name>
    <message>
        <source>Runs the Cotal delivery daemon without a GUI. Secrets come from the environment only:
COTAL_TOKEN (token auth), COTAL_USER and COTAL_PASSWORD (user/password auth).</source>
        <translation>Exécute le démon de distribution Cotal sans interface graphique. Les secrets proviennent uniquement de l&apos;environnement&#xa0;:
COTAL_TOKEN (authentification par jeton), COTAL_USER et COTAL_PASSWORD (authentification utilisateur/mot de passe).</translation>
    </message>
    <message>
        <source>Run without a GUI.</source>
        <translation>Exécuter sans interface graphique.</translation>
    </message>
    <message>
        <source>Run the space&apos;s delivery daemon.</source>
        <translation>Exécuter le démon de distribution de l&apos;espace.</translation>
    </message>
    <message>
        <source>The space to serve.</source>
        <translation>L&apos;espace à servir.</translation>
    </message>
    <message>
        <source>A NATS server URL (repeatable; default nats://127.0.0.1:4222).</source>
        <translation>Une URL de serveur NATS (répétable&#xa0;; par défaut nats://127.0.0.1:4222).</translation>
    </message>
    <message>
        <source>The delivery credentials (chained creds file).</source>
        <translation>Les identifiants de distribution (fichier creds chaîné).</translation>
    </message>
    <message>
        <source>User name (password from COTAL_PASSWORD).</source>
        <translation>Nom d&apos;utilisateur (mot de passe dans COTAL_PASSWORD).</translation>
    </message>
    <message>
        <source>TLS CA certificate.</source>
        <translation>Certificat CA TLS.</translation>
    </message>
    <message>
        <source>TLS client certificate.</source>
        <translation>Certificat client TLS.</translation>
    </message>
    <message>
        <source>TLS client key.</source>
        <translation>Clé client TLS.</translation>
    </message>
    <message>
        <source>Seconds to wait for an unreachable broker at start before exiting with status 1 (default %1).</source>
        <translation>Secondes d’attente d’un broker injoignable au démarrage avant de quitter avec le code 1 (par défaut %1).</translation>
    </message>
    <message>
        <source>Number of delivery shards (only 1 is supported).</source>
        <translation>Nombre de shards de livraison (seul 1 est pris en charge).</translation>
    </message>
    <message>
        <source>This daemon&apos;s shard (only 0 is supported).</source>
        <translation>Le shard de ce démon (seul 0 est pris en charge).</translation>
    </message>
    <message>
        <source>The membership feed&apos;s system-account credentials (with --membership-rw-creds: the daemon writes the feed).</source>
        <translation>Les identifiants du compte système du flux d&apos;appartenance (avec --membership-rw-creds : le démon écrit le flux).</translation>
    </message>
    <message>
        <source>The membership feed&apos;s data-account writer credentials.</source>
        <translation>Les identifiants d&apos;écriture du flux d&apos;appartenance dans le compte de données.</translation>
    </message>
    <message>
        <source>Create the space&apos;s streams and buckets, then exit.</source>
        <translation>Créer les streams et buckets de l&apos;espace, puis quitter.</translation>
    </message>
    <message>
        <source>With --provision: copies of each stream (1 to %1; 3 on a 3-node JetStream cluster; default 1).</source>
        <translation>Avec --provision&#xa0;: copies de chaque stream (1 à %1&#xa0;; 3 sur un cluster JetStream de 3 nœuds&#xa0;; 1 par défaut).</translation>
    </message>
    <message>
        <source>With --provision: the space&apos;s default delivery class, durable or live (default durable).</source>
        <translation>Avec --provision&#xa0;: la classe de distribution par défaut de l&apos;espace, durable ou live (durable par défaut).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Connect at start from a cotal:// or cotals:// join link.</source>
        <translation>Se connecter au démarrage à partir d&apos;un lien d&apos;accès cotal:// ou cotals://.</translation>
    </message>
    <message>
        <source>Demo unavailable</source>
        <translation>Démo indisponible</translation>
    </message>
    <message>
        <source>The local demo mesh could not start: %1

Connect to a server of your own instead.</source>
        <translation>Le maillage de démonstration local n&apos;a pas pu démarrer&#xa0;: %1

Connectez-vous plutôt à un serveur de votre choix.</translation>
    </message>
    <message>
        <source>Start a local nats-server with a demo space, its delivery daemon and simulated agents, and connect to it (the default when no connection is saved). The space runs in operator/JWT mode with credentials minted for it.</source>
        <translation>Démarrer un nats-server local avec un espace de démonstration, son démon de livraison et des agents simulés, et s’y connecter (par défaut quand aucune connexion n’est enregistrée). L’espace fonctionne en mode opérateur/JWT avec des identifiants émis pour lui.</translation>
    </message>
    <message>
        <source>With --demo: an open mesh, where nothing is enforced, instead of operator/JWT mode.</source>
        <translation>Avec --demo : un maillage ouvert, où rien n’est imposé, au lieu du mode opérateur/JWT.</translation>
    </message>
    <message>
        <source>Operator console for Cotal agent spaces.

Delivery daemon without a GUI:
  cotal-console --headless --deliver --space &lt;space&gt; [connection options]
Creating a space&apos;s streams (3 copies on a 3-node cluster):
  cotal-console --headless --provision --space &lt;space&gt; --replicas 3 [...]
  (see cotal-console --headless --help)</source>
        <translation>Console d&apos;opérateur pour les espaces d&apos;agents Cotal.

Démon de distribution sans interface&#xa0;:
  cotal-console --headless --deliver --space &lt;space&gt; [options de connexion]
Créer les streams d&apos;un espace (3 copies sur un cluster de 3 nœuds)&#xa0;:
  cotal-console --headless --provision --space &lt;space&gt; --replicas 3 [...]
  (voir cotal-console --headless --help)</translation>
    </message>
</context>
</TS>
