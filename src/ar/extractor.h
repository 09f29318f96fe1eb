// Arabic attribution rules: from tokens to draft claims.
#pragma once

#include <vector>

#include "attribution/draft.h"
#include "text/structure.h"
#include "text/tokens.h"

namespace isnad::ar {

std::vector<DraftClaim> find_claims(const Tokens& tokens, const TextStructure& structure);

}  // namespace isnad::ar
