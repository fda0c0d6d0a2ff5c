// A term's scores added into per-document sums for a run of its postings, bit for bit what
// SearchIndex::Impl::TermScore gives one at a time: a broad query of common words sums whole lists
// (searcher.cc, ScoreStretchListByList), and there a score's arithmetic was half of the time.
#pragma once

#include <array>
#include <cstdint>

#include "index/internal/posting_list.h"

namespace jobscope::index::internal {

// The arithmetic of one score, which every path shares: the field-weighted frequency in float (in this
// order), BM25's saturation in double, then onto the grid of 2^-32.
inline float WeightedFrequency(const std::array<float, 3>& factors, FieldTf tf) {
  return factors[0] * tf[0] + factors[1] * tf[1] + factors[2] * tf[2];
}
inline constexpr double kGridShift = 1048576.0;              // 2^20
inline constexpr double kHalfGridStep = 1.0 / 8589934592.0;  // 2^-33
// A score in [0, 2^20) to the multiple of 2^-32 at most 2^-32 below it. Adding 2^20 leaves a double's 52
// fraction bits for 2^-32 and up, so the sum is rounded to that grid (to nearest: half a step is taken off
// first, so the result never exceeds the score, as a block's bound assumes; a score under half a step is
// 0); taking 2^20 away again is exact (IEEE arithmetic: the build never uses -ffast-math). Converting to an
// integer and back, as before, took three conversions in a row: broad queries ran 5% slower.
inline double OnScoreGrid(double score) {
  return ((score < kHalfGridStep ? kHalfGridStep : score) - kHalfGridStep + kGridShift) - kGridShift;
}
inline double SaturatedScore(float weighted, double idf, double k1) {
  return OnScoreGrid(idf * weighted / (k1 + weighted));
}

// sums[docs[i] - from] += SaturatedScore(WeightedFrequency(factors[docs[i]], tf[i]), idf, k1) for i < count.
// REQUIRES: `factors` has one element past the last document (read, never used).
void AddTermScores(const std::array<float, 3>* factors, const uint32_t* docs, const FieldTf* tf, uint32_t count,
                   double idf, double k1, uint32_t from, double* sums);

}  // namespace jobscope::index::internal
