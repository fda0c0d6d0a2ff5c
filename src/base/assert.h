// File: assert.h
//
// JS_ASSERT(cond): a programmer's invariant. It aborts with the location when false, in every build type,
// because a broken invariant in a data pipeline silently corrupts the store. User input must never be able
// to trigger one: bad input is reported through Status.
#pragma once

namespace jobscope::internal {
[[noreturn]] void AssertFail(const char* expr, const char* file, int line);
}  // namespace jobscope::internal

#define JS_ASSERT(cond) ((cond) ? static_cast<void>(0) : ::jobscope::internal::AssertFail(#cond, __FILE__, __LINE__))
