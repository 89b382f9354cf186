"""Where a document may be written: a name every system accepts, in a folder that exists.

The program's files travel: to a shared folder, a USB stick, an e-mail read on an office
Windows PC. A name Windows refuses (`CON.pdf`, `a:b.xlsx`, `laporan.`) is refused here on
every system, so the file written on Linux never becomes one that cannot be opened, copied
or deleted there. The same rules make the names the window suggests.
"""

from __future__ import annotations

import errno
import re
import textwrap
from pathlib import Path

from secretariat.errors import FileProblem, ValidationError
from secretariat.file_errors import reason_for_errno
from secretariat.i18n import _

FORBIDDEN_CHARACTERS = '<>:"/\\|?*'
# Windows's device names, with any extension and in any case ("nul.tar.gz" too).
DEVICE_NAMES = frozenset({"CON", "PRN", "AUX", "NUL"} | {
    f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"})
MAX_NAME_LENGTH = 255  # characters in one name, on NTFS, ext4 and most others alike
SUGGESTED_STEM_LENGTH = 120  # leaves room for the folder within Windows's 260 for a path
_NOT_IN_SUGGESTIONS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def _device_part(name: str) -> str:
    # Windows reads the device name up to the first dot, ignoring spaces before it.
    return name.split(".", 1)[0].rstrip(" ").upper()


def name_problem(name: str) -> str | None:
    """Why Windows would refuse `name` (one name, no folder), or None when it is fine."""
    if any(ord(character) < 32 for character in name):
        return _("Windows does not allow control characters in a file name")
    forbidden = [character for character in FORBIDDEN_CHARACTERS if character in name]
    if forbidden:
        return _("Windows does not allow {characters} in a file name").format(
            characters=" ".join(forbidden))
    if name.endswith((" ", ".")):
        return _("Windows does not allow a file name that ends in a dot or a space")
    if _device_part(name) in DEVICE_NAMES:
        return _("Windows keeps the name {device} for a device, with any extension").format(
            device=_device_part(name))
    if len(name) > MAX_NAME_LENGTH:
        return _("it is longer than {limit} characters").format(limit=MAX_NAME_LENGTH)
    return None


def _shown(name: str) -> str:
    """The name as it can be printed on one line: control characters as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in name)


def check_file_name(name: str) -> None:
    """Refuse a name Windows would refuse, saying why."""
    problem = name_problem(name)
    if problem is not None:
        raise ValidationError(_("{name} cannot be a file name: {reason}. Choose another "
                                "name.").format(name=_shown(name), reason=problem))


def check_target(target: Path, *, folder_must_exist: bool) -> None:
    """Refuse, before any work, a target that cannot become the file asked for.

    The command line passes `folder_must_exist`: a mistyped folder there is a mistake to
    point out, not a folder to create. The window's own default folders may be made.
    """
    check_file_name(target.name)
    if target.is_dir():
        raise FileProblem(_("{path} cannot be written: {reason}").format(
            path=target, reason=reason_for_errno(errno.EISDIR)))
    folder = target.parent
    if folder_must_exist and not folder.is_dir():
        if folder.exists():
            raise ValidationError(_("{folder} is a file, not a folder; nothing was "
                                    "written.").format(folder=folder))
        raise ValidationError(_("The folder {folder} does not exist; nothing was written. "
                                "Check its name, or create it first.").format(folder=folder))


def typed_target(given: str) -> Path:
    """The file a person typed (`-o FILE`), refused before any work if it cannot be made."""
    path = Path(given).expanduser()
    check_file_name(path.name)  # before resolving: Windows resolves "CON.pdf" to the device
    target = path.resolve()
    check_target(target, folder_must_exist=True)
    return target


def suggested_file_name(words: str, suffix: str, *, fallback: str = "Dokumen") -> str:
    """A file name to offer, made from `words` that may hold anything (a meeting title).

    "Rakor: Evaluasi 1/2" becomes "Rakor Evaluasi 1 2": what Windows refuses becomes a
    space, spaces are collapsed, a long text is cut after a whole word.
    """
    stem = " ".join(_NOT_IN_SUGGESTIONS.sub(" ", words).split())
    if len(stem) > SUGGESTED_STEM_LENGTH:
        cut = textwrap.shorten(stem, width=SUGGESTED_STEM_LENGTH, placeholder="…")
        # One word longer than the limit leaves only the placeholder: cut inside it then.
        stem = cut if cut != "…" else stem[:SUGGESTED_STEM_LENGTH - 1] + "…"
    stem = stem.rstrip(" .") or fallback
    device = _device_part(stem)
    if device in DEVICE_NAMES:  # "NUL" alone, say: keep the word, lose the device
        stem = stem[:len(device)] + "_" + stem[len(device):]
    return stem + suffix
