// Skills named once for two words joined by "and", "or", "&" or "/": "model training and deployment"
// names model deployment, "machine and deep learning" machine learning, "statistical and bioinformatics
// analyses" statistical analysis. Postings write their methods this way all the time; a dictionary that only
// reads whole phrases sees one of the two.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/internal/text_signs.h"

namespace jobscope::extract::internal {

// The coordinators, for the skill scan to find: " and ", " or ", " & ", " and/or " and "/" (which stands
// between the words).
std::span<const SignWord> CoordinationSigns();

// The two-word forms that may be read across a coordination, by their lowercase text.
class CoordinationForms {
 public:
  void Add(std::string_view lowercase_text, uint32_t form);
  // The form "first second" (any case), with `second` also read in the singular ("analyses", "pipelines").
  std::optional<uint32_t> Find(std::string_view first, std::string_view second) const;
  bool empty() const { return forms_.empty(); }

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using TextSet = std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>>;
  // The form's lowercase text, and its last words alone: most coordinations join words no form ends with
  // ("skills and experience"), and are passed over on one look-up of the second word.
  TextSet forms_, last_words_;
};

struct CoordinatedForm {
  uint32_t form = 0;
  uint32_t begin = 0, end = 0;  // the word that carries the form ("deployment", "machine")
  uint32_t phrase_end = 0;      // where the whole coordinated phrase ends ("... deployment", "... learning")
};

// Each form one word of a coordination shares with the other's modifier or head, in text order, given where
// the coordination signs begin (ascending):
//   "model training and deployment"   -> "model deployment" carried by "deployment" (a shared modifier)
//   "machine and deep learning"       -> "machine learning" carried by "machine" (a shared head)
std::vector<CoordinatedForm> ReadCoordinations(std::string_view text, std::span<const uint32_t> joints,
                                               const CoordinationForms& forms);

}  // namespace jobscope::extract::internal
