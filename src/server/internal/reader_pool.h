// Store connections for reading, one per request in flight: a store serves one thread at a time, so each
// worker thread borrows its own connection (Store::OpenReader) and gives it back when the request is
// answered. Connections are opened on demand and kept, so there are at most as many as worker threads.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace jobscope::server::internal {

class ReaderPool {
 public:
  // `origin` opens the connections; it must outlive the pool.
  explicit ReaderPool(store::Store& origin) : origin_(origin) {}

  // A borrowed connection, given back when the lease ends.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    ReaderPool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // Errors: those of Store::OpenReader.
  StatusOr<Lease> Acquire();

 private:
  store::Store& origin_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;  // guarded by mutex_
};

}  // namespace jobscope::server::internal
