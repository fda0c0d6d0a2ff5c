// Phrases that are not skills but say something about a posting: which part of it asks for what
// (requirement cues) and how and on what terms the job is done (work-mode and employment cues). They are
// matched in the same vectorscan scan as the skills, so reading them costs no extra pass over the text.
#pragma once

#include <span>
#include <string_view>

#include "extract/extract.h"

namespace jobscope::extract::internal {

struct CuePhrase {
  std::string_view text;  // lowercase, matched caseless on word boundaries
  Cue cue;
};

std::span<const CuePhrase> CuePhrases();

}  // namespace jobscope::extract::internal
