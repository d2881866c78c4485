#include "connectors/HubspotPipelines.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool truthy(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool();
    return value.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

double number(const QJsonValue& value, double fallback)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double parsed = value.toString().toDouble(&ok);
    return ok ? parsed : fallback;
}

} // namespace

HubspotPipelines HubspotPipelines::fromJson(const QJsonObject& body)
{
    HubspotPipelines pipelines;
    for (const QJsonValue& pipelineValue : body.value(u"results"_s).toArray()) {
        const QJsonObject pipeline = pipelineValue.toObject();
        const QString pipelineId = pipeline.value(u"id"_s).toString();
        if (pipelineId.isEmpty())
            continue;
        QHash<QString, HubspotStage>& stages = pipelines.m_stages[pipelineId];
        for (const QJsonValue& stageValue : pipeline.value(u"stages"_s).toArray()) {
            const QJsonObject json = stageValue.toObject();
            HubspotStage stage;
            stage.id = json.value(u"id"_s).toString();
            stage.label = json.value(u"label"_s).toString();
            stage.displayOrder = json.value(u"displayOrder"_s).toInt();
            const QJsonObject metadata = json.value(u"metadata"_s).toObject();
            stage.isClosed = truthy(metadata.value(u"isClosed"_s));
            stage.probability = number(metadata.value(u"probability"_s), -1);
            if (!stage.id.isEmpty())
                stages.insert(stage.id, stage);
        }
    }
    return pipelines;
}

std::optional<HubspotStage> HubspotPipelines::stage(const QString& pipeline, const QString& stageId) const
{
    const auto p = m_stages.constFind(pipeline);
    if (p == m_stages.cend())
        return std::nullopt;
    const auto s = p->constFind(stageId);
    if (s == p->cend())
        return std::nullopt;
    return *s;
}

StageChange HubspotPipelines::classify(const QString& fromPipeline, const QString& fromStage,
    const QString& toPipeline, const QString& toStage) const
{
    if (fromStage == toStage && fromPipeline == toPipeline)
        return StageChange::None;
    const std::optional<HubspotStage> to = stage(toPipeline, toStage);
    const QString toId = toStage.toLower();
    if ((to && to->isClosed && to->probability >= 1.0) || (!to && toId == u"closedwon"_s)
        || (to && to->probability < 0 && toId == u"closedwon"_s))
        return StageChange::Won;
    if ((to && to->isClosed && to->probability >= 0 && to->probability <= 0.0)
        || (!to && toId == u"closedlost"_s) || (to && to->probability < 0 && toId == u"closedlost"_s))
        return StageChange::Lost;
    const std::optional<HubspotStage> from = stage(fromPipeline, fromStage);
    if (!to || !from || fromPipeline != toPipeline)
        return StageChange::None;
    if (to->displayOrder > from->displayOrder)
        return StageChange::Advanced;
    if (to->displayOrder < from->displayOrder)
        return StageChange::Regressed;
    return StageChange::None;
}

} // namespace caseyos
