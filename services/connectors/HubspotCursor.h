#pragma once

#include <QSet>
#include <QString>

namespace caseyos {

// Where a HubSpot search stream stands: the newest last-modified time synced (ms) and the ids already synced
// at exactly that time (the next search asks for ≥ since, so those come back and are skipped). Stored as JSON
// in sync_state.cursor: ids only.
struct HubspotCursor
{
    qint64 since = 0;
    QSet<QString> idsAtSince;

    bool isEmpty() const { return since == 0 && idsAtSince.isEmpty(); }
    static HubspotCursor parse(const QString& text); // empty text or garbage → empty cursor
    QString toText() const; // ids sorted, so equal cursors are equal texts
    // Moves the cursor over one object, in the search's ascending order.
    void advance(qint64 modifiedMs, const QString& id);
    bool alreadySynced(qint64 modifiedMs, const QString& id) const
    {
        return modifiedMs < since || (modifiedMs == since && idsAtSince.contains(id));
    }
};

// A HubSpot date property: epoch milliseconds as a number or text, or ISO-8601; 0 when unreadable.
qint64 hubspotTimeMs(const QString& value);

} // namespace caseyos
