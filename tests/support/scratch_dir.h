// A directory of its own for one test: named after the process and the running test (ctest runs tests of
// the same binary side by side), emptied when made and removed when the test ends. `dir / "name"` is a path
// in it.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <gtest/gtest.h>
#include <unistd.h>

namespace jobscope::testing_support {

class ScratchDir {
 public:
  explicit ScratchDir(std::string_view prefix) {
    std::string name = std::string(prefix) + "_" + std::to_string(::getpid());
    if (const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info()) {
      name += std::string("_") + test->test_suite_name() + "_" + test->name();
    }
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests are named "Suite/Name/0"
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;  // a test that failed half-way may have left it in any state
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace jobscope::testing_support
