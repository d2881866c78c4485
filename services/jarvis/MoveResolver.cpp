#include "jarvis/MoveResolver.h"

#include "jarvis/Words.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

constexpr int kTodayWindow = 50; // a place beyond the last list counts in this many of Today's Moves

// Every word of `needle` occurs as a whole word in one of the fields.
bool matchesAllWords(const QStringList& needle, const QStringList& fields)
{
    for (const QString& word : needle) {
        bool found = false;
        for (const QString& field : fields) {
            for (const Word& w : splitWords(field)) {
                if (wordMatches(w.text, word) || w.text.section(u'@', 0, 0) == word) {
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace

MoveResolver::MoveResolver(Database& db)
    : m_db(db)
{
}

Result<Move> MoveResolver::byId(qint64 id) const
{
    QString error;
    const std::optional<Move> move = MoveRepository(m_db).find(id, &error);
    if (!move)
        return Result<Move>::failure(
            error.isEmpty() ? u"There is no move #%1."_s.arg(id) : u"Cannot read move #%1: %2"_s.arg(id).arg(error));
    return Result<Move>::success(*move);
}

Result<Move> MoveResolver::resolve(const MoveReference& ref, const ConversationFocus& focus) const
{
    switch (ref.kind) {
    case MoveReference::Kind::None:
        return Result<Move>::failure(u"Which move? Say “the second one”, “#12” or a company or contact name."_s);
    case MoveReference::Kind::Id:
        return byId(ref.id);
    case MoveReference::Kind::Previous:
        if (focus.lastMove == 0)
            return Result<Move>::failure(u"Which move do you mean? None has come up yet."_s);
        return byId(focus.lastMove);
    case MoveReference::Kind::Position: {
        QList<qint64> list = focus.listed;
        if (list.isEmpty()) {
            QString error;
            for (const MoveWithSignal& m : MoveRepository(m_db).today(kTodayWindow, &error))
                list.append(m.move.id);
            if (!error.isEmpty())
                return Result<Move>::failure(u"Cannot read Today's Moves: "_s + error);
        }
        const qsizetype index = ref.position < 0 ? list.size() - 1 : ref.position - 1;
        if (index < 0 || index >= list.size())
            return Result<Move>::failure(list.isEmpty()
                    ? u"There are no moves to pick from."_s
                    : u"There is no move number %1; the list has %2."_s.arg(ref.position).arg(list.size()));
        return byId(list.at(index));
    }
    case MoveReference::Kind::Text:
        return byText(ref.text);
    }
    return Result<Move>::failure(u"Which move?"_s);
}

Result<Move> MoveResolver::byText(const QString& text) const
{
    const QStringList needle = text.split(u' ', Qt::SkipEmptyParts);
    if (needle.isEmpty())
        return Result<Move>::failure(u"Which move?"_s);
    // SQLite narrows by the longest word (a LIKE scan of the open moves, on the assistant's thread); whole
    // words and typos are checked here.
    QString longest = needle.first();
    for (const QString& w : needle)
        if (w.size() > longest.size())
            longest = w;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT id, title, contact_name, contact_email, company FROM moves "
              "WHERE (status = 'pending' OR status = 'snoozed' OR status = 'in_progress') "
              "AND (title LIKE :w OR contact_name LIKE :w OR contact_email LIKE :w OR company LIKE :w) "
              "ORDER BY status = 'pending' DESC, aps DESC, (due_by IS NULL), due_by, created_at, id LIMIT 200"_s);
    // A typo in the longest word would defeat LIKE, so only its first three letters narrow the scan.
    q.bindValue(u":w"_s, QString(u"%"_s + longest.left(3) + u"%"_s));
    if (!q.exec())
        return Result<Move>::failure(u"Cannot search the moves: "_s + q.lastError().text());
    while (q.next()) {
        const QStringList fields
            = { q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString() };
        if (matchesAllWords(needle, fields))
            return byId(q.value(0).toLongLong());
    }
    return Result<Move>::failure(u"I found no open move for “%1”."_s.arg(text));
}

} // namespace caseyos::jarvis
