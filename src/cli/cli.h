// File: cli.h
//
// The cli stage: `jobscope <command>`, the face people script. Every command has --help and a --json form
// whose field names are documented in docs/CLI.md; exit code 0 on success, 1 on a failed run, 2 on a usage
// error. Long work shows progress on a terminal and stays quiet in pipes.
//
// Example:
//   int main(int argc, char** argv) { return jobscope::cli::RunCli(argc, argv); }
#pragma once

namespace jobscope::cli {

int RunCli(int argc, char** argv);

}  // namespace jobscope::cli
