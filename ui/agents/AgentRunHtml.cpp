#include "AgentRunHtml.h"

#include "AgentText.h"
#include "MoveFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kFindingsListed = 8;
constexpr qsizetype kJsonShown = 12000; // characters: a long output is cut, the CLI has it whole

QString runHtmlTr(const char* text)
{
    return QCoreApplication::translate("AgentRunHtml", text);
}

QString runEsc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString findingsHtml(const QJsonArray& findings)
{
    if (findings.isEmpty())
        return {};
    QString html = u"<p><b>%1</b></p><ul>"_s.arg(runEsc(runHtmlTr("Findings")));
    for (qsizetype i = 0; i < findings.size() && i < kFindingsListed; ++i) {
        const QJsonObject f = findings.at(i).toObject();
        const QString severity = f.value(u"severity"_s).toString();
        html += u"<li>"_s + (severity.isEmpty() ? QString() : u"<i>%1</i> "_s.arg(runEsc(severity)))
            + runEsc(f.value(u"text"_s).toString()) + u"</li>"_s;
    }
    if (findings.size() > kFindingsListed)
        html += u"<li>"_s + runEsc(runHtmlTr("… and %1 more").arg(findings.size() - kFindingsListed))
            + u"</li>"_s;
    return html + u"</ul>"_s;
}

QString movesHtml(const AgentLastRun& run)
{
    const AgentRunRecord& record = run.record;
    QString html;
    if (!run.moves.isEmpty()) {
        html += u"<p><b>%1</b></p><ul>"_s.arg(runEsc(runHtmlTr("Added to Today's Moves")));
        for (const MoveRow& move : run.moves)
            html += u"<li><a href=\"caseyos://move/%1\">%2</a></li>"_s.arg(move.id).arg(runEsc(move.title));
        html += u"</ul>"_s;
    }
    if (const qsizetype gone = record.movesCreated - run.moves.size(); gone > 0)
        html += u"<p>%1</p>"_s.arg(
            runEsc(gone == 1 ? runHtmlTr("1 move it added has been deleted since.")
                             : runHtmlTr("%1 moves it added have been deleted since.").arg(gone)));
    const int before = record.result.value(u"already_proposed"_s).toInt();
    if (before > 0)
        html += u"<p>%1</p>"_s.arg(runEsc(before == 1
                ? runHtmlTr("Nothing new for 1 proposal: this agent proposed it before (each subject once).")
                : runHtmlTr(
                    "Nothing new for %1 proposals: this agent proposed them before (each subject once).")
                      .arg(before)));
    return html;
}

QString jsonHtml(const AgentRunRecord& record)
{
    // The headline, summary, moves and proposals are shown above; the rest is the evidence a person may want
    // to check (each finding's evidence, the agent's output) and what the run was given.
    QJsonObject shown = record.result;
    for (const QString& key :
        { u"status"_s, u"summary"_s, u"created_move_ids"_s, u"already_proposed"_s, u"proposed"_s })
        shown.remove(key);
    if (!record.input.isEmpty())
        shown.insert(u"input"_s, record.input);
    QString json = QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Indented));
    if (json.size() > kJsonShown)
        json = json.left(kJsonShown) + u"\n…"_s;
    return u"<p><b>%1</b></p><pre>%2</pre>"_s.arg(runEsc(runHtmlTr("Evidence and output")), runEsc(json));
}

} // namespace

QString agentRunHtml(const AgentLastRun& run, const Clock& clock)
{
    const AgentRunRecord& record = run.record;
    const QColor color = AgentText::statusColor(record.status);
    const QString status = color.isValid()
        ? u"<span style=\"color:%1; font-weight:600\">%2</span>"_s.arg(
            color.name(), runEsc(AgentText::statusLabel(record.status)))
        : u"<span style=\"font-weight:600\">%1</span>"_s.arg(runEsc(AgentText::statusLabel(record.status)));
    QStringList headline { status,
        runEsc(formatShortTime(
            record.finishedAt.toMSecsSinceEpoch(), clock.now().toMSecsSinceEpoch(), clock.localZone())) };
    if (record.movesCreated > 0)
        headline << runEsc(record.movesCreated == 1 ? runHtmlTr("1 move added")
                                                    : runHtmlTr("%1 moves added").arg(record.movesCreated));
    QString html = u"<p>%1</p><p>%2</p>"_s.arg(headline.join(u" · "_s), runEsc(record.summary));
    html += movesHtml(run);
    html += findingsHtml(record.result.value(u"findings"_s).toArray());
    html += jsonHtml(record);
    return html;
}

} // namespace caseyos
