// All of paxscreen's phonetic encoders in one include.
//
//   #include "matcher/phonetic/phonetic.h"
//   auto keys = paxscreen::phonetic::DoubleMetaphone("MOHAMMED");   // {"MHMT", "MHMT"}
//
// Every encoder takes one name token in A-Z (as matcher/normalize produces it), skips anything
// else, never fails, and is a pure, thread-safe function.
#pragma once

#include "matcher/phonetic/arabic_skeleton.h"
#include "matcher/phonetic/daitch_mokotoff.h"
#include "matcher/phonetic/double_metaphone.h"
#include "matcher/phonetic/nysiis.h"
#include "matcher/phonetic/soundex.h"
