// Attribution: resolves pro-drop and participle claims to their source,
// groups speaker mentions into entities and links chains of reports.
#pragma once

#include <string_view>
#include <vector>

#include "attribution/draft.h"
#include "isnad/isnad.h"

namespace isnad {

// Whether a cue's agreement fits a source: قالت wants a feminine source,
// قالوا a plural one; unknown features fit anything.
bool agrees(Agreement cue, const Mention& source);

// Builds the result: claims in text order, each with its speaker entity.
Result attribute(std::vector<DraftClaim> drafts, std::u16string_view text);

}  // namespace isnad
