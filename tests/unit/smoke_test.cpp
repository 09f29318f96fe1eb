#include <gtest/gtest.h>
#include "isnad/isnad.h"
TEST(Smoke, EmptyTextHasNoClaims) { EXPECT_TRUE(isnad::extract(u"").claims.empty()); }
