#pragma once
// Shared by the boundary rules: how a body's population divides among bodies of one kind,
// and words for describing it.

#include <string>
#include <string_view>
#include <vector>

#include "engine/geography.h"
#include "engine/model.h"

namespace govmap::boundary {

/// A pair of kinds that must partner (the vocabulary's must_partner) with the bodies of the
/// first kind, in document order.
struct PartnerKinds {
  std::vector<std::size_t> bodies;
  std::string partner_kind;
};

/// Each distinct pair of kinds that must partner, in sorted order, skipping a kind paired with
/// itself and kinds with no bodies. Linear in bodies.
std::vector<PartnerKinds> partnering_kinds(const Model& model);

/// The shares of `body` among bodies of `kind`, leaving out abolished bodies.
std::vector<Share> live_shares(const Model& model, const Geography& geography, std::size_t body,
                               std::string_view kind);

/// Whether `other` extends beyond `body`: more than `sliver` of its own population lies
/// outside the `overlap` it shares with `body`. Unknown (zero) populations never extend.
bool extends_beyond(const Geography& geography, std::size_t other, double overlap, double sliver);

/// Whether `body` is split between several bodies of a kind (the boundary-split-area test):
/// at least two shares of `sliver` or more of its population, and at least one of those
/// bodies extends beyond it. Bodies nested wholly inside `body` divide it without splitting it.
bool is_split(const Geography& geography, const std::vector<Share>& shares, double sliver);

/// A kind's label for use inside a sentence: "integration authorities", but "NHS trusts".
std::string kind_words(const Model& model, std::string_view kind, bool plural);

}  // namespace govmap::boundary
