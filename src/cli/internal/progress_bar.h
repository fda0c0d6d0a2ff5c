// A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is not a
// terminal, so pipes and logs stay clean.
#pragma once

#include <chrono>

#include "ingest/ingest.h"

namespace jobscope::cli::internal {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  ~ProgressBar();
  void Update(const ingest::Progress& progress);

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace jobscope::cli::internal
