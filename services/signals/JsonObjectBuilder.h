#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringList>
#include <QStringView>

namespace caseyos {

// Builds a small JSON object (a move's action_context) by writing JSON text and parsing it once.
// On Qt 6.4 every QJsonObject::insert of a string allocates several times; for the 4–6 keys of a context
// this is about twice as fast, and rules run once per ingested signal. Keys are code literals (plain
// ASCII, never escaped); add them in alphabetical order to keep the text canonical.
class JsonObjectBuilder
{
public:
    JsonObjectBuilder();

    // Each add* leaves the key out when the value is empty.
    JsonObjectBuilder& addText(QLatin1StringView key, QStringView value);
    JsonObjectBuilder& addNumber(QLatin1StringView key, double value);
    JsonObjectBuilder& addTextArray(QLatin1StringView key, const QStringList& values);

    QJsonObject build() const;

private:
    void appendKey(QLatin1StringView key);
    QByteArray m_json;
};

} // namespace caseyos
