#!/usr/bin/env python3
"""Checks that the WASM splitter kept each lazy chunk's read-only data in that chunk.

wasm_split_cli_support (cargo-leptos `--split`) moves all read-only data into the module
every page loads when it cannot repack the data segment ("Overlong segment 0 by N after
relocation"), and only says so in a log line cargo-leptos does not show. A lazy chunk left
with (almost) no data is the sign: the search chunk carries about 22 KB of read-only data
when the split works, and 81 bytes when the splitter gave up (measured 2026-12-06). The fix
is more slack: `SPLIT_SLACK` in frontend/src/lib.rs.
Usage: scripts/check_wasm_split.py [PKG_DIR]   (default target/site/pkg)
"""

import pathlib
import sys

# Less data than this in a lazy chunk means its read-only data went to the main module.
MIN_CHUNK_DATA = 1024


def leb128(data, at):
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def data_bytes(path):
    """Total size of the data section's payload (section id 11), 0 without one."""
    data = path.read_bytes()
    if data[:4] != b"\0asm":
        sys.exit(f"check-wasm-split: {path} is not a WASM module")
    at, total = 8, 0
    while at < len(data):
        section, at = data[at], at + 1
        size, at = leb128(data, at)
        if section == 11:
            total += size
        at += size
    return total


def main():
    pkg = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/site/pkg")
    chunks = sorted(pkg.glob("split_*.wasm"))
    if not chunks:
        sys.exit(f"check-wasm-split: no lazy chunk in {pkg}; was it built with --split?")
    failed = False
    for chunk in chunks:
        size = data_bytes(chunk)
        print(f"{chunk.name}: {size} bytes of data")
        if size < MIN_CHUNK_DATA:
            failed = True
            print(
                f"check-wasm-split: {chunk.name} has {size} bytes of data: the splitter moved its read-only data "
                "into the main module; raise SPLIT_SLACK in frontend/src/lib.rs",
                file=sys.stderr,
            )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
