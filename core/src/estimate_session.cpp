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
};

EstimateSession::EstimateSession() : state_(std::make_unique<State>()) {}
EstimateSession::~EstimateSession() = default;
namespace {

bool same_line(const EstimateWithAdvice* before, const std::vector<EstimateLine>& lines, std::size_t i) {
  return before && i < before->estimate.lines.size() && before->estimate.lines[i] == lines[i];
}

}  // namespace

std::string EstimateSession::update(const Calculator& calc, std::string_view scenario_text, std::uint64_t known,
                                    const std::string& file) {
  EstimateWithAdvice next = calc.estimate_result(scenario_text, file, &state_->rows);
  const EstimateWithAdvice* before = state_->last && known == state_->serial ? &*state_->last : nullptr;
  const std::vector<EstimateLine>& lines = next.estimate.lines;

  JsonText out(1024);
  out.begin_object();
  out.key("after").integer(before ? static_cast<std::int64_t>(state_->serial) : 0);
  out.key("line_count").integer(static_cast<std::int64_t>(lines.size()));
  out.key("lines").begin_array();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (same_line(before, lines, i)) continue;
    out.begin_array().integer(static_cast<std::int64_t>(i));
    write_estimate_line(out, lines[i]);
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
  state_->last = std::move(next);
  ++state_->serial;
  return text;
}

}  // namespace ccredits
