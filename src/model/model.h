// File: model.h
//
// The model stage: the plain data types every other stage speaks (a posting as read, what was understood
// about it, salaries, skills, roles and levels) and their stable string names, which are also the names
// stored in the database and printed by `--json`. Value types only; thread-safe as values.
//
// Example:
//   Posting posting;
//   posting.title = "Senior NLP Engineer";
//   std::string_view name = RoleName(Role::kNlpEngineer);   // "nlp_engineer"
#pragma once

#include "model/enums.h"
#include "model/posting.h"
#include "model/quoted_bands.h"
