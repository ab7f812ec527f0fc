# Embeds a text file as a C++ function returning std::string_view.
#   cmake -DIN=file -DOUT=file.cpp -DFUNCTION=name -P embed.cmake
if(NOT FUNCTION)
  set(FUNCTION builtin_vocabulary_text)
endif()
file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," content "${content}")
get_filename_component(name "${IN}" NAME)
file(WRITE "${OUT}" "// Generated from ${name}; do not edit.\n#include <string_view>\nnamespace govmap {\nstatic const unsigned char kText[] = {${content} 0};\nstd::string_view ${FUNCTION}() { return {reinterpret_cast<const char*>(kText), sizeof(kText) - 1}; }\n}  // namespace govmap\n")
