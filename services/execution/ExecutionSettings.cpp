#include "execution/ExecutionSettings.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(UnsubscribePolicy policy)
{
    switch (policy) {
    case UnsubscribePolicy::Always:
        return u"always"_s;
    case UnsubscribePolicy::Never:
        return u"never"_s;
    case UnsubscribePolicy::NewThreads:
        break;
    }
    return u"new_threads"_s;
}

namespace {

bool rangeError(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

ExecutionSettings::ExecutionSettings(Database& db)
    : m_db(db)
{
}

ExecutionLimits ExecutionSettings::load(QString* error) const
{
    ExecutionLimits limits;
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT key, value FROM execution_settings"_s)) {
        setError(error, q);
        return limits;
    }
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        bool ok = false;
        const int number = value.toInt(&ok);
        if (key == "kill_switch"_L1)
            limits.killSwitch = value == "1"_L1;
        else if (key == "emails_per_day"_L1 && ok && number >= 0)
            limits.emailsPerDay = number;
        else if (key == "emails_per_contact_per_week"_L1 && ok && number >= 0)
            limits.emailsPerContactPerWeek = number;
        else if (key == "undo_window_ms"_L1 && ok && number >= 0
            && number <= ExecutionLimits::kMaxUndoWindowMs)
            limits.undoWindowMs = number;
        else if (key == "unsubscribe_policy"_L1)
            limits.unsubscribe = value == "always"_L1 ? UnsubscribePolicy::Always
                : value == "never"_L1                 ? UnsubscribePolicy::Never
                                                      : UnsubscribePolicy::NewThreads;
    }
    return limits;
}

bool ExecutionSettings::write(const QString& key, const QString& value, const QDateTime& now, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO execution_settings (key, value, updated_at) VALUES (?, ?, ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(toEpochMs(now));
    return q.exec() || setError(error, q);
}

bool ExecutionSettings::setKillSwitch(bool on, const QDateTime& now, QString* error)
{
    return write(u"kill_switch"_s, on ? u"1"_s : u"0"_s, now, error);
}

bool ExecutionSettings::setEmailsPerDay(int count, const QDateTime& now, QString* error)
{
    if (count < 0)
        return rangeError(error, u"The daily email cap cannot be negative"_s);
    return write(u"emails_per_day"_s, QString::number(count), now, error);
}

bool ExecutionSettings::setEmailsPerContactPerWeek(int count, const QDateTime& now, QString* error)
{
    if (count < 0)
        return rangeError(error, u"The weekly per-contact cap cannot be negative"_s);
    return write(u"emails_per_contact_per_week"_s, QString::number(count), now, error);
}

bool ExecutionSettings::setUndoWindowMs(int ms, const QDateTime& now, QString* error)
{
    if (ms < 0 || ms > ExecutionLimits::kMaxUndoWindowMs)
        return rangeError(error, u"The undo window must be between 0 and 10 minutes"_s);
    return write(u"undo_window_ms"_s, QString::number(ms), now, error);
}

bool ExecutionSettings::setUnsubscribePolicy(UnsubscribePolicy policy, const QDateTime& now, QString* error)
{
    return write(u"unsubscribe_policy"_s, toString(policy), now, error);
}

bool ExecutionSettings::setSendingLimits(const ExecutionLimits& limits, const QDateTime& now, QString* error)
{
    QString problem;
    const bool stored = m_db.transaction(
        [&] {
            return setEmailsPerDay(limits.emailsPerDay, now, &problem)
                && setEmailsPerContactPerWeek(limits.emailsPerContactPerWeek, now, &problem)
                && setUndoWindowMs(limits.undoWindowMs, now, &problem)
                && setUnsubscribePolicy(limits.unsubscribe, now, &problem);
        },
        &problem);
    if (!stored && error)
        *error = problem;
    return stored;
}

} // namespace caseyos
