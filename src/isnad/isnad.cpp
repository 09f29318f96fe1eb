#include "isnad/isnad.h"
namespace isnad {
Result extract(std::u16string_view) { return {}; }
const char* version() { return ISNAD_VERSION; }
}  // namespace isnad
