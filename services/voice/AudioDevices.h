#pragma once

#include <QAudioDevice>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace caseyos::voice {

// (id, description) of each device, for the settings' choosers; the id is what VoiceSettings stores.
QList<QPair<QByteArray, QString>> describeAudioDevices(const QList<QAudioDevice>& devices);

// The device with `id` in `devices`, or a null device.
QAudioDevice findAudioDevice(const QList<QAudioDevice>& devices, const QByteArray& id);

} // namespace caseyos::voice
