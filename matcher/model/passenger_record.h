// The passenger record every decoder produces and the matcher screens: the in-memory form
// of schemas/passenger_record.schema.json (see ../shared/DESIGN.md, "Passenger record").
//
//   model::PassengerRecord r;
//   r.record_id = "AB123-20261123-LHR-1"; r.passenger.surname = "QAHTANI";
#pragma once

#include <string>
#include <vector>

namespace paxscreen::model {

// A travel document as declared by the traveller or the airline.
struct Document {
  std::string type;           // e.g. "P" (passport), "I" (identity card), "V" (visa)
  std::string number;         // as received; normalization happens in the matcher
  std::string issuing_state;  // ISO 3166-1 alpha-3 when known
  std::string expiry;         // YYYY-MM-DD when known
};

struct FlightPoint {
  std::string airport;    // IATA code
  std::string scheduled;  // ISO 8601 local date-time, "YYYY-MM-DDTHH:MM" (or date only)
};

struct Flight {
  std::string carrier;  // IATA airline designator
  std::string number;
  FlightPoint departure;
  FlightPoint arrival;
};

struct Passenger {
  std::string surname;
  std::string given_names;
  std::string full_name;      // when the source does not split the name
  std::string date_of_birth;  // YYYY-MM-DD, YYYY-MM or YYYY
  std::string sex;            // M, F, X or U
  std::string nationality;    // ISO 3166-1 alpha-3
  std::vector<Document> documents;
};

struct Pnr {
  std::string locator;  // booking reference (record locator)
};

// One traveller on one flight (PNR: one per traveller per flight segment).
// Owned by value; no thread-safety of its own.
struct PassengerRecord {
  std::string record_id;  // required; unique per traveller per flight
  std::string source;     // "API" or "PNR"
  Flight flight;
  std::vector<Flight> legs;  // every leg of the itinerary, when the message carries several
  Passenger passenger;
  Pnr pnr;
  std::string traveller_type;         // "passenger", "crew" or "in_transit"; empty = passenger
  std::vector<std::string> warnings;  // non-fatal problems found while decoding
};

}  // namespace paxscreen::model
