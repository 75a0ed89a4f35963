#pragma once
// The one error type that crosses every boundary (CLI stderr, wasm result, page):
// CONTRACT.md's {"error": {"code", "message", "file", "line", "column"}}.
#include <stdexcept>
#include <string>

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

  // A copy of this error that says which file it came from (set once, by whoever knows the name).
  InputError in_file(const std::string& file) const {
    return InputError(code_, what(), file_.empty() ? file : file_, line_, column_);
  }
  InputError at(long line, long column) const { return InputError(code_, what(), file_, line, column); }

 private:
  std::string code_;
  std::string file_;
  long line_;
  long column_;
};

}  // namespace ccredits
