"""Bytes to text, refusing what is not text.

Saved articles come in UTF-8 (with or without BOM), UTF-16 from some Windows tools, and legacy
Windows-1252 from older CMSs. UTF-8 is tried strictly first; otherwise charset-normalizer guesses,
and cp1252 is the last resort because it is by far the most common legacy encoding of news copy.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from corpus.document import LoadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text files (tab, newline, CR, form feed are fine).
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x0b"


def decode_bytes(data: bytes) -> str:
    """Decode `data` as text or raise LoadError("empty file" / "binary file" / "undecodable text")."""
    if not data.strip():
        raise LoadError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(f"undecodable text ({encoding}: {exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head or sum(head.count(b) for b in _BINARY_BYTES) > len(head) * 0.01:
        raise LoadError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        encoding = best.encoding
        # charset-normalizer often names a Latin sibling for Western news text; cp1252 decodes the
        # same letters and also the curly quotes and dashes that news copy is full of.
        if encoding.startswith(("latin", "iso8859", "cp125")) and _decodes(data, "cp1252"):
            encoding = "cp1252"
        return data.decode(encoding, errors="replace")
    if _decodes(data, "cp1252"):
        return data.decode("cp1252")
    raise LoadError("undecodable text (not UTF-8 or a known 8-bit encoding)")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
