#pragma once

// The one question rolecallctl asks of the console it runs in, answered per
// platform in terminal_unix.cpp and terminal_win.cpp.
namespace rolecall::cli {

// True when standard input is an interactive terminal (a person can answer a
// question or would see a secret echoed), false for a pipe or a file.
bool stdinIsTerminal();

} // namespace rolecall::cli
