// A temp folder per test case, and the built jobscope binary run in it: arguments shell-quoted, standard
// output and standard error captured apart, the exit code kept. Used by the robustness suite
// (docs/RELIABILITY.md): each case writes its small inputs here and checks what jobscope promised.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace jobscope::robustness {

struct Result {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// How a command is run: what it reads on standard input and where its output goes.
struct Io {
  std::string stdin_path = "/dev/null";
  std::string stdout_path;  // empty: captured into Result::out
  std::string prefix;       // put before the binary (e.g. "setpriv ... ")
  std::string binary;       // empty: the built jobscope
};

inline std::string ShellQuote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) {
    if (c == '\'')
      quoted += "'\\''";
    else
      quoted += c;
  }
  return quoted + "'";
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class Sandbox {
 public:
  explicit Sandbox(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("jobscope_robust_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                           std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                           std::filesystem::perms::others_exec);
    db_ = Path("store.db");
  }
  ~Sandbox() {
    std::error_code ignored;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_, ignored)) {
      std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                   ignored);
    }
    std::filesystem::remove_all(dir_, ignored);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::string& db() const { return db_; }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Writes `bytes` to the file `name` in the sandbox and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string path = Path(name);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // Runs `jobscope ARGS...` with the sandbox as the working directory.
  Result Run(const std::vector<std::string>& args, const Io& io = {}) const {
    std::string command = "cd " + ShellQuote(dir_.string()) + " && " + io.prefix +
                          ShellQuote(io.binary.empty() ? std::string(JOBSCOPE_BINARY) : io.binary);
    for (const std::string& arg : args) command += " " + ShellQuote(arg);
    std::string out_path = Path(".out"), err_path = Path(".err");
    command += " < " + ShellQuote(io.stdin_path) + " > " +
               ShellQuote(io.stdout_path.empty() ? out_path : io.stdout_path) + " 2> " + ShellQuote(err_path);
    Result result;
    int status = std::system(command.c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (io.stdout_path.empty()) result.out = ReadAll(out_path);
    result.err = ReadAll(err_path);
    std::filesystem::remove(out_path);
    std::filesystem::remove(err_path);
    return result;
  }

  // `ingest --json` into the sandbox's store; the summary it printed (null when it printed none).
  nlohmann::json Ingest(const std::vector<std::string>& inputs, const std::vector<std::string>& extra = {},
                        int expected_exit = 0) const {
    std::vector<std::string> args = {"ingest", "--json", "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    Result result = Run(args);
    EXPECT_EQ(result.exit_code, expected_exit) << result.err;
    if (result.out.empty()) return nullptr;
    nlohmann::json summary = nlohmann::json::parse(result.out);
    ExpectNothingLost(summary);
    return summary;
  }

  // One JSON object per output line of `jobscope COMMAND --json --db STORE`.
  std::vector<nlohmann::json> Lines(const std::vector<std::string>& command) const {
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--json", "--db", db_});
    Result result = Run(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<nlohmann::json> rows;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
    }
    return rows;
  }
  std::vector<nlohmann::json> Postings() const { return Lines({"postings"}); }
  std::vector<nlohmann::json> Quarantine() const { return Lines({"quarantine"}); }

  // The stored postings' titles, sorted.
  std::vector<std::string> Titles() const {
    std::vector<std::string> titles;
    for (const auto& posting : Postings()) titles.push_back(posting["title"]);
    std::sort(titles.begin(), titles.end());
    return titles;
  }

  // Every record read lands in exactly one bucket, per input and for the run.
  static void ExpectNothingLost(const nlohmann::json& summary) {
    auto balanced = [](const nlohmann::json& counts) {
      EXPECT_EQ(counts["read"].get<int64_t>(), counts["stored"].get<int64_t>() +
                                                   counts["already_present"].get<int64_t>() +
                                                   counts["quarantined"].get<int64_t>())
          << counts.dump();
    };
    balanced(summary["counts"]);
    for (const auto& file : summary["files"]) balanced(file["counts"]);
  }

 private:
  std::filesystem::path dir_;
  std::string db_;
};

// A kind of bad or unusual input and the check of what jobscope promised for it.
struct Case {
  const char* name;  // the test's name: RobustnessTest.Kind/<name>
  std::function<void(Sandbox&)> check;
};

inline std::string CaseName(const testing::TestParamInfo<Case>& info) { return info.param.name; }
inline void PrintTo(const Case& kind, std::ostream* out) { *out << kind.name; }

inline bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace jobscope::robustness
