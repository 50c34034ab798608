#!/bin/sh
# Print the path of a UPX 4 that build.spec can use, fetching Debian's upx-ucl first if
# there is none:    sh packaging/get_upx.sh [FOLDER]    (FOLDER: build/tools)
#
# `make bundle` runs this and hands the answer to build.spec (IPTWORK_UPX). Order:
#   1. FOLDER/upx, fetched by an earlier run;
#   2. `upx` on PATH, if it is version 4 (UPX 5 makes shared libraries that trap on load
#      under Debian 12's kernel, upstream issue 929; 3.x cannot pack most of ours);
#   3. Debian's upx-ucl, downloaded with apt-get from the mirror this machine already uses
#      (its own release, which has it from Debian 13 on, and that release's backports, which
#      have it for Debian 12) and unpacked into FOLDER: nothing is installed system-wide,
#      the system's package lists and cache are not touched, and no root is needed.
# Fails (exit 1, with the reason) when none of these works: the bundle would be ~50 MB
# over its budget without UPX, and `make bundle` must say so rather than build it.
set -eu

folder=${1:-build/tools}
say() { echo "get_upx: $*" >&2; }

is_upx4() { [ -x "$1" ] && "$1" --version 2>/dev/null | head -n 1 | grep -q '^upx 4\.'; }

if is_upx4 "$folder/upx"; then echo "$folder/upx"; exit 0; fi
on_path=$(command -v upx || true)
if [ -n "$on_path" ] && is_upx4 "$on_path"; then echo "$on_path"; exit 0; fi
if [ -n "$on_path" ]; then say "ignoring $on_path ($("$on_path" --version 2>/dev/null | head -n 1)): needs UPX 4"; fi

if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null || [ ! -r /etc/os-release ]; then
    say "no UPX 4 found and this is not a Debian-like system to fetch upx-ucl from;"
    say "install UPX 4.x and put it on PATH (or at $folder/upx)"
    exit 1
fi
. /etc/os-release
release=${VERSION_CODENAME:-}
mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' 2>/dev/null |
    awk -v r="$release" '$2 == r { print $1; exit }')
if [ -z "$release" ] || [ -z "$mirror" ]; then
    say "no UPX 4 found, and no Debian mirror for release '$release' in this machine's apt sources"
    exit 1
fi

work=$(mkdir -p "$folder/apt" && cd "$folder/apt" && pwd)
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/deb"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
signed=""
if [ -r "$keyring" ]; then signed="[signed-by=$keyring] "; fi
printf 'deb %s%s %s main\ndeb %s%s %s-backports main\n' \
    "$signed" "$mirror" "$release" "$signed" "$mirror" "$release" >"$work/sources.list"
apt_own() {
    "$@" -q -o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" \
        -o APT::Sandbox::User=root
}
say "fetching Debian's upx-ucl ($release, $release-backports) into $folder"
if ! apt_own apt-get update >"$work/update.log" 2>&1; then
    say "apt-get update failed:"; cat "$work/update.log" >&2; exit 1
fi
rm -f "$work"/deb/*.deb
if ! (cd "$work/deb" && apt_own apt-get download upx-ucl) >"$work/download.log" 2>&1; then
    say "upx-ucl is not in $release or $release-backports:"; cat "$work/download.log" >&2; exit 1
fi
rm -rf "$work/root"
dpkg-deb -x "$work"/deb/upx-ucl_*.deb "$work/root"
ln -sf apt/root/usr/bin/upx-ucl "$folder/upx"
if ! is_upx4 "$folder/upx"; then
    say "the fetched upx-ucl does not run here, or is not UPX 4:"
    "$folder/upx" --version >&2 || true
    exit 1
fi
say "$("$folder/upx" --version | head -n 1) from $(basename "$work"/deb/upx-ucl_*.deb)"
echo "$folder/upx"
