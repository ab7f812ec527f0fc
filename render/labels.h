#pragma once
// Internal to render/: the words on a diagram — wrapped box labels, tooltips, edge labels
// ("Formula allocation, £9.4bn (2021/22)") and the source line.

#include <string>
#include <vector>

#include "engine/model.h"

namespace govmap {

/// Breaks text into lines of at most `width` characters at spaces (longer words stay whole).
std::string wrap_text(const std::string& text, std::size_t width);

/// Tooltip of a box: kind, legal status, sector, codes, member names, sources, findings.
std::string node_tooltip(const Model& model, const std::vector<const Body*>& members, long long count,
                         const std::vector<std::string>& findings);

/// The vocabulary label of a link's mechanism or accountability kind ("Delegated budget").
std::string subtype_label(const Model& model, const Link& link);

/// Label of an edge standing for `links` (all of one kind between the same two boxes): one
/// line per funding mechanism (with summed amount and year) or accountability kind; delegation
/// lists functions; other kinds have no label.
/// In aggregated views a holder is named by its kind, and delegations are not labelled.
std::string edge_label(const Model& model, const std::vector<std::size_t>& links, bool aggregated);

/// Tooltip of an edge: each link it stands for ("NHS Fife → Fife IJB: Delegated budget").
std::string edge_tooltip(const Model& model, const std::vector<std::size_t>& links);

/// A note for a caption, on lines of its own: "\nNote: ... .".
std::string caption_note(const std::string& note);

/// "Source: govmap model <id>, as of <date>. Based on: ...; Note: ..." wrapped to lines.
/// `source_ids` in order of preference; at most four are named.
std::string source_line(const Model& model, const std::vector<std::string>& source_ids,
                        const std::vector<std::string>& notes);

}  // namespace govmap
