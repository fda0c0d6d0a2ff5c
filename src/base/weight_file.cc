#include "base/weight_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace jobscope {

Status WriteWeightFile(const std::string& path, const WeightFileHeader& header, const std::vector<float>& weights,
                       std::span<const float> extra, std::string_view trailer) {
  JS_ASSERT(header.magic.size() == 8);
  JS_ASSERT(weights.size() == (size_t{1} << header.bits) * header.width);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot write " + path);
  out.write(header.magic.data(), 8);
  uint32_t fields[3] = {header.version, header.bits, header.width};
  out.write(reinterpret_cast<const char*>(fields), sizeof fields);
  out.write(reinterpret_cast<const char*>(extra.data()), static_cast<std::streamsize>(sizeof(float) * extra.size()));
  auto row_of = [&](uint32_t slot) { return weights.data() + static_cast<size_t>(slot) * header.width; };
  auto is_zero = [&](uint32_t slot) {
    return std::all_of(row_of(slot), row_of(slot) + header.width, [](float w) { return w == 0; });
  };
  uint32_t rows = 1u << header.bits, nonzero = 0;
  for (uint32_t slot = 0; slot < rows; ++slot) nonzero += !is_zero(slot);
  out.write(reinterpret_cast<const char*>(&nonzero), sizeof nonzero);
  for (uint32_t slot = 0; slot < rows; ++slot) {
    if (is_zero(slot)) continue;
    out.write(reinterpret_cast<const char*>(&slot), sizeof slot);
    out.write(reinterpret_cast<const char*>(row_of(slot)), static_cast<std::streamsize>(sizeof(float) * header.width));
  }
  out.write(trailer.data(), static_cast<std::streamsize>(trailer.size()));
  if (!out) return IoError("write failed: " + path);
  return Status::Ok();
}

Status ReadWeightFile(const std::string& path, const WeightFileHeader& expected, std::vector<float>& weights,
                      std::span<float> extra, std::string* trailer) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read model " + path);
  char magic[8];
  uint32_t fields[3];
  in.read(magic, 8);
  in.read(reinterpret_cast<char*>(fields), sizeof fields);
  if (!in || std::string_view(magic, 8) != expected.magic || fields[0] != expected.version ||
      fields[1] != expected.bits || fields[2] != expected.width) {
    return ParseError(path + ": not a " + expected.magic + " model of format " + std::to_string(expected.version));
  }
  weights.assign((size_t{1} << expected.bits) * expected.width, 0.0f);
  in.read(reinterpret_cast<char*>(extra.data()), static_cast<std::streamsize>(sizeof(float) * extra.size()));
  uint32_t nonzero = 0;
  in.read(reinterpret_cast<char*>(&nonzero), sizeof nonzero);
  for (uint32_t row = 0; row < nonzero && in; ++row) {
    uint32_t slot = 0;
    in.read(reinterpret_cast<char*>(&slot), sizeof slot);
    if (slot >= (1u << expected.bits)) return ParseError(path + ": corrupt row " + std::to_string(row));
    in.read(reinterpret_cast<char*>(weights.data() + static_cast<size_t>(slot) * expected.width),
            static_cast<std::streamsize>(sizeof(float) * expected.width));
  }
  if (!in) return ParseError(path + ": truncated");
  if (trailer) trailer->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return Status::Ok();
}

}  // namespace jobscope
