#include "index/internal/term_scores.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#include <xmmintrin.h>
#endif

namespace jobscope::index::internal {

void AddTermScores(const std::array<float, 3>* factors, const uint32_t* docs, const FieldTf* tf, uint32_t count,
                   double idf, double k1, uint32_t from, double* sums) {
  uint32_t idx = 0;
#if defined(__SSE2__)
  // Four postings at a time in SSE2, which every x86-64 has: the same operations in the same order as the
  // scalar path (no fused multiply-add, which would round differently), so the bits are the same. Divisions
  // two at a time are what it gains: one a posting had held each score up.
  const __m128d idf2 = _mm_set1_pd(idf), k12 = _mm_set1_pd(k1);
  const __m128d half = _mm_set1_pd(kHalfGridStep), shift = _mm_set1_pd(kGridShift);
  auto saturate = [&](__m128 weighted) {
    const __m128d wide = _mm_cvtps_pd(weighted);
    const __m128d score = _mm_div_pd(_mm_mul_pd(idf2, wide), _mm_add_pd(k12, wide));
    return _mm_sub_pd(_mm_add_pd(_mm_sub_pd(_mm_max_pd(score, half), half), shift), shift);
  };
  for (; idx + 4 <= count; idx += 4) {
    // Each document's three factors and the next one's first, one load each, then turned into a factor
    // per field across the four documents.
    __m128 f0 = _mm_loadu_ps(factors[docs[idx]].data()), f1 = _mm_loadu_ps(factors[docs[idx + 1]].data()),
           f2 = _mm_loadu_ps(factors[docs[idx + 2]].data()), f3 = _mm_loadu_ps(factors[docs[idx + 3]].data());
    _MM_TRANSPOSE4_PS(f0, f1, f2, f3);
    const FieldTf* t = tf + idx;
    const __m128 t0 = _mm_cvtepi32_ps(_mm_setr_epi32(t[0][0], t[1][0], t[2][0], t[3][0]));
    const __m128 t1 = _mm_cvtepi32_ps(_mm_setr_epi32(t[0][1], t[1][1], t[2][1], t[3][1]));
    const __m128 t2 = _mm_cvtepi32_ps(_mm_setr_epi32(t[0][2], t[1][2], t[2][2], t[3][2]));
    const __m128 weighted = _mm_add_ps(_mm_add_ps(_mm_mul_ps(f0, t0), _mm_mul_ps(f1, t1)), _mm_mul_ps(f2, t2));
    const __m128d low = saturate(weighted), high = saturate(_mm_movehl_ps(weighted, weighted));
    double scores[4];
    _mm_storeu_pd(scores, low);
    _mm_storeu_pd(scores + 2, high);
    for (uint32_t k = 0; k < 4; ++k) sums[docs[idx + k] - from] += scores[k];
  }
#endif
  for (; idx < count; ++idx)
    sums[docs[idx] - from] += SaturatedScore(WeightedFrequency(factors[docs[idx]], tf[idx]), idf, k1);
}

}  // namespace jobscope::index::internal
