#include "storage/EmailDraftRepository.h"

#include "core/Timestamps.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos {

EmailDraftRepository::EmailDraftRepository(Database& db)
    : m_db(db)
{
}

bool EmailDraftRepository::insert(EmailDraft& draft, QString* error)
{
    QSqlQuery insert(m_db.sql());
    insert.prepare(u"INSERT INTO email_drafts (to_address, subject, body, move_id, approval_id, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(draft.to);
    insert.addBindValue(draft.subject);
    insert.addBindValue(draft.body);
    insert.addBindValue(idOrNull(draft.moveId));
    insert.addBindValue(idOrNull(draft.approvalId));
    insert.addBindValue(toEpochMs(draft.createdAt));
    if (!insert.exec()) {
        if (error)
            *error = insert.lastError().text();
        return false;
    }
    draft.id = insert.lastInsertId().toLongLong();
    return true;
}

std::optional<EmailDraft> EmailDraftRepository::find(qint64 id, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT to_address, subject, body, move_id, approval_id, created_at FROM email_drafts "
              "WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    EmailDraft draft;
    draft.id = id;
    draft.to = q.value(0).toString();
    draft.subject = q.value(1).toString();
    draft.body = q.value(2).toString();
    if (!q.value(3).isNull())
        draft.moveId = q.value(3).toLongLong();
    if (!q.value(4).isNull())
        draft.approvalId = q.value(4).toLongLong();
    draft.createdAt = fromEpochMs(q.value(5).toLongLong());
    return draft;
}

} // namespace caseyos
