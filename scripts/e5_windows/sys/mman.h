/* Minimal POSIX mmap for Windows (read-only file mappings, all e5.c needs). */
#ifndef E5_WIN_MMAN_H
#define E5_WIN_MMAN_H
#include <io.h>
#include <stddef.h>
#include <windows.h>

#define PROT_READ 1
#define MAP_PRIVATE 2
#define MAP_FAILED ((void *)-1)

static inline void *mmap(void *addr, size_t len, int prot, int flags, int fd, long long off) {
    (void)addr; (void)prot; (void)flags;
    HANDLE file = (HANDLE)_get_osfhandle(fd);
    if (file == INVALID_HANDLE_VALUE || len == 0) return MAP_FAILED;
    HANDLE map = CreateFileMappingA(file, NULL, PAGE_READONLY, 0, 0, NULL);
    if (!map) return MAP_FAILED;
    void *p = MapViewOfFile(map, FILE_MAP_READ, (DWORD)((unsigned long long)off >> 32),
                            (DWORD)(off & 0xFFFFFFFF), len);
    CloseHandle(map); /* the view keeps the mapping alive */
    return p ? p : MAP_FAILED;
}

static inline int munmap(void *addr, size_t len) {
    (void)len;
    return UnmapViewOfFile(addr) ? 0 : -1;
}
#endif
