# paxscreen_add_subdirs([LAST dir...]) adds every direct sub-folder of the current source folder
# that has a CMakeLists.txt, in name order, then the LAST ones. A module joins the build by
# creating its folder; LAST folders may test which targets exist.
function(paxscreen_add_subdirs)
  cmake_parse_arguments(P "" "" "LAST" ${ARGN})
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child ${children})
    if(child IN_LIST P_LAST)
      continue()
    endif()
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${child} AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
      add_subdirectory(${child})
    endif()
  endforeach()
  foreach(child ${P_LAST})
    add_subdirectory(${child})
  endforeach()
endfunction()
