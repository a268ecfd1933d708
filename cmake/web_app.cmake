# The browser app: ImGui on Emscripten's GLFW and WebGL2, linked twice, once as
# baton.js + baton.wasm for a static host and once as one file for file:// use.

set(IMGUI_SOURCES
    ${IMGUI_DIR}/imgui.cpp
    ${IMGUI_DIR}/imgui_draw.cpp
    ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
    ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
add_library(imgui STATIC ${IMGUI_SOURCES})
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_options(imgui PRIVATE -w -sUSE_GLFW=3)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

file(GLOB UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/platform/*.cpp)
list(FILTER UI_SOURCES EXCLUDE REGEX "/worker_main\\.cpp$")
add_library(baton_ui OBJECT ${UI_SOURCES})
target_link_libraries(baton_ui PUBLIC baton_app baton_store baton_io baton_core imgui)
target_compile_options(baton_ui PRIVATE -sUSE_GLFW=3)

# A separate build tree can write its pages elsewhere (-DBATON_DIST_DIR=...).
set(BATON_DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the dist target writes the pages")
set(DIST_DIR "${BATON_DIST_DIR}")
set(ASSET_DIR "${CMAKE_SOURCE_DIR}/assets")
file(GLOB_RECURSE ASSET_FILES CONFIGURE_DEPENDS ${ASSET_DIR}/*)
file(GLOB WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
# The user guide is embedded with the fonts, so the app relinks when either changes.
list(APPEND ASSET_FILES ${CMAKE_SOURCE_DIR}/docs/guide.en.md ${CMAKE_SOURCE_DIR}/docs/guide.zh-CN.md)

set(APP_LINK_OPTIONS
    -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=2GB
    -sEXPORTED_FUNCTIONS=[_main,_malloc,_free]
    -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS]
    -sFORCE_FILESYSTEM=1 -lidbfs.js
    # SHELL: keeps CMake from merging the repeated --post-js flags into one.
    "SHELL:--embed-file ${ASSET_DIR}/fonts@/assets/fonts"
    "SHELL:--embed-file ${CMAKE_SOURCE_DIR}/docs/guide.en.md@/docs/guide.en.md"
    "SHELL:--embed-file ${CMAKE_SOURCE_DIR}/docs/guide.zh-CN.md@/docs/guide.zh-CN.md"
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/api.js"
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/files.js"
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/input.js"
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/worker_client.js")

foreach(variant baton baton_single)
    add_executable(${variant} $<TARGET_OBJECTS:baton_ui>)
    target_link_libraries(${variant} PRIVATE baton_ui)
    target_link_options(${variant} PRIVATE ${APP_LINK_OPTIONS})
    set_target_properties(${variant} PROPERTIES SUFFIX ".js"
        LINK_DEPENDS
        "${CMAKE_SOURCE_DIR}/web/api.js;${CMAKE_SOURCE_DIR}/web/files.js;${CMAKE_SOURCE_DIR}/web/input.js;${CMAKE_SOURCE_DIR}/web/worker_client.js;${ASSET_FILES}")
endforeach()
target_link_options(baton_single PRIVATE -sSINGLE_FILE=1)

# The allocation Web Worker: core, io and store without ImGui, GL or IDBFS. A plain
# (non-module) worker with no pthreads, so a static host or file:// can run it without
# cross-origin isolation headers. baton_worker_single inlines its WASM for the file:// page.
set(WORKER_EXPORTS _malloc _free _baton_worker_allocate _baton_worker_warm_up
    _baton_worker_reply _baton_worker_reply_size _baton_worker_reply_free)
list(JOIN WORKER_EXPORTS "," WORKER_EXPORTS)
set(WORKER_LINK_OPTIONS
    --no-entry -sENVIRONMENT=worker
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=2GB
    "-sEXPORTED_FUNCTIONS=[${WORKER_EXPORTS}]"
    -sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8]
    "SHELL:--post-js ${CMAKE_SOURCE_DIR}/web/worker_entry.js")
foreach(variant baton_worker baton_worker_single)
    add_executable(${variant} ${CMAKE_SOURCE_DIR}/src/platform/worker_main.cpp)
    target_link_libraries(${variant} PRIVATE baton_app baton_store baton_io baton_core)
    target_link_options(${variant} PRIVATE ${WORKER_LINK_OPTIONS})
    set_target_properties(${variant} PROPERTIES SUFFIX ".js"
        LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/worker_entry.js")
endforeach()
target_link_options(baton_worker_single PRIVATE -sSINGLE_FILE=1)

add_custom_target(dist ALL
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DIST_DIR}/assets
    COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:baton>/baton.js
            $<TARGET_FILE_DIR:baton>/baton.wasm
            $<TARGET_FILE_DIR:baton_worker>/baton_worker.js
            $<TARGET_FILE_DIR:baton_worker>/baton_worker.wasm ${DIST_DIR}/
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${ASSET_DIR} ${DIST_DIR}/assets
    COMMAND node ${CMAKE_SOURCE_DIR}/tools/make_pages.mjs
            --web ${CMAKE_SOURCE_DIR}/web
            --single $<TARGET_FILE_DIR:baton_single>/baton_single.js
            --worker $<TARGET_FILE_DIR:baton_worker_single>/baton_worker_single.js
            --out ${DIST_DIR}
    DEPENDS baton baton_single baton_worker baton_worker_single ${WEB_FILES} ${CMAKE_SOURCE_DIR}/tools/make_pages.mjs
    VERBATIM
    COMMENT "Writing dist/")
