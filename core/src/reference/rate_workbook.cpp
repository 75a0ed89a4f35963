#include "reference/rate_workbook.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "ccredits/error.hpp"
#include "formats/xml_reader.hpp"
#include "reference/rate_sheet_csv.hpp"

namespace ccredits {
namespace {

// Excel's own limits: no sheet has more rows or columns.
constexpr long kExcelRows = 1048576;
constexpr long kExcelColumns = 16384;
// A rate sheet has seven columns and some thousands of rows; far more is not a rate workbook.
constexpr long kMaxValueColumn = 256;
constexpr long kMaxRows = 250000;
constexpr std::size_t kMaxSharedStrings = 1000000;

constexpr std::string_view kWorkbookTypes[] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml"};
constexpr std::string_view kWorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

[[noreturn]] void bad_workbook(const std::string& why, const std::string& file) {
  throw InputError("bad_workbook", why, file);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

// A relationship target resolved against the folder of the part that names it ("worksheets/sheet1.xml" from
// "xl/" -> "xl/worksheets/sheet1.xml"); nullopt when ".." climbs out of the package.
std::optional<std::string> resolve(const std::string& folder, std::string_view target) {
  std::vector<std::string> parts;
  std::string path = !target.empty() && target.front() == '/' ? std::string(target.substr(1)) : folder + std::string(target);
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t stop = path.find('/', start);
    if (stop == std::string::npos) stop = path.size();
    const std::string step = path.substr(start, stop - start);
    if (step == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!step.empty() && step != ".") {
      parts.push_back(step);
    }
    start = stop + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

std::vector<Relationship> read_relationships(std::string_view xml, const std::string& part, const std::string& file) {
  std::vector<Relationship> out;
  XmlReader x(xml, part, file);
  for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
    if (e != XmlReader::Event::start || x.name() != "Relationship") continue;
    Relationship r;
    if (const std::string* v = x.attribute("Id")) r.id = *v;
    if (const std::string* v = x.attribute("Type")) r.type = *v;
    if (const std::string* v = x.attribute("Target")) r.target = *v;
    if (const std::string* v = x.attribute("TargetMode")) r.external = *v == "External";
    out.push_back(std::move(r));
  }
  return out;
}

// A number cell's text ("0.024", "2.4E-2", "0.024000000000000002": Excel writes binary doubles) as a plain
// decimal rounded half up to the sixth decimal, the precision of Money: the binary noise goes, the rate stays.
std::optional<std::string> plain_decimal(std::string_view v) {
  bool negative = false;
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) {
    negative = v.front() == '-';
    v.remove_prefix(1);
  }
  std::string digits;
  long scale = 0;  // value = digits x 10^scale
  std::size_t i = 0;
  bool point = false, any = false;
  for (; i < v.size(); ++i) {
    const char c = v[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      any = true;
      if (point) --scale;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < v.size()) {
    if (v[i] != 'E' && v[i] != 'e') return std::nullopt;
    ++i;
    bool minus = false;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) minus = v[i++] == '-';
    long exponent = 0;
    if (i == v.size()) return std::nullopt;
    for (; i < v.size(); ++i) {
      if (v[i] < '0' || v[i] > '9') return std::nullopt;
      exponent = std::min(exponent * 10 + (v[i] - '0'), 10000L);
    }
    scale += minus ? -exponent : exponent;
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) return std::string("0");
  if (scale > 0) {
    if (static_cast<long>(digits.size()) + scale > 30) return std::nullopt;  // past any amount
    digits.append(static_cast<std::size_t>(scale), '0');
    return (negative ? "-" : "") + digits;
  }
  const std::size_t fraction_digits = static_cast<std::size_t>(-scale);
  if (fraction_digits > digits.size() + 7) return std::string("0");  // below half a millionth
  if (digits.size() <= fraction_digits) digits.insert(0, fraction_digits - digits.size() + 1, '0');
  std::string whole = digits.substr(0, digits.size() - fraction_digits);
  std::string fraction = digits.substr(digits.size() - fraction_digits);
  if (fraction.size() > 6) {
    const bool up = fraction[6] >= '5';
    fraction.resize(6);
    if (up) {
      std::string all = whole + fraction;
      std::size_t k = all.size();
      while (k > 0 && all[k - 1] == '9') all[--k] = '0';
      if (k == 0) all.insert(all.begin(), '1');
      else ++all[k - 1];
      whole = all.substr(0, all.size() - 6);
      fraction = all.substr(all.size() - 6);
    }
  }
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return (negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

// Column number of a cell reference: "C5" -> 3; 0 when it has no letters.
long column_of(std::string_view ref) {
  long column = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kExcelColumns) return kExcelColumns + 1;
  }
  return column;
}

long number_in(const std::string* text, long fallback) {
  if (!text) return fallback;
  long n = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
    if (n > kExcelRows) return kExcelRows + 1;
  }
  return text->empty() ? -1 : n;
}

class Package {
 public:
  Package(WorkbookParts& parts, std::string file) : parts_(parts), file_(std::move(file)) {}

  const ZipEntry* entry(const std::string& name) const { return parts_.directory().find(name); }

  std::string read(const std::string& name) {
    const ZipEntry* e = entry(name);
    if (!e) bad_workbook("The workbook has no part \"" + name + "\"; is it a workbook saved by Excel as .xlsx?", file_);
    read_so_far_.push_back(e);
    parts_.directory().check_readable(read_so_far_);
    return parts_.read(*e);
  }

  const std::string& file() const { return file_; }

 private:
  WorkbookParts& parts_;
  std::string file_;
  std::vector<const ZipEntry*> read_so_far_;
};

struct ContentTypes {
  std::map<std::string, std::string> by_extension;  // lower case, without the dot
  std::map<std::string, std::string> by_part;       // without the leading '/'

  std::string of(const std::string& part) const {
    if (auto it = by_part.find(part); it != by_part.end()) return it->second;
    const std::size_t dot = part.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : part.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    if (auto it = by_extension.find(ext); it != by_extension.end()) return it->second;
    return {};
  }
};

ContentTypes read_content_types(Package& pkg) {
  if (!pkg.entry("[Content_Types].xml")) {
    bad_workbook("This zip is not an Excel workbook (it has no [Content_Types].xml); save the rates as .xlsx.",
                 pkg.file());
  }
  ContentTypes types;
  const std::string xml = pkg.read("[Content_Types].xml");
  XmlReader x(xml, "[Content_Types].xml", pkg.file());
  for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
    if (e != XmlReader::Event::start) continue;
    const std::string* type = x.attribute("ContentType");
    if (!type) continue;
    if (x.name() == "Default") {
      if (const std::string* ext = x.attribute("Extension")) {
        std::string lower = *ext;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
        types.by_extension[lower] = *type;
      }
    } else if (x.name() == "Override") {
      if (const std::string* part = x.attribute("PartName")) {
        types.by_part[!part->empty() && part->front() == '/' ? part->substr(1) : *part] = *type;
      }
    }
  }
  return types;
}

std::vector<std::string> read_shared_strings(std::string_view xml, const std::string& part, const std::string& file) {
  std::vector<std::string> strings;
  XmlReader x(xml, part, file);
  bool in_item = false, in_text = false;
  int phonetic = 0;
  for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
    if (e == XmlReader::Event::start) {
      if (x.name() == "si") {
        in_item = true;
        if (strings.size() == kMaxSharedStrings) {
          x.fail("holds more than " + std::to_string(kMaxSharedStrings) + " strings, far more than a rate workbook");
        }
        strings.emplace_back();
      } else if (x.name() == "rPh") {
        ++phonetic;
      } else if (x.name() == "t" && in_item && phonetic == 0) {
        in_text = true;
      }
    } else if (e == XmlReader::Event::end) {
      if (x.name() == "si") in_item = false;
      else if (x.name() == "rPh") --phonetic;
      else if (x.name() == "t") in_text = false;
    } else if (e == XmlReader::Event::text && in_text) {
      strings.back() += x.text();
    }
  }
  return strings;
}

// One worksheet's rows, cell by cell, into a RateSheetReader.
void read_sheet_rows(std::string_view xml, const std::string& part, const std::string& sheet_name,
                     const std::vector<std::string>& shared, RateSheetReader& reader, const std::string& file) {
  XmlReader x(xml, part, file);
  const auto fail = [&](long row, long column, const std::string& why) {
    throw InputError("bad_workbook", "Sheet \"" + sheet_name + "\"" +
                                         (column > 0 ? ", cell " + column_letters(column) + std::to_string(row) : "") +
                                         ": " + why + ".", file, row, column);
  };
  std::vector<std::string> values;
  std::vector<char> numbers;
  std::vector<SheetCell> cells;
  long row = 0, rows_read = 0, column = 0;
  std::string type, value;
  bool in_row = false, in_cell = false, collecting = false;
  int phonetic = 0;
  for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
    if (e == XmlReader::Event::text) {
      if (collecting && phonetic == 0) value += x.text();
      continue;
    }
    const std::string_view name = x.name();
    if (e == XmlReader::Event::start) {
      if (name == "row") {
        const long r = number_in(x.attribute("r"), row + 1);
        if (r <= row || r > kExcelRows) fail(row + 1, 0, "a row is numbered out of order or past Excel's last row");
        if (++rows_read > kMaxRows) {
          fail(r, 0, "the sheet has more than " + std::to_string(kMaxRows) +
                         " rows, far more than any rate sheet (is this Microsoft's rate workbook?)");
        }
        row = r;
        column = 0;
        values.clear();
        numbers.clear();
        in_row = true;
      } else if (name == "c" && in_row) {
        const std::string* ref = x.attribute("r");
        const long c = ref ? column_of(*ref) : column + 1;
        if (c <= column || c > kExcelColumns) fail(row, 0, "a cell is out of order or past Excel's last column");
        column = c;
        const std::string* t = x.attribute("t");
        type = t ? *t : std::string();
        value.clear();
        in_cell = true;
      } else if (in_cell && (name == "v" || name == "t")) {
        collecting = true;
      } else if (name == "rPh") {
        ++phonetic;
      }
      continue;
    }
    // An end event.
    if (name == "v" || name == "t") {
      collecting = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      if (value.empty()) continue;
      if (column > kMaxValueColumn) {
        fail(row, column, "a value this far right is not part of a rate sheet (is this Microsoft's rate workbook?)");
      }
      std::string text;
      bool number = false;
      if (type == "s") {
        const long index = number_in(&value, -1);
        if (index < 0 || static_cast<std::size_t>(index) >= shared.size()) fail(row, column, "a shared string is missing");
        text = shared[static_cast<std::size_t>(index)];
      } else if (type == "inlineStr" || type == "str" || type == "e" || type == "d") {
        text = value;
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else {
        const auto decimal = plain_decimal(value);
        if (!decimal) fail(row, column, "the number \"" + value + "\" cannot be read");
        text = *decimal;
        number = true;
      }
      values.resize(static_cast<std::size_t>(column));
      numbers.resize(static_cast<std::size_t>(column));
      values[static_cast<std::size_t>(column - 1)] = std::move(text);
      numbers[static_cast<std::size_t>(column - 1)] = number;
    } else if (name == "row" && in_row) {
      in_row = false;
      cells.clear();
      for (std::size_t i = 0; i < values.size(); ++i) cells.push_back(SheetCell{values[i], numbers[i] != 0});
      reader.row(cells, row);
    }
  }
}

}  // namespace

ZipLimits rate_workbook_zip_limits() {
  ZipLimits limits;
  limits.max_entries = 2000;
  limits.max_entry_unpacked = 64u << 20;
  limits.max_total_unpacked = 256u << 20;
  return limits;
}

void check_rate_workbook_signature(std::string_view head, const std::string& file) {
  if (starts_like_ole(head)) {
    throw InputError("workbook_encrypted",
                     "This workbook is protected with a password (or is an old .xls file), so it cannot be read: open "
                     "it in Excel and save it as .xlsx without a password (File > Info > Protect Workbook > Encrypt "
                     "with Password, then clear the password).", file);
  }
  if (!starts_like_zip(head)) {
    throw InputError("bad_workbook", "This is not an .xlsx workbook (an .xlsx file is a zip); save the rates from Excel "
                                     "as .xlsx, or each sheet as CSV.", file);
  }
}

InflatedWorkbookParts::InflatedWorkbookParts(std::string_view directory, const ZipEnd& end, std::uint64_t file_size,
                                             std::string file)
    : directory_(directory, end, file_size, std::move(file), rate_workbook_zip_limits()) {
  for (const ZipEntry& entry : directory_.entries()) {
    if (ends_with(entry.name, ".xml") || ends_with(entry.name, ".rels")) wanted_.push_back(&entry);
  }
  directory_.check_readable(wanted_);
}

void InflatedWorkbookParts::add(const std::string& name, std::string bytes) {
  const auto it = std::find_if(wanted_.begin(), wanted_.end(), [&](const ZipEntry* e) { return e->name == name; });
  if (it == wanted_.end()) throw_bad_zip("\"" + name + "\" is not a part of this workbook to read", directory_.file());
  ZipUnpackBudget budget(**it, directory_.file());
  budget.add(bytes.size());
  parts_.emplace_back(*it, std::move(bytes));
}

std::string InflatedWorkbookParts::read(const ZipEntry& entry) {
  for (const auto& [e, bytes] : parts_) {
    if (e == &entry) return bytes;
  }
  throw_bad_zip("the part \"" + entry.name + "\" was not unpacked", directory_.file());
}

RateCard read_rate_workbook(WorkbookParts& parts, const std::string& file, const ColumnMapping* mapping) {
  Package pkg(parts, file);
  const ContentTypes types = read_content_types(pkg);
  std::string workbook_part = "xl/workbook.xml";
  if (pkg.entry("_rels/.rels")) {
    for (const Relationship& r : read_relationships(pkg.read("_rels/.rels"), "_rels/.rels", file)) {
      if (!ends_with(r.type, "/officeDocument")) continue;
      const auto path = resolve("", r.target);
      if (!path || r.external) bad_workbook("The workbook's main part points outside the file.", file);
      workbook_part = *path;
    }
  }
  const std::string workbook_type = types.of(workbook_part);
  if (std::find(std::begin(kWorkbookTypes), std::end(kWorkbookTypes), workbook_type) == std::end(kWorkbookTypes)) {
    bad_workbook("This file is not an Excel workbook (its main part \"" + workbook_part + "\" is of type \"" +
                     workbook_type + "\"); save the rates from Excel as .xlsx.", file);
  }
  // The sheets in workbook order, with the relationship id of each.
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  {
    const std::string xml = pkg.read(workbook_part);
    XmlReader x(xml, workbook_part, file);
    for (auto e = x.next(); e != XmlReader::Event::done; e = x.next()) {
      if (e != XmlReader::Event::start || x.name() != "sheet") continue;
      const std::string* name = x.attribute("name");
      const std::string* id = x.attribute("id");
      if (name && id) sheets.emplace_back(*name, *id);
    }
  }
  const std::string folder = folder_of(workbook_part);
  const std::string rels_part = folder + "_rels/" + workbook_part.substr(folder.size()) + ".rels";
  const std::vector<Relationship> rels = read_relationships(pkg.read(rels_part), rels_part, file);
  std::vector<std::string> shared;
  for (const Relationship& r : rels) {
    if (!ends_with(r.type, "/sharedStrings")) continue;
    const auto path = resolve(folder, r.target);
    if (!path || r.external) bad_workbook("The workbook's shared strings point outside the file.", file);
    shared = read_shared_strings(pkg.read(*path), *path, file);
  }

  RateCard card;
  card.source = "Microsoft rate workbook " + file.substr(file.find_last_of("/\\") + 1);
  std::array<std::string, kSheetCount> found_in;  // the workbook sheet that filled each rate sheet
  std::string currency_sheet;
  std::vector<std::string> names;
  for (const auto& [name, sheet_id] : sheets) {
    names.push_back(name);
    // Clang 14 (Emscripten's) cannot capture a structured binding in a lambda: capture a plain reference.
    const std::string& id = sheet_id;
    const auto rel = std::find_if(rels.begin(), rels.end(), [&](const Relationship& r) { return r.id == id; });
    if (rel == rels.end()) bad_workbook("The sheet \"" + name + "\" has no part in the workbook.", file);
    if (ends_with(rel->type, "/chartsheet") || ends_with(rel->type, "/dialogsheet")) continue;
    const auto path = resolve(folder, rel->target);
    if (!path || rel->external) bad_workbook("The sheet \"" + name + "\" points outside the workbook file.", file);
    if (!pkg.entry(*path)) bad_workbook("The sheet \"" + name + "\" is missing from the workbook (" + *path + ").", file);
    if (types.of(*path) != kWorksheetType) {
      bad_workbook("The sheet \"" + name + "\" is not a worksheet (its part is of type \"" + types.of(*path) + "\").",
                   file);
    }
    RateSheetReader reader(file, name, 0, mapping);
    read_sheet_rows(pkg.read(*path), *path, name, shared, reader, file);
    std::optional<Sheet> sheet = sheet_from_title(name);
    if (!reader.has_header()) {
      if (sheet) reader.fail_no_header();
      continue;  // a sheet of notes, not of rates
    }
    if (!sheet) sheet = reader.titled();
    if (!sheet) {
      bad_workbook("The sheet \"" + name + "\" has rate columns, but neither its name nor its title says which of "
                   "Microsoft's four rate sheets it is (name it \"Dial-out calls\", \"Dial-out Audio Rates\", "
                   "\"Dial-in to toll free\" or \"Dial-in to toll\").", file);
    }
    std::string& first = found_in[static_cast<std::size_t>(*sheet)];
    if (!first.empty()) {
      bad_workbook("The sheets \"" + first + "\" and \"" + name + "\" are both the " + std::string(sheet_title(*sheet)) +
                   " sheet; keep one.", file);
    }
    first = name;
    if (card.currency.empty()) {
      card.currency = reader.currency();
      currency_sheet = name;
    } else if (card.currency != reader.currency()) {
      throw InputError("currency_mismatch", "The sheets are in two currencies: \"" + currency_sheet + "\" in " +
                                                card.currency + " and \"" + name + "\" in " + reader.currency() +
                                                "; download the workbook again in one currency.", file);
    }
    card.rows(*sheet) = std::move(reader.rows());
  }
  if (card.currency.empty()) {
    std::string listed;
    for (const std::string& n : names) listed += (listed.empty() ? "\"" : ", \"") + n + "\"";
    bad_workbook("No sheet of this workbook is one of Microsoft's rate sheets (its sheets are " +
                     (listed.empty() ? std::string("none") : listed) + ").", file);
  }
  return card;
}

}  // namespace ccredits
