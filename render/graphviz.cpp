#include "render/graphviz.h"

#include <new>
#include <sstream>
#include <stdexcept>

namespace govmap::graphviz {
namespace {

// Graphviz calls its error hook without a user pointer, so the text goes to a buffer that
// exists only while an ErrorCapture is alive (one at a time; the tool is single-threaded).
thread_local std::string* captured = nullptr;

int collect(char* message) {
  if (captured != nullptr && message != nullptr) captured->append(message);
  return 0;
}

thread_local std::string buffer;

char* c_string(const std::string& text) {
  // cgraph 2.42 takes char* but copies the text (agstrdup); it never writes through it.
  return const_cast<char*>(text.c_str());
}

int append_to_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}

int no_flush(void*) { return 0; }

// Object ids in creation order. cgraph's default discipline makes a named object's id the
// address of its interned name, and keeps subgraphs in id order, so the layout of the same
// graph changed with the state of the heap (graphviz issue 1767): a change elsewhere in the
// program could move boxes. Declining names here makes cgraph give every object the next
// counter value and keep its name in its own name-to-id map.
long sequential_map(void*, int, char* name, IDTYPE* id, int create) {
  static IDTYPE next = 1;
  if (name != nullptr || create == 0) return 0;
  *id = next;
  next += 2;
  return 1;
}
long no_alloc(void*, int, IDTYPE) { return 0; }
void no_free(void*, int, IDTYPE) {}
char* no_print(void*, int, IDTYPE) { return nullptr; }
void* open_ids(Agraph_t* g, Agdisc_t*) { return g; }
void close_ids(void*) {}
void register_nothing(void*, int, void*) {}
Agiddisc_t sequential_ids = {open_ids, sequential_map, no_alloc, no_free, no_print, close_ids, register_nothing};

// Our graphs write DOT into a std::string (agwrite's channel) instead of a FILE*.
Agiodisc_t string_io = {nullptr, append_to_string, no_flush};
Agdisc_t string_discipline = {&AgMemDisc, &sequential_ids, &string_io};

}  // namespace

// One context for the whole process. Graphviz 2.42 keeps a global cache of text sizes that
// gvFreeContext frees without resetting, so a second context reads freed memory (seen under
// valgrind when a report renders several diagrams). The context is never freed; the OS
// reclaims it at exit.
Context::Context() {
  static GVC_t* const shared = gvContext();
  context_ = shared;
  if (context_ == nullptr) throw std::bad_alloc();
}

Context::~Context() = default;

Graph::Graph(const std::string& name) : graph_(agopen(c_string(name), Agdirected, &string_discipline)) {
  if (graph_ == nullptr) throw std::bad_alloc();
}

Graph::~Graph() { agclose(graph_); }

Layout::~Layout() {
  if (done_) gvFreeLayout(context_.get(), graph_.get());
}

bool Layout::run(const char* engine) {
  done_ = gvLayout(context_.get(), graph_.get(), engine) == 0;
  return done_;
}

ErrorCapture::ErrorCapture() : previous_function_(agseterrf(collect)), previous_level_(agseterr(AGWARN)) {
  buffer.clear();
  captured = &buffer;
}

ErrorCapture::~ErrorCapture() {
  captured = nullptr;
  agseterrf(previous_function_);
  agseterr(previous_level_);
}

std::vector<std::string> ErrorCapture::messages() const {
  std::vector<std::string> lines;
  std::istringstream in(buffer);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

void ErrorCapture::report_to(DiagnosticSink& sink, const std::string& what) const {
  for (const auto& line : messages()) {
    const bool is_error = line.rfind("Error", 0) == 0;
    Diagnostic d;
    d.level = is_error ? DiagnosticLevel::Error : DiagnosticLevel::Warning;
    d.path = what;
    d.message = "graphviz: " + line;
    d.code = "graphviz";
    sink.report(std::move(d));
  }
}

std::optional<std::string> render_data(Context& context, Graph& graph, const char* format) {
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context.get(), graph.get(), format, &data, &length) != 0) {
    if (data != nullptr) gvFreeRenderData(data);
    return std::nullopt;
  }
  std::string result(data == nullptr ? "" : std::string(data, length));
  gvFreeRenderData(data);
  return result;
}

std::optional<std::string> write_dot(Graph& graph) {
  std::string text;
  if (agwrite(graph.get(), &text) != 0) return std::nullopt;
  return text;
}

void set(void* object, const std::string& name, const std::string& value) {
  agsafeset(object, c_string(name), c_string(value), c_string(std::string()));
}

}  // namespace govmap::graphviz
