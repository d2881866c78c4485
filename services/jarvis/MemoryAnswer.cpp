#include "jarvis/MemoryAnswer.h"

#include "jarvis/ReplyText.h"
#include "memory/MemoryStore.h"

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

AssistantReply memoryAnswer(MemoryStore& store, const QString& query, int limit)
{
    AssistantReply reply;
    reply.intent.kind = IntentKind::SearchMemory;
    reply.intent.query = query;
    const Result<QList<MemoryHit>> hits = store.search(query, limit);
    if (!hits) {
        reply.failed = true;
        reply.markdown = hits.error();
        return reply;
    }
    if (hits.value().isEmpty()) {
        reply.markdown = u"Nothing in memory mentions “%1”."_s.arg(markdownEscaped(query));
        return reply;
    }
    reply.markdown = u"From memory, about “%1”:\n"_s.arg(markdownEscaped(query));
    for (const MemoryHit& hit : hits.value()) {
        const MemoryMessage& m = hit.message;
        reply.markdown += u"\n- [%1, %2](caseyos://memory/%3): %4"_s.arg(
            m.role == u"user"_s ? u"You"_s : u"Jarvis"_s, m.createdAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s))
                              .arg(m.id)
                              .arg(markdownEscaped(hit.snippet));
        reply.citations.append({ Citation::Kind::Memory, m.id, hit.snippet });
    }
    return reply;
}

} // namespace caseyos::jarvis
