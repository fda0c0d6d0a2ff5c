// ListRuns split the stored inputs of a run into views of a temporary string that range-for did not keep
// alive: long input paths (past the small-string buffer) came back with their first bytes freed memory,
// found by `jobscope report` writing different bytes for the same store.
#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "store/store.h"

namespace jobscope {
namespace {

TEST(ListRunsInputs, LongPathsComeBackIntact) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("regress_runs_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto store = store::OpenSqliteStore((dir / "s.db").string());
    ASSERT_TRUE(store.ok());
    std::vector<std::string> inputs = {"/tmp/a/rather/long/directory/name/for/the/first/input/jobs.csv",
                                       "/tmp/another/rather/long/directory/name/second.csv"};
    auto run = (*store)->BeginRun(inputs);
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE((*store)->FinishRun(*run, {}, false).ok());
    auto runs = (*store)->ListRuns();
    ASSERT_TRUE(runs.ok());
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ(runs->front().inputs, inputs);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jobscope
