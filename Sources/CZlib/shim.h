// The system zlib (Debian: zlib1g-dev), for the zip container of workbook rosters (Sources/SheetReader).
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot call: a raw deflate stream (no zlib or gzip header), as zip entries hold.
static inline int travel_budget_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
