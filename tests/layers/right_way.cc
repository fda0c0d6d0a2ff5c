// Must compile: the control for wrong_way.cc, linked the same way (to extract), including only what extract
// builds on (taxonomy, text, model, base).
#include "extract/extract.h"
#include "taxonomy/taxonomy.h"
#include "text/text.h"

int main() { return 0; }
