#include "cli/cli.h"

int main(int argc, char** argv) { return jobscope::cli::RunCli(argc, argv); }
