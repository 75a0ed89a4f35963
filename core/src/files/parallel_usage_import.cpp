// A usage report file imported on every core (parallel_usage_import.hpp).
#include "files/parallel_usage_import.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "usage_report/report_piece.hpp"

namespace ccredits {
namespace {

// The text cut into pieces that end after a line feed (or at the text's end).
class PieceSource {
 public:
  PieceSource(std::string_view text, std::size_t piece_bytes)
      : rest_(text), piece_bytes_(std::max<std::size_t>(piece_bytes, 1)) {}

  // The next piece, of about `bytes` (the usual size when 0); false when the text has ended.
  bool next(ReportPiece& piece, std::size_t bytes = 0) {
    if (rest_.empty()) return false;
    if (bytes == 0) bytes = piece_bytes_;
    // A row longer than this is past the CSV reader's limit: the piece is handed on cut, read as not whole, and the
    // reader that reads it again reports the row.
    const std::size_t longest = 4 * bytes + (std::size_t{1} << 20);
    std::size_t size = rest_.size();
    if (size > bytes) {
      const std::size_t newline = rest_.find('\n', bytes - 1);
      if (newline != std::string_view::npos) size = std::min(newline + 1, longest);
    }
    piece.bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    piece.at_file_end = rest_.empty();
    return true;
  }

 private:
  std::string_view rest_;
  std::size_t piece_bytes_;
};

// The pieces between the threads that read them and this one, which sums them in order and, rather than wait for
// the next, reads a piece itself: with one reading thread per other core, every core stays busy and none is shared.
class PieceQueue {
 public:
  PieceQueue(UsageReportReader& reader, PieceSource& source, unsigned readers)
      : reader_(reader),
        source_(source),
        columns_(reader.report_rows().csv_columns()),
        most_unsummed_(2 * static_cast<long>(readers) + 4) {
    for (unsigned i = 0; i < readers; ++i) threads_.emplace_back([this] { read_pieces(); });
  }
  ~PieceQueue() { stop(); }
  PieceQueue(const PieceQueue&) = delete;
  PieceQueue& operator=(const PieceQueue&) = delete;

  // Sums the pieces in order. Returns the first piece that was not whole (null when every piece was), with the pieces
  // read after it: the caller reads them, and the rest of the input, itself.
  std::unique_ptr<ReportPiece> sum_all(std::vector<std::unique_ptr<ReportPiece>>& later) {
    for (long number = 0;; ++number) {
      std::unique_ptr<ReportPiece> piece;
      {
        std::unique_lock lock(mutex_);
        for (;;) {
          if (failure_) std::rethrow_exception(failure_);
          if (done_.contains(number)) break;
          if (input_ended_ && number == next_number_) return nullptr;
          if (!read_next_piece(lock)) piece_read_.wait(lock);
        }
        piece = std::move(done_.extract(number).mapped());
      }
      if (!piece->whole) {
        stop();
        for (auto& [n, p] : done_) later.push_back(std::move(p));  // the map's order is the file's
        return piece;
      }
      const ReportRowReader& rows = reader_.report_rows();
      reader_.add_read_rows(piece->rows(), rows.csv_line(), piece->lines, piece->bytes.size());
      {
        std::lock_guard lock(mutex_);
        ++summed_;
        spare_.push_back(std::move(piece));
      }
      room_.notify_one();
    }
  }

  // Ends the reading threads once each has finished its piece.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void read_pieces() {
    try {
      std::unique_lock lock(mutex_);
      for (;;) {
        room_.wait(lock, [&] { return stopping_ || input_ended_ || next_number_ - summed_ < most_unsummed_; });
        if (stopping_ || input_ended_) return;
        read_next_piece(lock);
      }
    } catch (...) {
      // Making room for a piece failed (out of memory, say): the summing thread throws it.
      {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
      }
      piece_read_.notify_all();
    }
  }

  // Takes the next piece of the input and reads it, the lock released meanwhile; false when there is none to take
  // (the input has ended, or as many pieces as allowed wait to be summed).
  bool read_next_piece(std::unique_lock<std::mutex>& lock) {
    if (stopping_ || input_ended_ || next_number_ - summed_ >= most_unsummed_) return false;
    std::unique_ptr<ReportPiece> piece;
    if (spare_.empty()) {
      piece = std::make_unique<ReportPiece>();
    } else {
      piece = std::move(spare_.back());
      spare_.pop_back();
    }
    // Taken under the lock: pieces leave the input in the order of their numbers.
    if (!source_.next(*piece)) {
      input_ended_ = true;
      piece_read_.notify_all();
      room_.notify_all();
      return false;
    }
    const long number = next_number_++;
    if (piece->at_file_end) input_ended_ = true;
    lock.unlock();
    try {
      read_report_piece(*piece, columns_, reader_.rerater());
    } catch (...) {
      piece->whole = false;  // out of memory, say: the summing thread reads it again and meets the error itself
    }
    lock.lock();
    done_.emplace(number, std::move(piece));
    piece_read_.notify_all();
    room_.notify_all();
    return true;
  }

  UsageReportReader& reader_;
  PieceSource& source_;
  const CsvColumns& columns_;
  const long most_unsummed_;  // pieces read or being read and not yet summed: bounds the memory
  std::mutex mutex_;
  std::condition_variable piece_read_;
  std::condition_variable room_;
  std::map<long, std::unique_ptr<ReportPiece>> done_;  // read, not yet summed, by number
  std::vector<std::unique_ptr<ReportPiece>> spare_;  // summed: their rows' memory is reused by later pieces
  long next_number_ = 0;
  long summed_ = 0;
  bool input_ended_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;  // last: started when everything above is ready
};

}  // namespace

void import_usage_text(UsageReportReader& reader, std::string_view text, const ParallelImportOptions& options) {
  PieceSource source(text, options.piece_bytes);
  ReportPiece piece;
  const unsigned cores = std::thread::hardware_concurrency();
  const unsigned readers = options.reading_threads > 0 ? options.reading_threads : (cores > 1 ? cores - 1 : 0);
  if (readers > 0) {
    // The first piece, which the other threads wait for (it holds the header), only as large as a header needs.
    constexpr std::size_t kFirstPieceBytes = 16 << 10;
    if (!source.next(piece, std::min(kFirstPieceBytes, options.piece_bytes))) return;
    reader.feed(piece.bytes);
    if (!piece.at_file_end && reader.report_rows().at_csv_row_start()) {
      std::vector<std::unique_ptr<ReportPiece>> later;
      std::unique_ptr<ReportPiece> unread;
      {
        PieceQueue queue(reader, source, readers);
        unread = queue.sum_all(later);
      }
      if (!unread) return;
      reader.feed(unread->bytes);
      for (const auto& p : later) reader.feed(p->bytes);
    }
  }
  while (source.next(piece)) reader.feed(piece.bytes);
}

}  // namespace ccredits
