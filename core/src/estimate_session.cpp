#include "ccredits/estimate_session.hpp"

#include <optional>

#include "advice/estimate_advice.hpp"
#include "output/estimate_text.hpp"
#include "scenario/scenario.hpp"

namespace ccredits {

struct EstimateSession::State {
  std::optional<EstimateWithAdvice> last;
  std::uint64_t serial = 0;
  UsageRowCache rows;  // the rows of the last scenario read
  PricedLines priced;  // what the lines of `last` were priced from
};

EstimateSession::EstimateSession() : state_(std::make_unique<State>()) {}
EstimateSession::~EstimateSession() = default;
std::string EstimateSession::update(const Calculator& calc, std::string_view scenario_text, std::uint64_t known,
                                    const std::string& file) {
  PricedLines& priced = state_->priced;
  EstimateWithAdvice next = calc.estimate_result(scenario_text, file, &state_->rows, &priced);
  const EstimateWithAdvice* before = state_->last && known == state_->serial ? &*state_->last : nullptr;
  std::vector<EstimateLine>& lines = next.estimate.lines;
  // A line the estimate did not price again is the earlier line it names (rating/estimate.hpp PricedLines), which the
  // session holds: `last`'s.
  const bool names_earlier = priced.same_as.size() == lines.size() && state_->last &&
                             priced.earlier == &state_->last->estimate.lines;
  const auto same_as = [&](std::size_t i) { return names_earlier ? priced.same_as[i] : PricedLines::kPricedAnew; };
  const auto line = [&](std::size_t i) -> const EstimateLine& {
    return same_as(i) == PricedLines::kPricedAnew ? lines[i] : (*priced.earlier)[same_as(i)];
  };
  const bool before_is_earlier = before && names_earlier && &before->estimate.lines == priced.earlier;

  JsonText out(1024);
  out.begin_object();
  out.key("after").integer(before ? static_cast<std::int64_t>(state_->serial) : 0);
  out.key("line_count").integer(static_cast<std::int64_t>(lines.size()));
  out.key("lines").begin_array();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (before && i < before->estimate.lines.size()) {
      if (before_is_earlier && same_as(i) == i) continue;  // the very line held at this place
      if (before->estimate.lines[i] == line(i)) continue;
    }
    out.begin_array().integer(static_cast<std::int64_t>(i));
    write_estimate_line(out, line(i));
    out.end_array();
  }
  out.end_array();
  out.key("removed").begin_array();
  for (std::string_view name : kEstimateMembers) {
    if (before && has_estimate_member(*before, name) && !has_estimate_member(next, name)) out.string(name);
  }
  out.end_array();
  out.key("serial").integer(static_cast<std::int64_t>(state_->serial + 1));
  out.key("set").begin_object();
  for (std::string_view name : kEstimateMembers) {
    if (name == "lines" || !has_estimate_member(next, name)) continue;
    if (before && has_estimate_member(*before, name) && same_estimate_member(next, *before, name)) continue;
    write_estimate_member(out, next, name);
  }
  out.end_object();
  out.end_object();

  std::string text = out.take();
  // The named earlier lines put in place (each is named once): moved, since `last` is replaced by `next` now.
  if (names_earlier) {
    std::vector<EstimateLine>& earlier = state_->last->estimate.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (same_as(i) != PricedLines::kPricedAnew) lines[i] = std::move(earlier[same_as(i)]);
    }
  }
  state_->last = std::move(next);
  priced.keep(state_->last->estimate.lines);
  ++state_->serial;
  return text;
}

}  // namespace ccredits
