#pragma once

#include <QIcon>
#include <QImage>
#include <QString>

namespace caseyos {

// The tray icon with the unread count drawn on it: a red disc with white digits in the top-right corner.
// Pure painting, so it is tested offscreen.
class BadgeIcon
{
public:
    // Sizes the tray may ask for (16–64 px at 1× and 2× panels).
    static constexpr int kSizes[] = { 16, 22, 24, 32, 48, 64 };

    static QString badgeText(int count); // "" for none, "1" … "99", "99+"
    static QImage render(const QIcon& base, int count, int size);
    static QIcon icon(const QIcon& base, int count);
    // The rectangle the badge covers at `size` (empty when count is 0), for tests and hit checks.
    static QRectF badgeRect(int count, int size);
};

} // namespace caseyos
