// Decimal text of a number with a fixed count of decimals, as printf's "%.*f" writes it.
#pragma once

#include <string>

namespace baton {

// Writes x with `decimals` digits after the point: the same text as
// snprintf("%.*f", decimals, x) in every case. Explanations format several figures per
// client, so values away from a rounding tie take a faster integer path. Values near a
// tie, large values and non-finite ones go through snprintf.
std::string fixedText(double x, int decimals);

}  // namespace baton
