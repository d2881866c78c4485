#include "signals/JsonObjectBuilder.h"

#include "core/CanonicalJson.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace caseyos {

JsonObjectBuilder::JsonObjectBuilder()
{
    m_json.reserve(256);
    m_json.append('{');
}

void JsonObjectBuilder::appendKey(QLatin1StringView key)
{
    if (m_json.size() > 1)
        m_json.append(',');
    m_json.append('"');
    m_json.append(key.data(), key.size());
    m_json.append("\":", 2);
}

JsonObjectBuilder& JsonObjectBuilder::addText(QLatin1StringView key, QStringView value)
{
    if (!value.isEmpty()) {
        appendKey(key);
        appendCanonicalJsonString(m_json, value);
    }
    return *this;
}

JsonObjectBuilder& JsonObjectBuilder::addNumber(QLatin1StringView key, double value)
{
    appendKey(key);
    appendCanonicalJson(m_json, QJsonValue(value)); // non-finite values print as null
    return *this;
}

JsonObjectBuilder& JsonObjectBuilder::addTextArray(QLatin1StringView key, const QStringList& values)
{
    if (values.isEmpty())
        return *this;
    appendKey(key);
    m_json.append('[');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_json.append(',');
        appendCanonicalJsonString(m_json, values[i]);
    }
    m_json.append(']');
    return *this;
}

QJsonObject JsonObjectBuilder::build() const
{
    if (m_json.size() == 1)
        return {};
    // The text is produced by the canonical writer, so it always parses.
    return QJsonDocument::fromJson(m_json + '}').object();
}

} // namespace caseyos
