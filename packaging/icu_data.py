"""Rebuild Qt's ICU data library without the parts Qt never reads (32 MB -> 11 MB).

    .venv/bin/python packaging/icu_data.py SOURCE/libicudata.so.73 OUT/libicudata.so.73

build.spec calls `trimmed_icu_data()`; the command line above does the same by hand.

libQt6Core links ICU, and libicudata is nothing but one read-only array, `icudt73_dat`,
holding ICU's "common data" package: a table of contents and about 3,900 items (locale
data, collation, converters, dictionaries, ...). QtCore calls only these ICU functions
(`readelf --dyn-syms libQt6Core.so.6 | grep _73`):

* `u_strToUpper`/`u_strToLower` (case mapping: its tables are compiled into libicuuc);
* `ucnv_*` (QStringConverter's codecs beyond its own UTF-8/16/32 and Latin-1): the `*.cnv`
  tables. These go too (5 MB): iptwork reads and writes UTF-8 through Python, and Qt
  names a legacy codec only for foreign text (an XML file declaring one, clipboard data
  offered only in one); ICU's algorithmic converters (ASCII, UTF-7, ...) remain;
* `ucol_*` (QCollator, locale-aware sorting, e.g. in file dialogs): the `coll/` tree;
* `ucal_open`, `ucal_getCanonicalTimeZoneID`, `ucal_getTimeZoneDisplayName` (QTimeZone):
  the time-zone rules, the `zone/` names, and the locales' calendar and number data in
  the main tree.

So the trees only other ICU services read are left out: break iteration (`brkitr/`,
3.4 MB of dictionaries; Qt has its own text boundaries), units, currencies, language and
region names (ICU's LocaleDisplayNames and formatters; QLocale has its own CLDR data),
transliteration, spelled-out numbers, character names (`unames.icu`), StringPrep
profiles (`*.spp`; Qt does IDNA itself) and spoof checking (`*.cfu`). Everything kept is
byte-for-byte the original. tests/test_bundle_spec.py runs QtCore's ICU-backed features
(sorting in several locales, time-zone names, Turkish case mapping) with the original and
the trimmed library and requires identical results.

The new library is assembled by the C compiler from one `.incbin` (a data-only shared
object with the same soname and symbol, no code, no dependencies). Without a compiler the
original library is kept: the bundle is then bigger, not broken.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Item names are "icudt73l/<tree>/<name>" or "icudt73l/<name>" (the main tree).
DROPPED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")
DROPPED_SUFFIXES = (".cnv", ".spp", ".cfu")
DROPPED_NAMES = ("unames.icu",)

_ALIGN = 16  # ICU reads items in place: each must start on a 16-byte boundary


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the `icudtNN_dat` array in an ICU data library."""
    symbols = subprocess.run(
        ["readelf", "--dyn-syms", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(
        r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\b",
        symbols,
    )
    if not match:
        raise ValueError(f"{library} exports no icudtNN_dat array")
    address, size, section, name = (
        int(match[1], 16),
        int(match[2], 0),
        int(match[3]),
        match[4],
    )
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[0] == f"[{section}]":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, address - section_address + section_offset, size
    raise ValueError(f"{library}: section {section} of {name} not found")


def read_package(blob: bytes) -> tuple[bytes, dict[str, bytes]]:
    """Split an ICU common data package into its header and its items, by name."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package (little-endian, CmnD)")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _name, offset in entries[1:]] + [len(blob) - header_size]
    items = {}
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        start = header_size + name_offset
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        items[name] = blob[header_size + data_offset : header_size + end]
    return blob[:header_size], items


def write_package(header: bytes, items: dict[str, bytes]) -> bytes:
    """An ICU common data package: header, table of contents sorted by name, items."""
    names = sorted(items)  # ICU finds an item by binary search over the names
    toc_size = 4 + 8 * len(names)
    name_offsets, name_bytes = [], bytearray()
    for name in names:
        name_offsets.append(toc_size + len(name_bytes))
        name_bytes += name.encode("ascii") + b"\0"
    data_start = toc_size + len(name_bytes)
    data_start += -(len(header) + data_start) % _ALIGN
    data, data_offsets = bytearray(), []
    for name in names:
        data += b"\0" * (-(len(header) + data_start + len(data)) % _ALIGN)
        data_offsets.append(data_start + len(data))
        data += items[name]
    toc = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    padding = b"\0" * (data_start - toc_size - len(name_bytes))
    return header + toc + bytes(name_bytes) + padding + bytes(data)


def wanted(name: str) -> bool:
    """Whether QtCore's ICU calls can read this item (see the module docstring)."""
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROPPED_TREES:
        return False
    return not (parts[-1].endswith(DROPPED_SUFFIXES) or parts[-1] in DROPPED_NAMES)


def build_library(source: Path, target: Path, work: Path) -> bool:
    """Write the trimmed copy of `source` to `target`; False (nothing written) if no cc."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not compiler or not shutil.which("readelf"):
        return False
    symbol, offset, size = data_symbol(source)
    header, items = read_package(source.read_bytes()[offset : offset + size])
    package = write_package(header, {k: v for k, v in items.items() if wanted(k)})
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.dat").write_bytes(package)
    assembly = work / "icudata.S"
    assembly.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol}, %object\n{symbol}:\n"
        '\t.incbin "icudata.dat"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack, "", %progbits\n'
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            compiler,
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{source.name}",
            "-Wl,-z,noexecstack",
            "-o",
            str(target.resolve()),
            assembly.name,
        ],
        cwd=work,
        check=True,
    )
    return True


def trimmed_icu_data(binaries, work: Path):
    """build.spec: swap the bundle's libicudata for the trimmed one, if it can be built
    (rebuilt every time: it takes a second, and follows any change to the lists above)."""
    result = []
    for dest, src, typecode in binaries:
        name = Path(dest).name
        if re.fullmatch(r"libicudata\.so\.\d+", name) and typecode != "SYMLINK":
            target = work / "icu" / name
            if build_library(Path(src), target, work / "icu" / "src"):
                src = str(target)
            else:
                print("icu_data: no C compiler; keeping the full ICU data", file=sys.stderr)
        result.append((dest, src, typecode))
    return result


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[2].strip())
    out = Path(sys.argv[2])
    if not build_library(Path(sys.argv[1]), out, out.parent / "icu-src"):
        sys.exit("icu_data: needs a C compiler (cc) and readelf")
    before, after = Path(sys.argv[1]).stat().st_size / 1e6, out.stat().st_size / 1e6
    print(f"{out}: {after:.1f} MB (was {before:.1f} MB)")
