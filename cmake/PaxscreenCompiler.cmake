# Compiler set-up shared by every target: ccache, the warnings target, sanitizers.

find_program(PAXSCREEN_CCACHE ccache)
if(PAXSCREEN_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER ${PAXSCREEN_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${PAXSCREEN_CCACHE})
endif()

# One INTERFACE target carries the warnings; every paxscreen target links it privately.
add_library(paxscreen_warnings INTERFACE)
target_compile_options(paxscreen_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wnull-dereference -Wimplicit-fallthrough -Wno-missing-field-initializers)

# The whole build targets baseline x86-64; SIMD kernels opt in per source file
# (see paxscreen_isa_sources in PaxscreenHelpers.cmake).
option(PAXSCREEN_TSAN "Build with ThreadSanitizer" OFF)
if(PAXSCREEN_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
if(PAXSCREEN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # Third-party code whose known, harmless reports would stop every run (reasons in the file).
    add_compile_options(-fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/cmake/sanitizer_ignorelist.txt)
  endif()
endif()
