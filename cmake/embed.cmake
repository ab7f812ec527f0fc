# Embeds a text file as a C++ string: -DIN=file -DOUT=file.cpp
file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," content "${content}")
file(WRITE "${OUT}" "// Generated from models/vocabulary.xml; do not edit.\n#include <string_view>\nnamespace govmap {\nstatic const unsigned char kText[] = {${content} 0};\nstd::string_view builtin_vocabulary_text() { return {reinterpret_cast<const char*>(kText), sizeof(kText) - 1}; }\n}  // namespace govmap\n")
