#include "cli/internal/progress_bar.h"

#include <cstdio>

namespace jobscope::cli::internal {

void ProgressBar::Update(const ingest::Progress& progress) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  bool done = progress.bytes_total > 0 && progress.bytes_done >= progress.bytes_total;
  if (drawn_ && !done && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double fraction = progress.bytes_total > 0
                        ? static_cast<double>(progress.bytes_done) / static_cast<double>(progress.bytes_total)
                        : 0;
  if (fraction > 1) fraction = 1;
  constexpr int kWidth = 30;
  int filled = static_cast<int>(fraction * kWidth);
  char bar[kWidth + 1];
  for (int idx = 0; idx < kWidth; ++idx) bar[idx] = idx < filled ? '#' : '.';
  bar[kWidth] = '\0';
  std::fprintf(stderr, "\r[%s] %3d%%  %lld records", bar, static_cast<int>(fraction * 100),
               static_cast<long long>(progress.records));
  std::fflush(stderr);
  drawn_ = true;
}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\n");
}

}  // namespace jobscope::cli::internal
