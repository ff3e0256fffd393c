/* Forced into e5.c when it is built for Windows (-include). */
#include <stdlib.h>
#include <fcntl.h>
/* The Windows C runtime has no aligned_alloc, and e5.c frees the buffer with free(): plain
 * malloc is enough, its AVX2 loads are unaligned ones. */
#define aligned_alloc(align, size) malloc(size)
/* Open the model in binary mode (no CR/LF translation); the mapping ignores it anyway. */
#define open(path, flags) _open((path), (flags) | _O_BINARY)
