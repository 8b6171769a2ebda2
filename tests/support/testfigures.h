#pragma once

#include <QString>

namespace rolecall::testing {

// Prints `line` (the figures a fault or load test counted) and keeps it in
// the build's test-figures/<name>.txt, which packaging/test.sh prints at the
// end of the suite.
void recordFigures(const QString &name, const QString &line);

} // namespace rolecall::testing
