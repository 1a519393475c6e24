#include "pipeline/codec/schema_validator.h"

#include <memory>
#include <stdexcept>
#include <string>

#include "absl/strings/str_cat.h"

// RapidJSON 1.1's schema validator trips GCC 12's -Wnull-dereference inside its own templates
// (instantiated here, so the header's system status does not silence it).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "rapidjson/error/en.h"
#include "rapidjson/pointer.h"
#include "rapidjson/schema.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "schemas/embedded_schemas.h"

namespace paxscreen::codec {
namespace {

absl::string_view A(std::string_view s) { return absl::string_view(s.data(), s.size()); }

std::string ToJson(const rapidjson::Value& v, size_t max_len = 120) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  std::string out(buf.GetString(), buf.GetSize());
  if (out.size() > max_len) out = out.substr(0, max_len) + "...";
  return out;
}

std::string PointerString(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer buf;
  p.StringifyUriFragment(buf);  // "#/a/b"
  std::string s(buf.GetString(), buf.GetSize());
  return s;
}

std::string InstancePointer(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer buf;
  p.Stringify(buf);
  std::string s(buf.GetString(), buf.GetSize());
  return s.empty() ? "/" : s;
}

// What the failing keyword asked for, read back from the schema, and (for "required") which
// property is missing from the instance. Values of string type are not echoed when they may
// be personal data; only enums and types, which are short codes, are shown with the value.
std::string Expectation(const rapidjson::Value& schema_root, const rapidjson::Pointer& schema_ptr,
                        std::string_view keyword, const rapidjson::Value& doc,
                        const rapidjson::Pointer& doc_ptr) {
  const rapidjson::Value* node = schema_ptr.Get(schema_root);
  const rapidjson::Value* instance = doc_ptr.Get(doc);
  if (node == nullptr || !node->IsObject()) return "";
  const std::string kw(keyword);
  auto it = node->FindMember(kw.c_str());
  if (keyword == "required" && it != node->MemberEnd() && it->value.IsArray() &&
      instance != nullptr && instance->IsObject()) {
    std::string missing;
    for (const auto& name : it->value.GetArray()) {
      if (name.IsString() && !instance->HasMember(name.GetString())) {
        absl::StrAppend(&missing, missing.empty() ? "" : ", ", "\"", name.GetString(), "\"");
      }
    }
    return absl::StrCat("missing required ", missing);
  }
  if (it == node->MemberEnd()) return "";
  std::string got;
  if (instance != nullptr) {
    if (keyword == "enum" || keyword == "type") {
      got = absl::StrCat(", got ", ToJson(*instance, 40));
    } else if (instance->IsString()) {
      got = absl::StrCat(", got a string of ", instance->GetStringLength(), " bytes");
    } else if (instance->IsArray()) {
      got = absl::StrCat(", got ", instance->Size(), " items");
    } else if (instance->IsNumber()) {
      got = absl::StrCat(", got ", ToJson(*instance, 40));
    }
  }
  if (keyword == "enum") return absl::StrCat("expected one of ", ToJson(it->value), got);
  if (keyword == "type") return absl::StrCat("expected type ", ToJson(it->value), got);
  if (keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf") {
    std::string desc = absl::StrCat("expected ", A(keyword), " of the alternatives in the schema");
    auto d = node->FindMember("description");
    if (d != node->MemberEnd() && d->value.IsString()) absl::StrAppend(&desc, " (", d->value.GetString(), ")");
    return desc;
  }
  return absl::StrCat("expected ", A(keyword), " ", ToJson(it->value), got);
}

struct Compiled {
  rapidjson::Document source;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
};

absl::Status Validate(const Compiled& c, std::string_view schema_name, const rapidjson::Value& doc,
                      std::string_view record_id) {
  rapidjson::SchemaValidator validator(*c.schema);
  if (doc.Accept(validator)) return absl::OkStatus();
  const rapidjson::Pointer schema_ptr = validator.GetInvalidSchemaPointer();
  const rapidjson::Pointer doc_ptr = validator.GetInvalidDocumentPointer();
  const std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string expectation = Expectation(c.source, schema_ptr, keyword, doc, doc_ptr);
  return absl::InvalidArgumentError(absl::StrCat(
      "record \"", A(record_id), "\": ", InstancePointer(doc_ptr), ": \"", keyword,
      "\" failed", expectation.empty() ? "" : ", ", expectation, " (", A(schema_name),
      " schema ", PointerString(schema_ptr), ")"));
}

absl::Status Compile(std::string_view text, std::string_view name, Compiled* out) {
  out->source.Parse(text.data(), text.size());
  if (out->source.HasParseError()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "schema ", A(name), " is not JSON: ", rapidjson::GetParseError_En(out->source.GetParseError()),
        " at byte ", out->source.GetErrorOffset()));
  }
  out->schema = std::make_unique<rapidjson::SchemaDocument>(out->source);
  return absl::OkStatus();
}

const Compiled& CompiledSchema(Schema schema) {
  static const Compiled* compiled = [] {
    auto* all = new Compiled[3];
    for (Schema s : {Schema::kPassengerRecord, Schema::kWatchlistEntry, Schema::kMatchEvent}) {
      std::string_view text = schemas::EmbeddedSchema(SchemaName(s));
      absl::Status st = Compile(text.empty() ? "{}" : text, SchemaName(s), &all[static_cast<int>(s)]);
      if (!st.ok()) {
        // A broken embedded schema is a build defect; fail loudly at first use.
        throw std::runtime_error(std::string(st.message()));
      }
    }
    return all;
  }();
  return compiled[static_cast<int>(schema)];
}

}  // namespace

std::string_view SchemaName(Schema schema) {
  switch (schema) {
    case Schema::kPassengerRecord: return "passenger_record";
    case Schema::kWatchlistEntry: return "watchlist_entry";
    case Schema::kMatchEvent: return "match_event";
  }
  return "";
}

absl::Status ValidateJson(Schema schema, const rapidjson::Value& doc, std::string_view record_id) {
  return Validate(CompiledSchema(schema), SchemaName(schema), doc, record_id);
}

absl::Status ValidateJson(Schema schema, std::string_view json, std::string_view record_id) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "record \"", A(record_id), "\": not JSON: ", rapidjson::GetParseError_En(doc.GetParseError()),
        " at byte ", doc.GetErrorOffset()));
  }
  return ValidateJson(schema, doc, record_id);
}

absl::Status ValidateJsonWithSchema(std::string_view schema_json, const rapidjson::Value& doc,
                                    std::string_view record_id) {
  Compiled c;
  if (absl::Status st = Compile(schema_json, "(given)", &c); !st.ok()) return st;
  return Validate(c, "given", doc, record_id);
}

}  // namespace paxscreen::codec
