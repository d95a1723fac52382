#!/bin/sh
# SBPAC Desktop for one user, without administrator rights (a PC where `sudo apt install` is
# not allowed). Uses the same .deb as the system-wide installation:
#
#   sh install-user.sh sbpac-desktop_0.1.0-1_amd64.deb    install, or upgrade an earlier copy
#   sh install-user.sh --uninstall                        remove the program; your data stays
#
# Program:   ~/.local/opt/sbpac-desktop/   (replaced as a whole on upgrade)
# Launcher:  ~/.local/bin/sbpac-desktop, the applications menu entry, the icon
# Your data: ~/.local/share/sbpac-desktop/ (database, backups), ~/.local/state/sbpac-desktop/ (logs),
#            ~/.config/SBPAC/ (settings): never touched by this script. The database is
#            upgraded by the program itself at its first start, after a backup.
#
# The program needs the desktop libraries listed in the package's Depends line; most desktops
# have them already. If some are missing the script names the packages to ask IT for.
set -eu

APP=sbpac-desktop
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
OPT_DIR=$HOME/.local/opt
TARGET=$OPT_DIR/$APP
BIN_DIR=$HOME/.local/bin
DESKTOP_FILE=$DATA_HOME/applications/$APP.desktop
ICONS=$DATA_HOME/icons/hicolor

say() { printf '%s\n' "$*"; }

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
    fi
}

uninstall() {
    rm -rf "$TARGET"
    if [ -L "$BIN_DIR/$APP" ] && [ "$(readlink "$BIN_DIR/$APP")" = "$TARGET/$APP" ]; then
        rm -f "$BIN_DIR/$APP"
    fi
    rm -f "$DESKTOP_FILE"
    for icon in "$ICONS"/*/apps/$APP.png "$ICONS"/scalable/apps/$APP.svg; do
        if [ -e "$icon" ]; then
            rm -f "$icon"
            rmdir -p "$(dirname "$icon")" 2>/dev/null || true
        fi
    done
    refresh_menus
    say "ถอนการติดตั้งโปรแกรมแล้ว ข้อมูลของท่านยังอยู่ที่ $DATA_HOME/$APP"
    say "SBPAC Desktop removed; your data is kept in $DATA_HOME/$APP"
}

install() {
    deb=$1
    [ -f "$deb" ] || { say "ไม่พบไฟล์ $deb / no such file: $deb" >&2; exit 2; }
    command -v dpkg-deb >/dev/null 2>&1 || { say "dpkg-deb is needed (Debian/Ubuntu)" >&2; exit 2; }
    mkdir -p "$OPT_DIR" "$BIN_DIR" "$DATA_HOME/applications" "$ICONS"
    unpacked=$(mktemp -d "$OPT_DIR/.$APP-new.XXXXXX")
    trap 'rm -rf "$unpacked"' EXIT
    dpkg-deb -x "$deb" "$unpacked"
    [ -x "$unpacked/opt/$APP/$APP" ] || { say "$deb is not an SBPAC Desktop package" >&2; exit 2; }

    # Libraries the system must provide (the package's Depends): name what is missing.
    missing=$(find "$unpacked/opt/$APP" -type f \( -name '*.so*' -o -name "$APP" \) -exec ldd {} + 2>/dev/null \
        | sed -n 's/^[[:space:]]*\([^[:space:]]*\) => not found.*/\1/p' | sort -u | tr '\n' ' ')
    if [ -n "$missing" ]; then
        say "คำเตือน: เครื่องนี้ยังขาดไลบรารี $missing— โปรแกรมอาจเปิดหน้าต่างไม่ได้"
        say "warning: missing system libraries: $missing"
        say "ask IT to run: sudo apt-get install $(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,//g')"
    fi

    # Replace the previous copy as a whole, so no file of an older version survives.
    if [ -d "$TARGET" ]; then
        rm -rf "$TARGET.old"
        mv "$TARGET" "$TARGET.old"
    fi
    mv "$unpacked/opt/$APP" "$TARGET"
    rm -rf "$TARGET.old"
    ln -sfn "$TARGET/$APP" "$BIN_DIR/$APP"

    # The menu entry runs the program by its full path (~/.local/bin may not be on PATH there).
    sed -e "s|^Exec=.*|Exec=\"$TARGET/$APP\"|" -e "s|^TryExec=.*|TryExec=$TARGET/$APP|" \
        "$unpacked/usr/share/applications/$APP.desktop" >"$DESKTOP_FILE"
    (cd "$unpacked/usr/share/icons/hicolor" && find . -name "$APP.*" -type f) | while read -r icon; do
        mkdir -p "$ICONS/$(dirname "$icon")"
        cp "$unpacked/usr/share/icons/hicolor/$icon" "$ICONS/$icon"
    done
    refresh_menus
    version=$(dpkg-deb -f "$deb" Version)
    say "ติดตั้ง SBPAC Desktop $version สำหรับผู้ใช้นี้แล้ว: เปิดจากเมนูโปรแกรม หรือคำสั่ง $BIN_DIR/$APP"
    say "SBPAC Desktop $version installed for $(id -un) in $TARGET"
    say "check it: $BIN_DIR/$APP --self-test"
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "" | -h | --help) sed -n '2,16p' "$0"; exit 2 ;;
    *) install "$1" ;;
esac
