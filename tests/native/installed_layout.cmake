# The installed CLI reads the rates installed beside it, not the source tree it was built from:
# install into a fresh prefix, break the installed plans.json, and expect the CLI's error to name that file.
# Run by ctest with -DBUILD_DIR=... -DPREFIX=...
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${installed})")
endif()
set(cli "${PREFIX}/bin/ccredits")
set(args simulate --from US --number +442071234567 --seconds 60)
execute_process(COMMAND "${cli}" ${args} RESULT_VARIABLE ok OUTPUT_VARIABLE priced)
if(NOT ok EQUAL 0 OR NOT priced MATCHES "\"country\":\"GB\"")
  message(FATAL_ERROR "the installed CLI did not price a call with its installed rates: ${priced}")
endif()
file(WRITE "${PREFIX}/share/ccredits/rates/plans.json" "{")
execute_process(COMMAND "${cli}" ${args} RESULT_VARIABLE broken OUTPUT_VARIABLE error ERROR_VARIABLE error)
if(NOT broken EQUAL 2 OR NOT error MATCHES "\"file\":\"${PREFIX}/share/ccredits/rates/plans.json\"")
  message(FATAL_ERROR "the installed CLI did not read the installed plans.json: ${error}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
