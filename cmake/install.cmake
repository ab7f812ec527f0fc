# `cmake --install build --prefix P` and `cpack -G DEB`: the binary, the bundled models (found
# by the binary at <bindir>/../share/govmap/models, engine/model_paths.cpp), the docs, the man
# page and bash completion.
include(GNUInstallDirs)

install(TARGETS govmap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Models: the format, the schema, the vocabulary and each nation's models and proposals. The
# import specs are left out: they name raw lookups in data/, which is not installed.
install(DIRECTORY models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/govmap/models
        PATTERN "import.xml" EXCLUDE)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(FILES models/FORMAT.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/models)
install(FILES docs/govmap.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES scripts/completion/govmap.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME govmap)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME govmap)
set(CPACK_PACKAGE_VENDOR "govmap maintainers")
set(CPACK_PACKAGE_CONTACT "govmap maintainers <maintainers@users.noreply.h-seed-dddac2fc.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "model, check, draw and compare how health and social care is governed")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "govmap models how UK health and social care is governed (bodies, areas, board seats, funding "
    "and accountability links) as plain XML, checks the models with rules, draws funding and "
    "accountability diagrams and compares reform proposals with their baseline. Bundled models "
    "of England, Wales, Scotland and Northern Ireland (2021 and today, England also 2017) are included.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debian 12 (bookworm) names of the shared libraries the binary links (checked with ldd and
# dpkg -S); libgvc6 also carries the Graphviz layout and output plugins.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libgvc6, libcgraph6, libpugixml1v5, libfmt9")
set(CPACK_STRIP_FILES ON)
include(CPack)
