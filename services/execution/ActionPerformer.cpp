#include "execution/ActionPerformer.h"

#include <QMetaObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Answers on the context's event loop, never inside the caller's own call (the contract of every callback).
template<typename Result, typename Done> void answerLater(QObject* context, Done done, Result result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace

QJsonObject ActionPerformer::describe(const QJsonObject& payload, const QString&) const
{
    return payload;
}

void ActionPerformer::find(const QString&, const QJsonObject&, QObject* context, FindDone done)
{
    FindResult result;
    result.status = FindResult::Status::Unknown;
    answerLater(context, std::move(done), result);
}

QString ActionPerformer::undoRefusal() const
{
    return u"%1 cannot take it back"_s.arg(serviceName());
}

void ActionPerformer::undo(const ExecutionRecord&, QObject* context, UndoDone done)
{
    answerLater(context, std::move(done), UndoResult { false, undoRefusal() });
}

void PerformerRegistry::add(std::unique_ptr<ActionPerformer> performer)
{
    const ActionKind kind = performer->kind();
    m_unavailable.erase(kind);
    m_performers[kind] = std::move(performer);
}

void PerformerRegistry::setUnavailable(ActionKind kind, const QString& reason)
{
    m_unavailable[kind] = reason;
}

ActionPerformer* PerformerRegistry::find(ActionKind kind) const
{
    const auto it = m_performers.find(kind);
    return it == m_performers.end() ? nullptr : it->second.get();
}

QString PerformerRegistry::missingReason(ActionKind kind) const
{
    if (find(kind))
        return {};
    const auto it = m_unavailable.find(kind);
    if (it != m_unavailable.end() && !it->second.isEmpty())
        return it->second;
    return u"No connector for %1 yet: nothing was done"_s.arg(toString(kind));
}

} // namespace caseyos
