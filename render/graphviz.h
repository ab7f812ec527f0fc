#pragma once
// RAII handles over the Graphviz C API (version 2.42/2.43). Internal to render/: this is the
// only header that includes Graphviz, and only render/*.cpp include it. Graphviz keeps error
// state in globals; ErrorCapture redirects it for one scope and restores it afterwards.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"

namespace govmap::graphviz {

/// Owns a GVC_t (gvContext / gvFreeContext). gvContext loads the installed plugins.
class Context {
 public:
  Context();
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  GVC_t* get() const { return context_; }

 private:
  GVC_t* context_;
};

/// Owns a root graph (agopen / agclose).
class Graph {
 public:
  explicit Graph(const std::string& name);
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  Agraph_t* get() const { return graph_; }

 private:
  Agraph_t* graph_;
};

/// A layout of a graph, freed (gvFreeLayout) when it goes out of scope.
class Layout {
 public:
  Layout(Context& context, Graph& graph) : context_(context), graph_(graph) {}
  ~Layout();
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  /// Runs the `engine` layout ("dot"); false when Graphviz refused.
  bool run(const char* engine);

 private:
  Context& context_;
  Graph& graph_;
  bool done_ = false;
};

/// While alive, Graphviz messages go to this object instead of stderr.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  /// Captured messages, one per line, "Warning: "/"Error: " prefixes kept.
  std::vector<std::string> messages() const;
  /// Reports every captured message to `sink` (errors as errors, the rest as warnings).
  void report_to(DiagnosticSink& sink, const std::string& what) const;

 private:
  agusererrf previous_function_;
  agerrlevel_t previous_level_;
};

/// Renders a laid-out graph to memory in `format`.
/// nullopt when Graphviz refused (the reason is in the active ErrorCapture).
std::optional<std::string> render_data(Context& context, Graph& graph, const char* format);

/// The DOT text of a graph as built (agwrite), with no layout attributes.
std::optional<std::string> write_dot(Graph& graph);

/// Sets an attribute on a graph, node or edge (declaring it with an empty default).
void set(void* object, const std::string& name, const std::string& value);

}  // namespace govmap::graphviz
