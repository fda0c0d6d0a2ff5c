#include "server/internal/reader_pool.h"

namespace jobscope::server::internal {

ReaderPool::Lease::~Lease() {
  if (!store_ || !pool_) return;
  std::lock_guard<std::mutex> lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(store_));
}

StatusOr<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opening reads the file's header: done outside the lock, so other threads keep borrowing meanwhile.
  JS_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, origin_.OpenReader());
  return Lease(this, std::move(store));
}

}  // namespace jobscope::server::internal
