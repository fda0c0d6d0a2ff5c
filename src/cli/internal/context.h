// What every command shares: where data/ is, the loaded taxonomy and rates, the store path, and how a
// Status becomes a message and an exit code.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "classify/classify.h"
#include "extract/extract.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::cli::internal {

enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

// Where the aijobs.net salary survey is, from the repository root.
inline constexpr const char* kDefaultSurvey = "../shared/data/aijobs-salaries/salaries.csv";
// Where O*NET's files are.
inline constexpr const char* kDefaultOnet = "../shared/data/onet";

struct Context {
  std::string data_dir;  // --data-dir, else $JOBSCOPE_DATA, else the source tree's data/
  std::string db_path = "jobscope.db";
  bool json = false;

  std::optional<taxonomy::Taxonomy> taxonomy;
  std::optional<extract::CurrencyRates> rates;

  std::string DataPath(const std::string& relative) const;
  // The web UI's folder for `serve`: beside the data folder in use (<data>/../web), else the source tree's
  // web/; "" when neither has an index.html.
  std::string WebDir() const;
  // Loads the taxonomy and rates and builds an Understander on them.
  // With the shipped role and level models unless `with_models` is false (training, which makes them).
  StatusOr<std::unique_ptr<classify::Understander>> MakeUnderstander(bool with_models = true);
  // The taxonomy, loaded on first use. Errors: those of Taxonomy::Load.
  StatusOr<const taxonomy::Taxonomy*> LoadTaxonomy();
  StatusOr<std::unique_ptr<store::Store>> OpenStore() const;
  // The store for commands that only read: never created or migrated; a mistyped --db is an error.
  StatusOr<std::unique_ptr<store::Store>> OpenStoreForReading() const;
};

// Prints "jobscope: <message>" to stderr and returns the exit code for the status (2 for kInvalidArgument).
int ReportError(const Status& status);

// True when stderr is a terminal (progress bars are drawn only then).
bool StderrIsTerminal();

}  // namespace jobscope::cli::internal
