#include "cli/internal/context.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#ifndef JOBSCOPE_SOURCE_DATA_DIR
#define JOBSCOPE_SOURCE_DATA_DIR "data"
#endif
#ifndef JOBSCOPE_SOURCE_WEB_DIR
#define JOBSCOPE_SOURCE_WEB_DIR "web"
#endif

namespace jobscope::cli::internal {

namespace {

// Where the data folder is, for a run from any directory: --data-dir, else $JOBSCOPE_DATA, else beside the
// binary as installed (<prefix>/bin/jobscope with <prefix>/share/jobscope/data) or as built
// (build/jobscope with ../data), else the source tree it was built from.
std::string FindDataDir() {
  if (const char* env = std::getenv("JOBSCOPE_DATA"); env && *env) return env;
  std::error_code error;
  std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    std::filesystem::path bin = binary.parent_path();
    for (const std::filesystem::path& dir :
         {bin.parent_path() / "share" / "jobscope" / "data", bin.parent_path() / "data"}) {
      if (std::filesystem::is_regular_file(dir / "taxonomy" / "skills.tsv", error))
        return dir.lexically_normal().string();
    }
  }
  return JOBSCOPE_SOURCE_DATA_DIR;
}

}  // namespace

std::string Context::DataPath(const std::string& relative) const {
  static const std::string found = FindDataDir();
  return (data_dir.empty() ? found : data_dir) + "/" + relative;
}

std::string Context::WebDir() const {
  std::error_code error;
  const std::filesystem::path data = std::filesystem::path(DataPath("")).parent_path();
  for (const std::filesystem::path& dir :
       {data.parent_path() / "web", std::filesystem::path(JOBSCOPE_SOURCE_WEB_DIR)}) {
    if (std::filesystem::is_regular_file(dir / "index.html", error)) return dir.lexically_normal().string();
  }
  return "";
}

StatusOr<const taxonomy::Taxonomy*> Context::LoadTaxonomy() {
  if (!taxonomy) {
    JS_ASSIGN_OR_RETURN(taxonomy::Taxonomy loaded, taxonomy::Taxonomy::Load(DataPath("taxonomy/skills.tsv")));
    taxonomy.emplace(std::move(loaded));
  }
  return &*taxonomy;
}

StatusOr<std::unique_ptr<classify::Understander>> Context::MakeUnderstander(bool with_models) {
  JS_RETURN_IF_ERROR(LoadTaxonomy().status());
  if (!rates) {
    JS_ASSIGN_OR_RETURN(extract::CurrencyRates loaded, extract::CurrencyRates::Load(DataPath("currency_rates.tsv")));
    rates.emplace(std::move(loaded));
  }
  JS_ASSIGN_OR_RETURN(auto understander, classify::Understander::Create(*taxonomy, *rates));
  if (with_models) {
    JS_RETURN_IF_ERROR(understander->UseRoleModel(DataPath("models/role_model.bin")));
  }
  return understander;
}

StatusOr<std::unique_ptr<store::Store>> Context::OpenStore() const { return store::OpenStore(db_path); }

StatusOr<std::unique_ptr<store::Store>> Context::OpenStoreForReading() const {
  return store::OpenStoreForReading(db_path);
}

int ReportError(const Status& status) {
  std::fprintf(stderr, "jobscope: %s\n", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace jobscope::cli::internal
