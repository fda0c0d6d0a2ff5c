#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

RawPosting Sample() {
  RawPosting raw;
  raw.source = "linkedin";
  raw.title = "ML Engineer";
  raw.company = "Acme";
  raw.location = "New York, NY";
  raw.description = "Build models.";
  return raw;
}

TEST(StablePostingId, SameInputSameIdAcrossCalls) {
  EXPECT_EQ(StablePostingId(Sample()), StablePostingId(Sample()));
  EXPECT_EQ(StablePostingId(Sample()).size(), 16u);
}

TEST(StablePostingId, PrefersSourceIdThenUrlThenContent) {
  RawPosting with_id = Sample();
  with_id.source_id = "123";
  RawPosting other_text = with_id;
  other_text.description = "Different text";
  EXPECT_EQ(StablePostingId(with_id), StablePostingId(other_text));
  RawPosting by_content = Sample();
  by_content.description = "Other text";
  EXPECT_NE(StablePostingId(Sample()), StablePostingId(by_content));
  RawPosting spacing = Sample();
  spacing.title = "  ml   engineer ";
  EXPECT_EQ(StablePostingId(Sample()), StablePostingId(spacing));  // normalised
}

TEST(DuplicateKey, SameJobOnTwoBoards) {
  RawPosting linkedin = Sample();
  RawPosting glassdoor = Sample();
  glassdoor.source = "glassdoor";
  glassdoor.location = "New York, New York";
  glassdoor.description = "Another board's text.";
  EXPECT_EQ(DuplicateKey(linkedin, ParseLocation(linkedin.location)),
            DuplicateKey(glassdoor, ParseLocation(glassdoor.location)));
}

}  // namespace
}  // namespace jobscope::extract
