// The unread count drawn on the tray icon: nothing for none, a red badge with the digits in the top-right
// corner otherwise, "99+" for more than 99, and the rest of the icon left as it was.
#include "desktop/BadgeIcon.h"

#include <QColor>
#include <QIcon>
#include <QImage>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using caseyos::BadgeIcon;

namespace {

QIcon appIcon()
{
    QIcon icon(u":/icons/caseyos.svg"_s);
    EXPECT_FALSE(icon.isNull()) << "the app icon resource is missing";
    return icon;
}

bool isBadgeRed(QRgb pixel)
{
    const QColor c = QColor::fromRgba(pixel);
    return c.alpha() > 200 && c.red() > 180 && c.green() < 90 && c.blue() < 90;
}

bool isWhite(QRgb pixel)
{
    const QColor c = QColor::fromRgba(pixel);
    return c.alpha() > 200 && c.red() > 220 && c.green() > 220 && c.blue() > 220;
}

struct Counts
{
    int red = 0;
    int white = 0;
    int total = 0;
};

Counts countIn(const QImage& image, const QRect& rect)
{
    Counts counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            counts.red += isBadgeRed(image.pixel(x, y)) ? 1 : 0;
            counts.white += isWhite(image.pixel(x, y)) ? 1 : 0;
            ++counts.total;
        }
    return counts;
}

} // namespace

TEST(BadgeIcon, TextForCounts)
{
    EXPECT_EQ(BadgeIcon::badgeText(0), QString());
    EXPECT_EQ(BadgeIcon::badgeText(-3), QString());
    EXPECT_EQ(BadgeIcon::badgeText(1), u"1"_s);
    EXPECT_EQ(BadgeIcon::badgeText(99), u"99"_s);
    EXPECT_EQ(BadgeIcon::badgeText(100), u"99+"_s);
    EXPECT_EQ(BadgeIcon::badgeText(12345), u"99+"_s);
}

TEST(BadgeIcon, NoUnreadIsThePlainIcon)
{
    const QIcon base = appIcon();
    const QImage plain = BadgeIcon::render(base, 0, 32);
    EXPECT_TRUE(BadgeIcon::badgeRect(0, 32).isEmpty());
    EXPECT_EQ(countIn(plain, plain.rect()).red, 0) << "the app icon itself has no badge red";
    // The icon is really drawn (not a transparent square).
    int opaque = 0;
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            opaque += qAlpha(plain.pixel(x, y)) > 0 ? 1 : 0;
    EXPECT_GT(opaque, 32 * 32 / 4);
}

TEST(BadgeIcon, CountIsARedBadgeWithWhiteDigitsTopRight)
{
    const QIcon base = appIcon();
    for (const int size : BadgeIcon::kSizes) {
        SCOPED_TRACE(size);
        const QImage plain = BadgeIcon::render(base, 0, size);
        const QImage badged = BadgeIcon::render(base, 3, size);
        const QRect badge = BadgeIcon::badgeRect(3, size).toAlignedRect().intersected(badged.rect());
        ASSERT_FALSE(badge.isEmpty());
        // Top-right corner.
        EXPECT_EQ(badge.right(), size - 1);
        EXPECT_EQ(badge.top(), 0);
        const Counts inBadge = countIn(badged, badge);
        EXPECT_GT(inBadge.red, inBadge.total / 4) << "the badge is mostly red";
        if (size >= 22) { // at 16 px a digit is a handful of antialiased pixels
            EXPECT_GT(inBadge.white, 3) << "the digit is drawn in white";
        }
        // Outside the badge, the icon is untouched.
        int changed = 0;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                if (!badge.adjusted(-1, -1, 1, 1).contains(x, y) && badged.pixel(x, y) != plain.pixel(x, y))
                    ++changed;
        EXPECT_EQ(changed, 0);
    }
}

TEST(BadgeIcon, DifferentCountsLookDifferent)
{
    const QIcon base = appIcon();
    EXPECT_NE(BadgeIcon::render(base, 3, 48), BadgeIcon::render(base, 4, 48));
    EXPECT_NE(BadgeIcon::render(base, 99, 48), BadgeIcon::render(base, 100, 48));
    // Anything above 99 shows the same "99+".
    EXPECT_EQ(BadgeIcon::render(base, 100, 48), BadgeIcon::render(base, 250, 48));
    // "99+" needs a wider badge than "7".
    EXPECT_GT(BadgeIcon::badgeRect(100, 48).width(), BadgeIcon::badgeRect(7, 48).width());
}

TEST(BadgeIcon, IconHasEverySize)
{
    const QIcon icon = BadgeIcon::icon(appIcon(), 5);
    const QList<QSize> sizes = icon.availableSizes();
    for (const int size : BadgeIcon::kSizes)
        EXPECT_TRUE(sizes.contains(QSize(size, size))) << size;
}
