"""The CLI's delivery file: written next to its final path, fsync'ed and renamed over it, so a
crash or kill -9 mid-way leaves no half file at the final path (only a ``.deel`` temp file,
which the next export of that path does not read)."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
BUFFER = 1 << 20


def schrijf_atomair(pad: Path, schrijver: Callable[[Callable[[str], object]], T]) -> T:
    """Call ``schrijver(write)``; its text goes to a temp file in ``pad``'s directory, which is
    renamed to ``pad`` only after everything is written and on disk."""
    pad = Path(pad)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".deel")
    try:
        with io.open(fd, "w", encoding="utf-8", buffering=BUFFER) as f:
            uitkomst = schrijver(f.write)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    map_fd = os.open(pad.parent, os.O_RDONLY)
    try:
        os.fsync(map_fd)  # the rename itself on disk
    finally:
        os.close(map_fd)
    return uitkomst
