// Must not compile: extract sits below the store (understanding a posting needs no database), so the build
// gives it no way to the store's headers. tests/CMakeLists.txt expects this build to fail on the include.
#include "extract/extract.h"
#include "store/store.h"

int main() { return 0; }
