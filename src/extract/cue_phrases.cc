#include "extract/internal/cue_phrases.h"

#include <array>

namespace jobscope::extract::internal {
namespace {

constexpr std::array<CuePhrase, 74> kPhrases = {{
    // Requirement: what a line or the section under a heading asks for.
    {"nice to have", Cue::kNice},
    {"nice-to-have", Cue::kNice},
    {"preferred", Cue::kNice},
    {"a plus", Cue::kNice},
    {"bonus", Cue::kNice},
    {"desirable", Cue::kNice},
    {"desired", Cue::kNice},
    {"good to have", Cue::kNice},
    {"would be great", Cue::kNice},
    {"ideally", Cue::kNice},
    {"advantageous", Cue::kNice},
    {"an advantage", Cue::kNice},
    {"pluses", Cue::kNice},
    {"optional", Cue::kNice},
    {"requirements", Cue::kRequired},
    {"required", Cue::kRequired},
    {"must have", Cue::kRequired},
    {"must-have", Cue::kRequired},
    {"qualifications", Cue::kRequired},
    {"what you need", Cue::kRequired},
    {"what you'll need", Cue::kRequired},
    {"what we're looking for", Cue::kRequired},
    {"what we are looking for", Cue::kRequired},
    {"you have", Cue::kRequired},
    {"you bring", Cue::kRequired},
    {"must", Cue::kRequired},
    {"minimum", Cue::kRequired},
    {"who you are", Cue::kRequired},
    {"responsibilities", Cue::kNeutral},
    {"what you'll do", Cue::kNeutral},
    {"what you will do", Cue::kNeutral},
    {"about us", Cue::kNeutral},
    {"about the role", Cue::kNeutral},
    {"benefits", Cue::kNeutral},
    {"what we offer", Cue::kNeutral},
    {"perks", Cue::kNeutral},
    {"the role", Cue::kNeutral},
    {"about the company", Cue::kNeutral},
    // Work mode, as a body states it ("remote" alone is often "remote sensing" or "remote teams").
    {"fully remote", Cue::kRemote},
    {"100% remote", Cue::kRemote},
    {"remote-first", Cue::kRemote},
    {"remote first", Cue::kRemote},
    {"work remotely", Cue::kRemote},
    {"remote position", Cue::kRemote},
    {"remote role", Cue::kRemote},
    {"this is a remote", Cue::kRemote},
    {"work from home", Cue::kRemote},
    {"remote opportunity", Cue::kRemote},
    {"hybrid work", Cue::kHybrid},
    {"hybrid role", Cue::kHybrid},
    {"hybrid position", Cue::kHybrid},
    {"hybrid schedule", Cue::kHybrid},
    {"days a week in the office", Cue::kHybrid},
    {"days per week in the office", Cue::kHybrid},
    {"hybrid model", Cue::kHybrid},
    {"on-site position", Cue::kOnSite},
    {"onsite position", Cue::kOnSite},
    {"on-site role", Cue::kOnSite},
    {"100% on-site", Cue::kOnSite},
    {"fully on-site", Cue::kOnSite},
    {"in-office", Cue::kOnSite},
    // Employment terms.
    {"full-time position", Cue::kFullTime},
    {"full time position", Cue::kFullTime},
    {"this is a full-time", Cue::kFullTime},
    {"full-time role", Cue::kFullTime},
    {"job type: full-time", Cue::kFullTime},
    {"employment type: full-time", Cue::kFullTime},
    {"contract position", Cue::kContract},
    {"contract role", Cue::kContract},
    {"job type: contract", Cue::kContract},
    {"contract-to-hire", Cue::kContract},
    {"contract to hire", Cue::kContract},
    {"part-time position", Cue::kPartTime},
    {"job type: part-time", Cue::kPartTime},
}};

}  // namespace

std::span<const CuePhrase> CuePhrases() { return kPhrases; }

}  // namespace jobscope::extract::internal
