#pragma once
// Shared by the board rules: who really holds each seat (the person in a post, when known),
// which sector a seat represents, and words for a seat.

#include <string>
#include <vector>

#include "engine/model.h"
#include "rules/rule.h"

namespace govmap::board {

/// The effective holder of some seats: a person, or a post with no recorded holder.
struct Holder {
  std::string type;  // "person" or "post"
  std::string id, name;
  Location location;
  std::vector<std::size_t> seats;  // indexes in Model::seats, document order
  bool shared = false;             // a post several people hold (Post::shared), no named holder
  std::string of;                  // for a post: the body it is a post of
};

/// Seats with a holder, grouped by effective holder (a post's holder when it has one);
/// sorted by holder id. Linear in the seats (plus sorting the holders).
std::vector<Holder> seats_by_holder(const Model& model);

/// The holder's name for a message: a shared post says so ("Non-executive member of NHS Fife
/// (a post several people hold)").
std::string holder_words(const Holder& holder);

/// The post a holder stands for (a post with no named holder); nullptr for a person.
const Post* post_of(const Model& model, const Holder& holder);

/// The holder as a finding subject.
Subject holder_subject(const Holder& holder);

/// How the seat is held, for evidence: "chair of Fife Integration Joint Board (as Chief
/// Executive of NHS Fife)", "non-voting member of ...".
std::string seat_words(const Model& model, const Seat& seat);

/// The sector a voting seat represents: the seat's own sector, else the nominating body's,
/// else the body of the post holding it; empty when unknown.
std::string seat_sector(const Model& model, const Seat& seat);

/// Whether a body can be a board these rules look at: not abolished, and not a pooled fund
/// (a fund, not a board).
bool is_board_kind(const Body& body);

/// Body indexes of seats on each body (by body index); linear.
std::vector<std::vector<std::size_t>> seats_by_body(const Model& model);

}  // namespace govmap::board
