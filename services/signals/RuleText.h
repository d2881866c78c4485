#pragma once

#include <QString>
#include <QStringView>

namespace caseyos::ruletext {

// Pieces of the human move titles and descriptions the signal rules write (PRODUCT.md §1).

// "Dana Lee (Acme)"; the email stands in for a missing name; "(Company)" is left out when unknown.
QString person(const QString& name, const QString& email, const QString& company);

// “text” with typographic quotes, whitespace collapsed, cut to maxChars with an ellipsis.
QString quoted(QStringView text, int maxChars = 60);

// Whitespace collapsed and cut to maxChars characters (an ellipsis marks the cut).
QString shortened(QStringView text, int maxChars);

// "$48,000" or "$4,999.99" (cents only when there are any).
QString money(double amount);

} // namespace caseyos::ruletext
