// File: base.h
//
// The base stage: Status/StatusOr for expected failures, JS_ASSERT for invariants, and small helpers every
// stage shares (stable hashing, string trimming). No jobscope dependencies.
#pragma once

#include "base/assert.h"
#include "base/hash.h"
#include "base/status.h"
#include "base/strings.h"
#include "base/tsv.h"
