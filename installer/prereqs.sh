#!/usr/bin/env bash
# System tools the installer targets need, installed with apt-get when running as root (CI, a
# build machine); otherwise the missing packages are named and the target stops.
#   installer/prereqs.sh build PYTHON   - PyInstaller (objdump, a shared libpython) and dpkg-deb
#   installer/prereqs.sh check          - makensis (Windows installer), desktop-file-validate, Xvfb
set -euo pipefail

need=()
case "${1:-}" in
  build)
    python=${2:?python interpreter}
    command -v objdump >/dev/null || need+=(binutils)
    command -v dpkg-deb >/dev/null || need+=(dpkg)
    # PyInstaller bundles libpython; Debian's /usr/bin/python3 is linked statically and finds
    # the shared library in the libpython3.X package.
    if ! "$python" - <<'PY'
import ctypes.util, sys, sysconfig
shared = sysconfig.get_config_var("Py_ENABLE_SHARED")
name = f"python{sys.version_info[0]}.{sys.version_info[1]}"
sys.exit(0 if shared or ctypes.util.find_library(name) else 1)
PY
    then
      need+=("lib$("$python" -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")')")
    fi
    ;;
  check)
    command -v makensis >/dev/null || need+=(nsis)
    command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
    command -v setpriv >/dev/null || need+=(util-linux)
    command -v Xvfb >/dev/null || need+=(xvfb)  # the window on X11 through Qt's xcb plugin
    ;;
  *)
    echo "usage: $0 build PYTHON | check" >&2
    exit 2
    ;;
esac

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installer: apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "installer: please install these packages first: ${need[*]} (sudo apt-get install ${need[*]})" >&2
  exit 1
fi
