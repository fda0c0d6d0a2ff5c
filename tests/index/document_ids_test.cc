#include "index/internal/document_ids.h"

#include <string>

#include <gtest/gtest.h>

namespace jobscope::index::internal {
namespace {

TEST(DocumentIds, GivesEachDocumentItsIdAndFindsItBack) {
  DocumentIds ids;
  // Enough to grow the table several times, with ids of every length up to past a string's inline buffer.
  for (uint32_t doc = 0; doc < 5000; ++doc) ids.Append(std::string(doc % 40, 'x') + std::to_string(doc));
  ASSERT_EQ(ids.size(), 5000u);
  for (uint32_t doc = 0; doc < 5000; ++doc) {
    const std::string id = std::string(doc % 40, 'x') + std::to_string(doc);
    EXPECT_EQ(ids.Id(doc), id);
    EXPECT_EQ(ids.Find(id), doc);
  }
  EXPECT_EQ(ids.Find("absent"), DocumentIds::kMissing);
  EXPECT_EQ(ids.Find(""), DocumentIds::kMissing);
}

TEST(DocumentIds, AnIdGivenTwiceFindsTheLaterDocumentAcrossGrowth) {
  DocumentIds ids;
  ids.Append("same");
  for (int doc = 1; doc < 3000; ++doc) ids.Append(doc == 1500 ? "same" : "id" + std::to_string(doc));
  EXPECT_EQ(ids.Find("same"), 1500u);
  EXPECT_EQ(ids.Id(0), "same");
  ids.Shrink();
  EXPECT_EQ(ids.Find("id2999"), 2999u);
}

TEST(DocumentIds, AnEmptyTableFindsNothing) {
  DocumentIds ids;
  EXPECT_EQ(ids.Find("x"), DocumentIds::kMissing);
  EXPECT_EQ(ids.size(), 0u);
}

}  // namespace
}  // namespace jobscope::index::internal
