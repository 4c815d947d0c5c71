"""Reading user and corpus text safely (size limit, binary detection, encodings) and writing files atomically."""
from __future__ import annotations

import codecs
import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from analysis.settings import DEFAULT_MAX_BYTES as MAX_TEXT_BYTES


class InputError(ValueError):
    """Input that cannot be analysed, with a message fit to show the user."""


def decode_text(data: bytes, name: str = "input", max_bytes: int | None = None, guess: bool = False) -> str:
    """Decode UTF-8 or UTF-16 (with or without BOM) text; refuse binary, empty or oversized input.

    With `guess`, text that is not UTF-8 is read as Windows-1252 (Latin-1 with curly quotes) instead of refused."""
    limit = MAX_TEXT_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise InputError(f"{name}: {len(data):,} bytes is over the limit of {limit:,} bytes")
    utf16 = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            if not guess:
                raise InputError(f"{name}: broken UTF-16 text ({exc.reason})") from None
            text = data.decode(utf16, errors="replace")
        text = text.removeprefix("\ufeff")
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like a binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if not guess:
                raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                                 "save it as UTF-8") from None
            text = data.decode("cp1252", errors="framing_lens_latin1")  # Windows-1252, Latin-1 for the rest
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes of mostly-ASCII text sit at every other place, else ''."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return ""


def _latin1(err: UnicodeDecodeError) -> tuple[str, int]:
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("framing_lens_latin1", _latin1)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than tab, line breaks, form feed


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    return len(CONTROL.findall(sample)) / len(sample)


def read_text_file(path: str | Path, max_bytes: int | None = None) -> str:
    """Read a text file with the checks of `decode_text`; missing or unreadable files raise InputError."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a folder, not a file")
        size = p.stat().st_size
        limit = MAX_TEXT_BYTES if max_bytes is None else max_bytes
        if size > limit:
            raise InputError(f"{p.name}: {size:,} bytes is over the limit of {limit:,} bytes")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return decode_text(data, p.name, max_bytes)


def atomic_write(path: Path, data: bytes, check: Callable[[Path], None] | None = None, durable: bool = True) -> None:
    """Write a file so that readers see either the old or the new content, never a part; with `check`, the
    written copy is read back and checked (check raises) before it replaces the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if check is not None:
            check(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
