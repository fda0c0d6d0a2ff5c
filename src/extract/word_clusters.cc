// Word classes learned from unlabelled text, for the span tagger: words that occur in the same
// contexts ("develop", "design", "build"; "pytorch", "tensorflow", "keras") share a class, so what the
// tagger learns from one transfers to words its 4,800 training sentences never show. Each word is
// described by positive pointwise mutual information with the frequent words one and two places to its
// left and right (directed, so the classes follow syntax as well as topic), reduced by a randomized SVD
// (Halko et al. 2011), grouped by k-means at three granularities and binarised dimension by dimension.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>
#include <unordered_map>

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include "base/hash.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

constexpr char kMagic[8] = {'J', 'S', 'W', 'C', 'L', 'U', 'S', '1'};
constexpr int kOffsets[] = {-2, -1, 1, 2};

using Matrix = Eigen::MatrixXf;

// Standard normal draws from a fixed generator, the same on every platform (std::normal_distribution's
// algorithm is the library's choice).
Matrix GaussianMatrix(Eigen::Index rows, Eigen::Index cols, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&] { return (static_cast<double>(rng() >> 11) + 0.5) * (1.0 / 9007199254740992.0); };
  Matrix out(rows, cols);
  for (Eigen::Index at = 0; at < out.size(); at += 2) {
    double radius = std::sqrt(-2.0 * std::log(uniform())), angle = 2.0 * M_PI * uniform();
    out.data()[at] = static_cast<float>(radius * std::cos(angle));
    if (at + 1 < out.size()) out.data()[at + 1] = static_cast<float>(radius * std::sin(angle));
  }
  return out;
}

Matrix Orthonormal(const Matrix& m) {
  Eigen::HouseholderQR<Matrix> qr(m);
  return qr.householderQ() * Matrix::Identity(m.rows(), m.cols());
}

// Lloyd's k-means from k-means++ seeds; returns each row's cluster.
std::vector<uint16_t> KMeans(const Matrix& points, int k, int iterations, uint64_t seed) {
  const Eigen::Index n = points.rows();
  k = static_cast<int>(std::min<Eigen::Index>(k, n));
  std::mt19937_64 rng(seed);
  Matrix centers(k, points.cols());
  Eigen::VectorXf nearest = Eigen::VectorXf::Constant(n, std::numeric_limits<float>::max());
  Eigen::Index first = static_cast<Eigen::Index>(rng() % static_cast<uint64_t>(n));
  centers.row(0) = points.row(first);
  for (int c = 1; c < k; ++c) {
    nearest = nearest.cwiseMin((points.rowwise() - centers.row(c - 1)).rowwise().squaredNorm());
    double total = nearest.cast<double>().sum();
    double pick = (static_cast<double>(rng() >> 11) / 9007199254740992.0) * total;
    Eigen::Index chosen = n - 1;
    for (Eigen::Index row = 0; row < n; ++row) {
      pick -= nearest[row];
      if (pick <= 0) {
        chosen = row;
        break;
      }
    }
    centers.row(c) = points.row(chosen);
  }
  std::vector<uint16_t> assignment(static_cast<size_t>(n), 0);
  const Eigen::VectorXf point_norms = points.rowwise().squaredNorm();
  for (int iteration = 0; iteration < iterations; ++iteration) {
    // Distances by one matrix product: |p|^2 - 2 p.c + |c|^2.
    Matrix scores = (points * centers.transpose() * -2.0f).rowwise() + centers.rowwise().squaredNorm().transpose();
    scores.colwise() += point_norms;
    bool changed = false;
    for (Eigen::Index row = 0; row < n; ++row) {
      Eigen::Index best;
      scores.row(row).minCoeff(&best);
      if (assignment[static_cast<size_t>(row)] != best) changed = true;
      assignment[static_cast<size_t>(row)] = static_cast<uint16_t>(best);
    }
    if (!changed && iteration > 0) break;
    Matrix sums = Matrix::Zero(k, points.cols());
    std::vector<int> counts(static_cast<size_t>(k), 0);
    for (Eigen::Index row = 0; row < n; ++row) {
      sums.row(assignment[static_cast<size_t>(row)]) += points.row(row);
      ++counts[assignment[static_cast<size_t>(row)]];
    }
    for (int c = 0; c < k; ++c) {
      if (counts[static_cast<size_t>(c)])
        centers.row(c) = sums.row(c) / static_cast<float>(counts[static_cast<size_t>(c)]);
    }
  }
  return assignment;
}

}  // namespace

std::string WordClusters::Normalize(std::string_view token) {
  std::string word(token);
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9')
      c = '0';  // numbers of a kind share a class
  }
  return word;
}

WordClusters WordClusters::Learn(const std::vector<std::string>& texts, const WordClusterOptions& options) {
  // Count words and keep each text as word numbers.
  std::unordered_map<std::string, uint32_t> number_of;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::vector<std::vector<uint32_t>> documents;
  documents.reserve(texts.size());
  for (const std::string& text : texts) {
    std::vector<uint32_t>& document = documents.emplace_back();
    for (const auto& [begin, end] : TokenizeForTagging(text)) {
      std::string word = Normalize(std::string_view(text).substr(begin, end - begin));
      auto [it, inserted] = number_of.try_emplace(word, static_cast<uint32_t>(words.size()));
      if (inserted) {
        words.push_back(std::move(word));
        counts.push_back(0);
      }
      ++counts[it->second];
      document.push_back(it->second);
    }
  }
  // Rank by frequency (ties by spelling, for determinism); the clustered words and the context words are
  // prefixes of that ranking.
  std::vector<uint32_t> ranked(words.size());
  std::iota(ranked.begin(), ranked.end(), 0);
  std::sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : words[a] < words[b];
  });
  size_t kept = 0;
  while (kept < ranked.size() && kept < options.max_words && counts[ranked[kept]] >= options.min_count) ++kept;
  const size_t contexts = std::min(options.context_words, kept);
  WordClusters clusters;
  if (kept < 2 || contexts == 0) return clusters;
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> row_of(words.size(), kNone);
  for (size_t rank = 0; rank < kept; ++rank) row_of[ranked[rank]] = static_cast<uint32_t>(rank);

  // Co-occurrence counts: row = word, column = (offset, context word).
  const Eigen::Index columns = static_cast<Eigen::Index>(std::size(kOffsets) * contexts);
  std::unordered_map<uint64_t, float> pairs;
  for (const auto& document : documents) {
    for (size_t at = 0; at < document.size(); ++at) {
      uint32_t row = row_of[document[at]];
      if (row == kNone) continue;
      for (size_t slot = 0; slot < std::size(kOffsets); ++slot) {
        long other = static_cast<long>(at) + kOffsets[slot];
        if (other < 0 || other >= static_cast<long>(document.size())) continue;
        uint32_t context = row_of[document[static_cast<size_t>(other)]];
        if (context == kNone || context >= contexts) continue;
        pairs[(static_cast<uint64_t>(row) << 32) | (slot * contexts + context)] += 1.0f;
      }
    }
  }
  std::vector<std::pair<uint64_t, float>> sorted_pairs(pairs.begin(), pairs.end());
  std::sort(sorted_pairs.begin(), sorted_pairs.end());  // a fixed order: float sums must not depend on hashing
  Eigen::VectorXd row_totals = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(kept));
  Eigen::VectorXd column_totals = Eigen::VectorXd::Zero(columns);
  double total = 0;
  for (const auto& [key, count] : sorted_pairs) {
    row_totals[static_cast<Eigen::Index>(key >> 32)] += count;
    column_totals[static_cast<Eigen::Index>(key & 0xffffffffu)] += count;
    total += count;
  }
  // Context counts raised to 0.75 (Levy et al. 2015) so rare contexts do not dominate PMI.
  Eigen::VectorXd smoothed = column_totals.array().pow(0.75);
  const double smoothed_total = smoothed.sum();
  std::vector<Eigen::Triplet<float>> entries;
  for (const auto& [key, count] : sorted_pairs) {
    auto row = static_cast<Eigen::Index>(key >> 32), column = static_cast<Eigen::Index>(key & 0xffffffffu);
    double pmi = std::log(count * smoothed_total / (row_totals[row] * smoothed[column]));
    if (pmi > 0) entries.emplace_back(row, column, static_cast<float>(pmi));
  }
  Eigen::SparseMatrix<float, Eigen::RowMajor> ppmi(static_cast<Eigen::Index>(kept), columns);
  ppmi.setFromTriplets(entries.begin(), entries.end());

  // Randomized SVD with two power iterations; word vectors are U * sqrt(S), normalised.
  const Eigen::Index rank = std::min<Eigen::Index>(std::min(options.dimensions, kMaxDimensions),
                                                   std::min<Eigen::Index>(ppmi.rows(), columns));
  const Eigen::Index sketch = std::min<Eigen::Index>(rank + 16, std::min<Eigen::Index>(ppmi.rows(), columns));
  Matrix q = Orthonormal(ppmi * GaussianMatrix(columns, sketch, options.seed));
  for (int power = 0; power < 2; ++power) {
    Matrix back = Orthonormal(Matrix(ppmi.transpose() * q));
    q = Orthonormal(Matrix(ppmi * back));
  }
  Matrix small = (ppmi.transpose() * q).transpose();  // sketch x columns
  Eigen::JacobiSVD<Matrix> svd(small, Eigen::ComputeThinU);
  Matrix vectors = (q * svd.matrixU().leftCols(rank)) * svd.singularValues().head(rank).cwiseSqrt().asDiagonal();
  for (Eigen::Index row = 0; row < vectors.rows(); ++row) {
    float norm = vectors.row(row).norm();
    if (norm > 0) vectors.row(row) /= norm;
  }

  std::vector<Word> described(kept);
  for (int level = 0; level < kLevels; ++level) {
    std::vector<uint16_t> classes =
        KMeans(vectors, options.granularities[level], options.kmeans_iterations, options.seed + level + 1);
    for (size_t row = 0; row < kept; ++row) described[row].classes[level] = classes[row];
  }
  for (Eigen::Index d = 0; d < vectors.cols(); ++d) {
    const auto column = vectors.col(d).array();
    const float high = (column > 0).select(column, 0).sum() / std::max<float>(1, (column > 0).count());
    const float low = (column < 0).select(column, 0).sum() / std::max<float>(1, (column < 0).count());
    for (size_t row = 0; row < kept; ++row) {
      const float value = column[static_cast<Eigen::Index>(row)];
      if (value > 0 && value >= high) described[row].high |= uint64_t{1} << d;
      if (value < 0 && value <= low) described[row].low |= uint64_t{1} << d;
    }
  }
  for (size_t row = 0; row < kept; ++row) clusters.words_.emplace(StableHash64(words[ranked[row]]), described[row]);
  return clusters;
}

const WordClusters::Word* WordClusters::Find(std::string_view normalized_word) const {
  auto it = words_.find(StableHash64(normalized_word));
  return it == words_.end() ? nullptr : &it->second;
}

// Bytes: magic, entry count, then for each word sorted by hash: hash, classes, high and low bits. Words are
// kept only as hashes: this is a model, not a word list of its sources.
namespace {
constexpr size_t kEntryBytes = sizeof(uint64_t) + sizeof(WordClusters::Word::classes) + 2 * sizeof(uint64_t);
}  // namespace

std::string WordClusters::Serialize() const {
  std::vector<std::pair<uint64_t, Word>> entries(words_.begin(), words_.end());
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out(kMagic, sizeof kMagic);
  auto put = [&](const void* data, size_t size) { out.append(static_cast<const char*>(data), size); };
  uint64_t count = entries.size();
  put(&count, sizeof count);
  for (const auto& [hash, word] : entries) {
    put(&hash, sizeof hash);
    put(word.classes.data(), sizeof word.classes);
    put(&word.high, sizeof word.high);
    put(&word.low, sizeof word.low);
  }
  return out;
}

StatusOr<WordClusters> WordClusters::Parse(std::string_view bytes, const std::string& name) {
  uint64_t count = 0;
  if (bytes.size() < sizeof kMagic + sizeof count ||
      bytes.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
    return ParseError(name + ": no word classes");
  }
  std::memcpy(&count, bytes.data() + sizeof kMagic, sizeof count);
  bytes.remove_prefix(sizeof kMagic + sizeof count);
  if (count > bytes.size() / kEntryBytes || bytes.size() != count * kEntryBytes) {
    return ParseError(name + ": word classes truncated or corrupt (" + std::to_string(count) + " entries)");
  }
  WordClusters clusters;
  clusters.words_.reserve(count);
  for (const char* at = bytes.data(); at < bytes.data() + bytes.size(); at += kEntryBytes) {
    uint64_t hash = 0;
    Word word;
    const char* field = at;
    auto take = [&](void* out, size_t size) {
      std::memcpy(out, field, size);
      field += size;
    };
    take(&hash, sizeof hash);
    take(word.classes.data(), sizeof word.classes);
    take(&word.high, sizeof word.high);
    take(&word.low, sizeof word.low);
    clusters.words_.emplace(hash, word);
  }
  return clusters;
}

}  // namespace jobscope::extract
