#pragma once

namespace rolecall {

struct ConnectionSettings;
class PhaseWatch;

// rolecall-screen-preview measure's Sync screen: the fake Clerk Backend API,
// on its own thread as a remote server would be, serves seed users 1 ..
// `clerkUsers` (the bench's seed data: the database's users by Clerk ID,
// email and names), and the Sync screen compares them with the database
// behind `connection` (read only): the run until every row is shown, 20
// pages scrolled, a search typed and cleared, a status filter and back, each
// a phase of `watch`. False when a phase did not finish.
bool measureSyncScreen(const ConnectionSettings &connection, int clerkUsers, PhaseWatch &watch);

} // namespace rolecall
