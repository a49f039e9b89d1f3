// libxlsxwriter's C API, found through pkg-config (`xlsxwriter`); Debian: libxlsxwriter-dev.
#include <xlsxwriter.h>
