#include "rules/seat_holders.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace govmap::board {
namespace {

/// The body with id `id`, looked up by symbol (Model::find_body looks the text up first).
const Body* body_of(const Model& model, Symbol id) {
  const auto it = model.body_index.find(id);
  return it == model.body_index.end() ? nullptr : &model.bodies[it->second];
}

}  // namespace

std::vector<Holder> seats_by_holder(const Model& model) {
  std::map<std::string, Holder> holders;
  for (std::size_t s = 0; s < model.seats.size(); ++s) {
    const Symbol id = model.seats[s].holder;
    if (id.empty()) continue;
    Holder h;
    if (auto post = model.post_index.find(id); post != model.post_index.end()) {
      const Post& p = model.posts[post->second];
      h = {"post", p.id, p.title, p.provenance.location, {}, p.shared, p.of};
      if (auto person = model.person_index.find(p.holder); person != model.person_index.end()) {
        const Person& who = model.people[person->second];
        h = {"person", who.id, who.name, who.provenance.location, {}, false, {}};
      }
    } else if (auto person = model.person_index.find(id); person != model.person_index.end()) {
      const Person& who = model.people[person->second];
      h = {"person", who.id, who.name, who.provenance.location, {}, false, {}};
    } else {
      continue;
    }
    auto [it, added] = holders.try_emplace(h.id, std::move(h));
    it->second.seats.push_back(s);
  }
  std::vector<Holder> out;
  out.reserve(holders.size());
  for (auto& [id, h] : holders) out.push_back(std::move(h));
  return out;
}

std::string holder_words(const Holder& holder) {
  return holder.shared ? holder.name + " (a post several people hold)" : holder.name;
}

const Post* post_of(const Model& model, const Holder& holder) {
  if (holder.type != "post") return nullptr;
  const auto it = model.post_index.find(holder.id);
  return it == model.post_index.end() ? nullptr : &model.posts[it->second];
}

Subject holder_subject(const Holder& holder) {
  return {holder.type, holder.id, holder.name, "", ""};
}

std::string seat_words(const Model& model, const Seat& seat) {
  const Body* body = body_of(model, seat.body);
  const std::string board = body != nullptr ? body->name : seat.body;
  std::string words = fmt::format("{}{} of {}", seat.voting ? "" : "non-voting ", to_string(seat.role), board);
  if (auto post = model.post_index.find(seat.holder); post != model.post_index.end()) {
    const Post& p = model.posts[post->second];
    const Body* of = body_of(model, p.of);
    // A title that names its body already ("Director of public health, Fife Council") stands alone.
    const bool named = of == nullptr || p.title.str().find(of->name.str()) != std::string::npos;
    words += named ? fmt::format(" (as {})", p.title) : fmt::format(" (as {} of {})", p.title, of->name);
  }
  return words;
}

std::string seat_sector(const Model& model, const Seat& seat) {
  if (!seat.sector.empty()) return seat.sector;
  if (const Body* by = body_of(model, seat.nominated_by)) return by->sector;
  if (auto post = model.post_index.find(seat.holder); post != model.post_index.end()) {
    if (const Body* of = body_of(model, model.posts[post->second].of)) return of->sector;
  }
  return {};
}

bool is_board_kind(const Body& body) {
  return body.status != LegalStatus::Abolished && body.kind != "pooled-fund";
}

std::vector<std::vector<std::size_t>> seats_by_body(const Model& model) {
  std::vector<std::vector<std::size_t>> out(model.bodies.size());
  for (std::size_t s = 0; s < model.seats.size(); ++s) {
    if (auto it = model.body_index.find(model.seats[s].body); it != model.body_index.end()) {
      out[it->second].push_back(s);
    }
  }
  return out;
}

}  // namespace govmap::board
