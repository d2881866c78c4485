#include "voice/AudioDevices.h"

#include <algorithm>

namespace caseyos::voice {

QList<QPair<QByteArray, QString>> describeAudioDevices(const QList<QAudioDevice>& devices)
{
    QList<QPair<QByteArray, QString>> out;
    out.reserve(devices.size());
    for (const QAudioDevice& device : devices)
        out.append({ device.id(), device.description() });
    return out;
}

QAudioDevice findAudioDevice(const QList<QAudioDevice>& devices, const QByteArray& id)
{
    const auto it
        = std::find_if(devices.cbegin(), devices.cend(), [&](const QAudioDevice& d) { return d.id() == id; });
    return it == devices.cend() ? QAudioDevice() : *it;
}

} // namespace caseyos::voice
