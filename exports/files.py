"""Writing a document file all or nothing, with the reason in words when it cannot be."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from secretariat.file_errors import cannot_write
from secretariat.file_targets import check_target


def write_atomically(target: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Let `write` fill a temporary file beside `target`, then put it in place at once.

    `write` gets the open file, not its name, so whatever happens the file is closed here,
    at once, not by the garbage collector some time later: Windows cannot remove a file
    that is still open. A failure half-way leaves no partial document and the old file as
    it was; the reason is told in words (a full disk, a read-only folder, a target open in
    another program). A name Windows refuses is refused first, on every system.
    """
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        check_target(target, folder_must_exist=False)  # may stat a folder we may not read
        target.parent.mkdir(parents=True, exist_ok=True)
        # Inside the try: a network share or a nearly full disk may refuse only when the
        # last of the file is flushed, as it is closed.
        with open(partial, "wb") as stream:
            write(stream)
        os.replace(partial, target)
    except OSError as error:
        raise cannot_write(target, error) from error
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # the temporary file could not be made in the first place
    return target


def write_bytes_atomically(target: Path, content: bytes) -> Path:
    """A document already made (final minutes as they were signed), put in place whole."""
    def write(stream: BinaryIO) -> None:
        stream.write(content)

    return write_atomically(target, write)
