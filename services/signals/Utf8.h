#pragma once

#include <QByteArrayView>

namespace caseyos {

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
// Import files are checked with it: Qt's decoders silently replace bad bytes instead of failing.
bool isValidUtf8(QByteArrayView bytes);

} // namespace caseyos
