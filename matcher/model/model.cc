// The model module is plain structs; this file anchors the library target.
#include "matcher/model/passenger_record.h"
#include "matcher/model/match_event.h"
#include "matcher/model/watchlist_entry.h"
