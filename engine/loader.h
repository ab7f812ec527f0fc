#pragma once
// Loads a model from XML: the top-level file, its includes and (for a proposal) its baseline,
// then checks every reference against the model and the vocabulary. Reports every problem it
// finds to the sink; returns a model only when there were no errors.

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/model.h"

namespace govmap {

struct LoadOptions {
  /// Vocabulary file to use instead of the model's or the built-in one.
  std::string vocabulary_path;
  /// Stop reporting after this many errors (a hostile file can have millions).
  std::size_t max_errors = 200;
  /// Folders where a baseline named by name (extends="england") is looked for
  /// (engine/model_paths.h, model_search_path).
  std::vector<std::string> model_search_path;
  /// Read the model as it stood on this date (YYYY-MM-DD; --as-of); empty for the model's own
  /// as-of date. Elements not in force on it are left out (engine/dated.h).
  std::string as_of;
  /// How a baseline is read for a proposal of a later date: a model that extends none at its own
  /// as-of when `as_of` is later (it knows no later facts); a proposal at `as_of`, as the later
  /// proposal reads it, its changes applied to the model of that date.
  bool as_of_at_most = false;
  /// Read a large file as it is parsed, on a thread of its own (engine/xml_stream.h); off, each
  /// file is parsed before it is read. The model and every message are the same either way.
  bool stream = true;
};

std::optional<Model> load_model(const std::string& path, DiagnosticSink& sink,
                                const LoadOptions& options = {});

/// The date model `m` is read at when asked for `as_of` (empty: its own as-of) with `at_most`
/// (LoadOptions::as_of_at_most): its own as-of when that is earlier and it extends none.
const std::string& date_read(const Model& m, const std::string& as_of, bool at_most);

/// The folder includes must stay in: the nearest folder at or above `model_path`'s folder
/// that holds a vocabulary.xml, else the model's own folder.
std::string model_root(const std::string& model_path);

}  // namespace govmap
