#include "bench/step_times.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "check/run.h"
#include "engine/analysis.h"
#include "engine/loader.h"
#include "rules/catalogue.h"

namespace govmap::bench {
namespace {

template <typename Work>
double time_ms(Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// A profile that runs only the rule `id`.
RuleProfile only(const std::string& id) {
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules[id].enabled = true;
  return profile;
}

}  // namespace

std::vector<std::pair<std::string, double>> step_times(const std::string& model_path, int repeats) {
  DiagnosticSink sink;
  auto model = load_model(model_path, sink);
  if (!model) return {};
  const auto analysis = analyse(std::move(*model));
  const Model& m = analysis->model;
  const std::string today = "2026-11-30";
  std::vector<std::string> steps = {"graph", "geography", "stats", "claims"};
  for (const auto& rule : rule_catalogue()) steps.push_back(rule.id);
  steps.push_back("all rules");
  std::map<std::string, std::vector<double>> times;
  for (int i = 0; i < repeats; ++i) {
    times["graph"].push_back(time_ms([&] { const Graph graph(m); }));
    const Geography geography(m);
    times["geography"].push_back(time_ms([&] { const Geography g(m); }));
    times["stats"].push_back(time_ms([&] { const auto stats = compute_stats(analysis->graph, geography); }));
    times["claims"].push_back(time_ms([&] { const auto claims = evaluate_claims(m, geography); }));
    for (const auto& rule : rule_catalogue()) {
      times[rule.id].push_back(time_ms([&] { const auto r = run_checks(*analysis, only(rule.id), {}, today); }));
    }
    times["all rules"].push_back(time_ms([&] { const auto r = run_checks(*analysis, RuleProfile{}, {}, today); }));
  }
  std::vector<std::pair<std::string, double>> result;
  for (const auto& step : steps) {
    auto& t = times[step];
    std::sort(t.begin(), t.end());
    result.emplace_back(step, t[t.size() / 2]);
  }
  return result;
}

}  // namespace govmap::bench
