// Runs the built jobscope binary through the shell and captures what it printed and how it exited.
#pragma once

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace jobscope::e2e {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout (stderr goes to the test log)
};

inline CommandResult RunJobscope(const std::string& arguments, const std::string& stdin_text = "") {
  std::string command = std::string("'") + JOBSCOPE_BINARY + "' " + arguments;
  if (!stdin_text.empty()) command = "printf '%s' '" + stdin_text + "' | " + command;
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), got);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace jobscope::e2e
