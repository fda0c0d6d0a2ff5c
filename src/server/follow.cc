// Keeping a running server in step with its store, whoever writes to it.
#include "server/internal/state.h"

namespace jobscope::server::internal {

StatusOr<size_t> CatchUpWithStore(Server::State& state) {
  JS_ASSIGN_OR_RETURN(size_t added, state.search->CatchUp());
  if (added == 0) return added;
  // The match index has no incremental add (its skill weights depend on every posting): rebuilt, then
  // swapped in, while matches go on over the old one.
  JS_ASSIGN_OR_RETURN(std::unique_ptr<match::MatchIndex> market,
                      match::MatchIndex::Build(*state.store, &*state.taxonomy));
  {
    std::lock_guard<std::mutex> market_lock(state.market_mutex);
    state.market = std::move(market);
  }
  std::lock_guard<std::mutex> lock(state.summary_mutex);
  state.summaries.clear();
  return added;
}

}  // namespace jobscope::server::internal
