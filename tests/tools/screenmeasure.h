#pragma once

namespace rolecall {

class PgDataSource;

// rolecall-screen-preview measure: on the database behind `source` (read
// only), the screens' queries timed (median of 3), then the Users, Grants,
// Audit and Overview screens shown, scrolled, searched, filtered and switched
// while a 5 ms timer on the GUI thread measures its own lateness. Each phase
// prints its longest stall; any stall over 50 ms is printed as it happens,
// with the phase that was running. Then, unless `clerkUsers` is 0, the Sync
// screen against that many fake Clerk users (syncmeasure.h; negative: as
// many as the database has users). Returns the process's exit code.
int measureScreens(PgDataSource &source, int clerkUsers);

} // namespace rolecall
