#ifndef KANJI_WRITE_CZLIB_SHIM_H
#define KANJI_WRITE_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro around inflateInit2_; Swift cannot import it.
static inline int kw_inflate_init2(z_streamp stream, int windowBits) {
  return inflateInit2(stream, windowBits);
}
#endif
