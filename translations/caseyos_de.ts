<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>caseyos::MainWindow</name>
    <message>
        <source>Opening workspace…</source>
        <translation>Arbeitsbereich wird geöffnet …</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten …</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CaseyOS</source>
        <translation>&amp;Über CaseyOS</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Outcomes</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>Outcome stats: the email funnel, outcomes by category, net impact per day</source>
        <translation>Ergebnisstatistik: E-Mail-Trichter, Ergebnisse nach Kategorie, Nettowirkung pro Tag</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>What the background checks found: new leads, replies, overdue moves, meetings soon</source>
        <translation>Was die Hintergrundprüfungen gefunden haben: neue Leads, Antworten, überfällige Schritte, bald beginnende Termine</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>The workspace could not be opened.

</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden.

</translation>
    </message>
    <message>
        <source>About CaseyOS</source>
        <translation>Über CaseyOS</translation>
    </message>
    <message>
        <source>&lt;b&gt;CaseyOS %1&lt;/b&gt;&lt;br&gt;Signals from your CRM, inbox and calendar, ranked into Today&apos;s Moves.</source>
        <translation>&lt;b&gt;CaseyOS %1&lt;/b&gt;&lt;br&gt;Signale aus CRM, Posteingang und Kalender, geordnet zu den Schritten für heute.</translation>
    </message>
</context>
<context>
    <name>caseyos::MoveActions</name>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>Take the move on (it leaves Today)</source>
        <translation>Den Schritt übernehmen (er verlässt die Liste für heute)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Dismiss the move, with an optional reason</source>
        <translation>Den Schritt verwerfen, optional mit Begründung</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>&amp;Zurückstellen …</translation>
    </message>
    <message>
        <source>Hide the move until later</source>
        <translation>Den Schritt bis später ausblenden</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>Er&amp;ledigt</translation>
    </message>
    <message>
        <source>Mark the move done</source>
        <translation>Den Schritt als erledigt markieren</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Put the move back in Today</source>
        <translation>Den Schritt zurück in die Liste für heute holen</translation>
    </message>
    <message>
        <source>E&amp;xecute</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Carry the move out</source>
        <translation>Den Schritt ausführen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change to a move</source>
        <translation>Die letzte Änderung an einem Schritt rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;New Move…</source>
        <translation>&amp;Neuer Schritt …</translation>
    </message>
    <message>
        <source>Create a move by hand</source>
        <translation>Einen Schritt von Hand anlegen</translation>
    </message>
    <message>
        <source>&amp;Edit Move…</source>
        <translation>Schritt &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Edit this manual move</source>
        <translation>Diesen manuellen Schritt bearbeiten</translation>
    </message>
    <message>
        <source>De&amp;lete Move…</source>
        <translation>Schritt &amp;löschen …</translation>
    </message>
    <message>
        <source>Delete this manual move</source>
        <translation>Diesen manuellen Schritt löschen</translation>
    </message>
    <message>
        <source>Open &amp;Detail</source>
        <translation>&amp;Details öffnen</translation>
    </message>
    <message>
        <source>Move the focus to the selected move&apos;s detail</source>
        <translation>Den Fokus auf die Details des gewählten Schritts setzen</translation>
    </message>
    <message>
        <source>&amp;Next Move</source>
        <translation>&amp;Nächster Schritt</translation>
    </message>
    <message>
        <source>Select the next move</source>
        <translation>Den nächsten Schritt wählen</translation>
    </message>
    <message>
        <source>&amp;Previous Move</source>
        <translation>&amp;Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Select the previous move</source>
        <translation>Den vorherigen Schritt wählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search titles, contacts, companies and actions</source>
        <translation>Titel, Kontakte, Firmen und Aktionen durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Read the moves again from the workspace</source>
        <translation>Die Schritte erneut aus dem Arbeitsbereich lesen</translation>
    </message>
    <message>
        <source>&amp;Import Signals…</source>
        <translation>Signale &amp;importieren …</translation>
    </message>
    <message>
        <source>Import signals from JSON Lines or CSV files</source>
        <translation>Signale aus JSON-Lines- oder CSV-Dateien importieren</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>&amp;Befehlspalette …</translation>
    </message>
    <message>
        <source>Run any command by name</source>
        <translation>Einen beliebigen Befehl über seinen Namen ausführen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Show every keyboard shortcut</source>
        <translation>Alle Tastenkürzel anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close CaseyOS</source>
        <translation>CaseyOS schließen</translation>
    </message>
</context>
</TS>
