#!/bin/sh
# Desktop integration for one user (no root): the menu entry, the icon, and the .iptw file
# type, so that a double-click on a workbook opens it in iptwork.
#
#   sh packaging/linux/install-desktop.sh PROGRAM     install, PROGRAM = absolute path
#   sh packaging/linux/install-desktop.sh --uninstall remove what was installed
#
# `make install-desktop` passes dist/iptwork/iptwork when the bundle is built, else the
# virtual environment's iptwork. Files go under $XDG_DATA_HOME (~/.local/share):
#   applications/iptwork.desktop          (Exec= and TryExec= point at PROGRAM)
#   mime/packages/iptwork-mime.xml        (application/x-iptwork-workbook, *.iptw)
#   icons/hicolor/SIZExSIZE/apps/iptwork.png, icons/hicolor/scalable/apps/iptwork.svg
# The desktop, MIME and icon caches are refreshed with whichever of update-mime-database,
# update-desktop-database, gtk-update-icon-cache and xdg-mime are installed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../../src/iptwork/resources/icons"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 32 48 64 128 256 512"

have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
    if have update-mime-database; then update-mime-database "$data/mime"; fi
    if have update-desktop-database; then update-desktop-database -q "$data/applications"; fi
    if have gtk-update-icon-cache && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/iptwork.desktop" "$data/mime/packages/iptwork-mime.xml" \
        "$data/icons/hicolor/scalable/apps/iptwork.svg"
    for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/iptwork.png"; done
    mkdir -p "$data/mime" "$data/applications"
    refresh
    echo "Removed iptwork's menu entry, icon and file type from $data"
    exit 0
fi

program="${1:-}"
case "$program" in
    /*) ;;
    *) echo "usage: $0 /absolute/path/to/iptwork | --uninstall" >&2; exit 2 ;;
esac
if [ ! -x "$program" ]; then
    echo "install-desktop: $program is not there; build it first (make bundle, or make run)" >&2
    exit 1
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
# Exec: quoted, as the Desktop Entry spec allows, so a folder with spaces works.
sed -e "s|^Exec=iptwork |Exec=\"$program\" |" -e "s|^TryExec=iptwork\$|TryExec=$program|" \
    "$here/iptwork.desktop" > "$data/applications/iptwork.desktop.tmp"
mv "$data/applications/iptwork.desktop.tmp" "$data/applications/iptwork.desktop"
cp "$here/iptwork-mime.xml" "$data/mime/packages/iptwork-mime.xml"
cp "$icons/iptwork.svg" "$data/icons/hicolor/scalable/apps/iptwork.svg"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$icons/iptwork-$size.png" "$data/icons/hicolor/${size}x${size}/apps/iptwork.png"
done
refresh
if have xdg-mime; then
    xdg-mime default iptwork.desktop application/x-iptwork-workbook || true
fi
echo "Installed iptwork's menu entry, icon and .iptw file type in $data (runs $program)"
