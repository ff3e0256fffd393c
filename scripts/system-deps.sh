#!/usr/bin/env bash
# Install the Debian packages the app and its tests need, only when something is missing.
# espeak-ng + ffmpeg: generating speech clips for tests and the demo; the rest: Qt offscreen/xcb.
set -euo pipefail
PKGS=(espeak-ng ffmpeg fonts-dejavu-core minisign poppler-utils  # poppler: the report PDF tests read its text
      libglib2.0-0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-6 libgl1 libegl1
      libpulse0 libbrotli1 libdrm2 libxext6 libxrandr2
      xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
      libxkbcommon-x11-0 libxcb-shm0 libxcb-render0
      binutils nsis osslsigncode  # PyInstaller bundle, Windows installer and its signature
      strace  # the no-socket test watches native libraries too (viet-asr)
      g++ python3-dev)  # pdqhash has no Linux wheel: pip builds its sdist
if ! python3 -c "import ensurepip" 2>/dev/null; then PKGS+=(python3-venv); fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages (${missing[*]}) and no apt-get: install them by hand." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
