#pragma once
// The one error type that crosses every boundary (CLI stderr, wasm result, page):
// core/CONTRACT.md's {"error": {"code", "message", "file", "line", "column", "path"}}.
#include <stdexcept>
#include <string>
#include <vector>

namespace ccredits {

class InputError : public std::runtime_error {
 public:
  InputError(std::string code, const std::string& message, std::string file = {}, long line = 0,
             long column = 0)
      : std::runtime_error(message), code_(std::move(code)), file_(std::move(file)), line_(line),
        column_(column) {}

  const std::string& code() const { return code_; }
  const std::string& file() const { return file_; }
  long line() const { return line_; }
  long column() const { return column_; }
  // The input field the error belongs to, as the input spells it ("usage[3].minutes"); "" when none. The error
  // object writes it as a list (["usage", 3, "minutes"]) so a form can find its field without reading the message.
  const std::string& path() const { return path_; }

  // The column headers a rate sheet has, when its columns were not recognised (so a page can offer to map them);
  // empty otherwise. The error object writes them as "headers".
  const std::vector<std::string>& headers() const { return headers_; }

  // A copy that names the field it belongs to (kept if already set: the innermost field is the precise one).
  InputError with_path(const std::string& path) const {
    InputError e = copy(file_, line_, column_);
    e.path_ = path_.empty() ? path : path_;
    return e;
  }
  InputError with_headers(std::vector<std::string> headers) const {
    InputError e = copy(file_, line_, column_);
    e.headers_ = std::move(headers);
    return e;
  }

  // A copy of this error that says which file it came from (set once, by whoever knows the name).
  InputError in_file(const std::string& file) const { return copy(file_.empty() ? file : file_, line_, column_); }
  InputError at(long line, long column) const { return copy(file_, line, column); }

 private:
  std::string code_;
  std::string file_;
  long line_;
  long column_;
  std::string path_;
  std::vector<std::string> headers_;

  InputError copy(const std::string& file, long line, long column) const {
    InputError e(code_, what(), file, line, column);
    e.path_ = path_;
    e.headers_ = headers_;
    return e;
  }
};

}  // namespace ccredits
