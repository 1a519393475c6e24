# paxscreen_library(NAME SRCS a.cc b.cc DEPS x y [PRIVATE_DEPS z])
#   -> static library paxscreen_NAME, alias paxscreen::NAME, includes from the repository root.
function(paxscreen_library NAME)
  cmake_parse_arguments(P "" "" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(paxscreen_${NAME} STATIC ${P_SRCS})
  add_library(paxscreen::${NAME} ALIAS paxscreen_${NAME})
  target_include_directories(paxscreen_${NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(paxscreen_${NAME} PUBLIC ${P_DEPS} PRIVATE paxscreen_warnings ${P_PRIVATE_DEPS})
endfunction()

# paxscreen_isa_sources(FLAGS "-mavx2 -mbmi2" SRCS kernel_avx2.cc)
#   Compiles only these files for a higher instruction set; callers reach them through a
#   run-time dispatcher, never directly.
function(paxscreen_isa_sources)
  cmake_parse_arguments(P "" "FLAGS" "SRCS" ${ARGN})
  separate_arguments(flags UNIX_COMMAND "${P_FLAGS}")
  set_source_files_properties(${P_SRCS} PROPERTIES COMPILE_OPTIONS "${flags}")
endfunction()

# paxscreen_test(NAME SRCS a_test.cc DEPS paxscreen::x [LABELS unit] [TIMEOUT s])
#   -> Catch2 v2 executable NAME registered with CTest (working directory: repository root,
#      PAXSCREEN_SHARED_DATA pointing at ../shared/data when it exists).
function(paxscreen_test NAME)
  cmake_parse_arguments(P "" "TIMEOUT" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${NAME} ${P_SRCS})
  target_link_libraries(${NAME} PRIVATE paxscreen_catch_main Catch2::Catch2 paxscreen_warnings ${P_DEPS})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  add_test(NAME ${NAME} COMMAND ${NAME} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  if(NOT P_LABELS)
    set(P_LABELS unit)
  endif()
  if(NOT P_TIMEOUT)
    set(P_TIMEOUT 600)
  endif()
  set_tests_properties(${NAME} PROPERTIES LABELS "${P_LABELS}" TIMEOUT ${P_TIMEOUT}
    ENVIRONMENT "PAXSCREEN_SOURCE_DIR=${PROJECT_SOURCE_DIR};PAXSCREEN_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data")
endfunction()

# paxscreen_bench(NAME SRCS a_bench.cc DEPS paxscreen::x) -> Google Benchmark executable.
function(paxscreen_bench NAME)
  cmake_parse_arguments(P "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${NAME} ${P_SRCS})
  target_link_libraries(${NAME} PRIVATE benchmark::benchmark benchmark::benchmark_main paxscreen_warnings ${P_DEPS})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR})
endfunction()

# paxscreen_fuzzer(NAME SRCS a_fuzz.cc DEPS paxscreen::x [SEEDS dir...]) -> libFuzzer target
#   (clang only) and a CTest test NAME (label fuzz) that runs it for PAXSCREEN_FUZZ_SECONDS on a
#   corpus in the build tree, reading the SEEDS folders that exist (read-only, never written).
set(PAXSCREEN_FUZZ_SECONDS 60 CACHE STRING "Seconds each fuzz target runs under ctest -L fuzz")
function(paxscreen_fuzzer NAME)
  cmake_parse_arguments(P "" "" "SRCS;DEPS;SEEDS" ${ARGN})
  if(NOT PAXSCREEN_BUILD_FUZZERS)
    return()
  endif()
  add_executable(${NAME} ${P_SRCS})
  target_compile_options(${NAME} PRIVATE -fsanitize=fuzzer)
  target_link_options(${NAME} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${NAME} PRIVATE paxscreen_warnings ${P_DEPS})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  # The libraries under test need the coverage instrumentation too, or libFuzzer is blind.
  foreach(dep ${P_DEPS})
    if(TARGET ${dep})
      get_target_property(real ${dep} ALIASED_TARGET)
      if(NOT real)
        set(real ${dep})
      endif()
      get_target_property(type ${real} TYPE)
      if(real MATCHES "^paxscreen_" AND type STREQUAL "STATIC_LIBRARY")
        target_compile_options(${real} PRIVATE -fsanitize=fuzzer-no-link)
      endif()
    endif()
  endforeach()
  set(corpus ${CMAKE_CURRENT_BINARY_DIR}/corpus/${NAME})
  file(MAKE_DIRECTORY ${corpus})
  set(seeds)
  foreach(dir ${P_SEEDS})
    if(IS_DIRECTORY ${dir})
      list(APPEND seeds ${dir})
    endif()
  endforeach()
  math(EXPR timeout "${PAXSCREEN_FUZZ_SECONDS} + 120")
  add_test(NAME ${NAME}
    COMMAND ${NAME} -max_total_time=${PAXSCREEN_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048
            -print_final_stats=1 -artifact_prefix=${CMAKE_CURRENT_BINARY_DIR}/${NAME}- ${corpus}
            ${seeds}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${NAME} PROPERTIES LABELS fuzz TIMEOUT ${timeout})
endfunction()
