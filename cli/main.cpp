#include <iostream>
#include "isnad/isnad.h"
int main() { std::cout << isnad::version() << "\n"; }
