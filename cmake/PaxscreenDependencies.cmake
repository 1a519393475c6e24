# Every third-party dependency, found once. All come from Debian packages installed by
# deploy/setup.sh; nothing is downloaded at configure time.

find_package(absl REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(RapidJSON REQUIRED)
find_package(pugixml REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RDKAFKA REQUIRED IMPORTED_TARGET rdkafka)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

# RapidJSON's Debian config sets only variables; wrap it in a target.
if(NOT TARGET paxscreen_rapidjson)
  add_library(paxscreen_rapidjson INTERFACE)
  target_include_directories(paxscreen_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
  target_compile_definitions(paxscreen_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)
  if(PAXSCREEN_SANITIZE)
    # RapidJSON packs flags into the top 16 bits of its string pointers on x86-64, which hides
    # them from LeakSanitizer: every string of a long-lived document (the compiled schemas) was
    # reported as leaked. Plain pointers keep the leak check meaningful.
    target_compile_definitions(paxscreen_rapidjson INTERFACE RAPIDJSON_48BITPOINTER_OPTIMIZATION=0)
  endif()
endif()

if(PAXSCREEN_BUILD_TESTS)
  find_package(Catch2 REQUIRED)
endif()
if(PAXSCREEN_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
