// File: weight_file.h
//
// The file format of jobscope's linear models over hashed features (the skill-span tagger, the role
// classifier): an 8-byte magic, format version, feature bits and row width, an optional block of extra
// floats (such as tag transitions), then only the non-zero rows, each as (slot, row), then an optional
// trailer of the model's own bytes (such as the tagger's word classes). Little-endian.
//
// Example:
//   JS_RETURN_IF_ERROR(WriteWeightFile(path, {"JSROLE01", 1, 18, 13}, weights, {}));
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jobscope {

struct WeightFileHeader {
  std::string magic;  // exactly 8 characters
  uint32_t version = 0;
  uint32_t bits = 0;   // the weights hold (1 << bits) rows
  uint32_t width = 0;  // floats per row
};

Status WriteWeightFile(const std::string& path, const WeightFileHeader& header, const std::vector<float>& weights,
                       std::span<const float> extra, std::string_view trailer = {});
// Fills `weights` ((1 << bits) * width floats) and `extra`. Errors: kIoError, kParseError (another magic,
// version or shape; a corrupt or truncated file). `trailer`, when given, receives the bytes after the rows.
Status ReadWeightFile(const std::string& path, const WeightFileHeader& expected, std::vector<float>& weights,
                      std::span<float> extra, std::string* trailer = nullptr);

}  // namespace jobscope
