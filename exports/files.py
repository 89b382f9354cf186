"""Writing a document file all or nothing, with a clear word when the target is locked."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from secretariat.errors import FileProblem
from secretariat.i18n import _


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` fill a temporary file beside `target`, then put it in place at once.

    A failure half-way leaves no partial document; a target opened in another program
    (Windows locks it) gives a message saying so, and the old file stays as it was.
    """
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write(partial)
        os.replace(partial, target)
    except PermissionError as error:
        raise FileProblem(
            _("{path} cannot be written: it may be open in another program (close it there) "
              "or the folder is read-only.").format(path=target)
        ) from error
    except OSError as error:
        raise FileProblem(_("{path} cannot be written: {reason}").format(
            path=target, reason=error.strerror or error)) from error
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # the temporary file could not be made in the first place
    return target
