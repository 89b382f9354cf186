"""The `secretariat` command: the GUI when given no sub-command, tools for administrators else.

Every failure ends as one readable line on stderr and a non-zero exit code, never a
traceback (set SECRETARIAT_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

STARTED = time.perf_counter()  # --smoke reports the time from here to the first view

import logging  # noqa: E402

from secretariat import __version__  # noqa: E402
from secretariat.cli.log_file import log_path, start_logging  # noqa: E402
from secretariat.documents.letter_parts import NATURES, SIGNER_FORMS  # noqa: E402
from secretariat.errors import DatabaseProblem, DomainError, RefusedError  # noqa: E402
from secretariat.i18n import LANGUAGES, _, set_language  # noqa: E402
from secretariat.storage.instance_lock import DatabaseLockedError  # noqa: E402
from secretariat.storage.sqlite_copies import DamagedDatabaseError  # noqa: E402

log = logging.getLogger("secretariat")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one line on stderr like every other error."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, _("{prog}: {message} (see {prog} --help)").format(
            prog=self.prog, message=message) + "\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="secretariat",
        description=_("Secretariat of the GT PP-TPPO task force: meetings, commitments and "
                      "follow-up. Without a command the desktop program starts."),
    )
    parser.add_argument("--db", metavar=_("PATH_OR_URL"),
                        help=_("database file or SQLAlchemy URL (default: SECRETARIAT_DB, "
                               "else the per-user data folder)"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES),
                        help=_("language of messages (default: id)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help=_("open the window, print the milliseconds until it shows its "
                               "data, and exit"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    demo = commands.add_parser("demo", help=_("fill an empty database with demonstration data"))
    demo.add_argument("--scale", type=int, default=0, metavar="N",
                      help=_("also add N synthetic commitments for stress tests"))

    listing = commands.add_parser("list", help=_("list agencies, meetings or commitments"))
    listing.add_argument("what", choices=["agencies", "meetings", "commitments"])
    listing.add_argument("--json", action="store_true", help=_("print JSON with ISO dates"))
    listing.add_argument("--status", action="append", metavar=_("STATUS"),
                         help=_("commitments with this status (code or label; repeatable)"))
    listing.add_argument("--agency", metavar=_("ABBR"),
                         help=_("commitments led by the agency with this abbreviation"))
    listing.add_argument("--meeting", type=int, metavar="ID",
                         help=_("commitments agreed at this meeting"))
    listing.add_argument("--overdue", action="store_true", help=_("only overdue commitments"))
    listing.add_argument("--all", action="store_true",
                         help=_("agencies: include archived ones"))

    searching = commands.add_parser("search", help=_(
        "find agencies, meetings and commitments by the words written in them"))
    searching.add_argument("words", nargs="+", metavar=_("WORD"))
    searching.add_argument("--json", action="store_true", help=_("print JSON with ISO dates"))
    searching.add_argument("--limit", type=int, default=50, metavar="N",
                           help=_("at most N hits of each kind (default 50)"))

    commands.add_parser("check", help=_("check the database's integrity and schema"))
    commands.add_parser("reindex", help=_("rebuild the search index from the records"))

    backup = commands.add_parser("backup", help=_("write a verified copy of the whole database"))
    backup.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("the copy: an SQLite file, or for PostgreSQL a portable export"))

    restore = commands.add_parser(
        "restore", help=_("replace the data with a backup (the current data is saved first)"))
    restore.add_argument("file", metavar=_("FILE"), help=_("a backup or export of this program"))
    restore.add_argument("--yes", action="store_true",
                         help=_("restore without asking (for scripts); the backup is still "
                                "checked"))

    commands.add_parser("unlock", help=_("break the lock left by a program that crashed"))

    guide = commands.add_parser("guide", help=_("write the user guide (Panduan Pengguna) as "
                                                "a PDF"))
    guide.add_argument("-o", "--output", required=True, metavar=_("FILE"))

    importing = commands.add_parser("import", help=_("bring in a register kept in a "
                                                     "spreadsheet"))
    registers = importing.add_subparsers(dest="register", metavar=_("REGISTER"), required=True)
    agencies_in = registers.add_parser("agencies", help=_(
        "member agencies and their contact people from an Excel workbook (.xlsx)"))
    agencies_in.add_argument("file", metavar=_("FILE"))
    agencies_in.add_argument("--trial", action="store_true",
                             help=_("only tell what would be imported; change nothing"))
    commitments_in = registers.add_parser("commitments", help=_(
        "a meeting's matriks tindak lanjut from an Excel workbook (.xlsx)"))
    commitments_in.add_argument("file", metavar=_("FILE"))
    commitments_in.add_argument("--meeting", type=int, required=True, metavar="ID",
                                help=_("the meeting that agreed them (its minutes open)"))
    commitments_in.add_argument("--trial", action="store_true",
                                help=_("only tell what would be imported; change nothing"))

    export = commands.add_parser("export", help=_("write an official document"))
    documents = export.add_subparsers(dest="document", metavar=_("DOCUMENT"), required=True)
    minutes = documents.add_parser("minutes", help=_("notulen rapat (PDF)"))
    minutes.add_argument("meeting", type=int, metavar="MEETING_ID")
    minutes.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    _copy_choice(minutes, _("the full copy, marked TERBATAS: with the confidential "
                            "commitments and the participants' mobile numbers (default: the "
                            "circulated copy without them)"))
    # The old flag asked for what is now the default: still accepted, changing nothing.
    minutes.add_argument("--without-confidential", action="store_true",
                         help=argparse.SUPPRESS)
    attendance = documents.add_parser("attendance", help=_("daftar hadir (PDF)"))
    attendance.add_argument("meeting", type=int, metavar="MEETING_ID")
    attendance.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    attendance.add_argument("--blank", action="store_true",
                            help=_("before the meeting: invited names, empty signatures"))
    attendance.add_argument("--blank-rows", type=int, metavar="N",
                            help=_("empty rows for walk-ins on the blank sheet (default: 10)"))
    attendance.add_argument("--with-confidential", action="store_true",
                            help=_("the full copy: with phone numbers, marked TERBATAS"))
    joint = documents.add_parser("joint-commitment", help=_(
        "lembar komitmen bersama: the commitments with a box for each signatory (PDF)"))
    joint.add_argument("meeting", type=int, metavar="MEETING_ID")
    joint.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    joint.add_argument("--with-confidential", action="store_true",
                       help=_("the full copy: with confidential commitments, marked TERBATAS"))
    invitation = documents.add_parser("invitation", help=_("surat undangan: the letter "
                                                           "inviting to a meeting (PDF)"))
    invitation.add_argument("meeting", type=int, metavar="MEETING_ID")
    invitation.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    invitation.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                            help=_("the letter's date (default: today)"))
    invitation.add_argument("--nature", default="Penting", choices=NATURES,
                            metavar=_("NATURE"),
                            help=_("how urgent the letter is (Sifat): Biasa, Penting, Segera "
                                   "or Sangat Segera"))
    invitation.add_argument("--signer-form", choices=SIGNER_FORMS[1:], metavar=_("FORM"),
                            help=_("the office's head signs for someone (a.n., u.b.) or acts "
                                   "in the post (Plt., Plh.)"))
    invitation.add_argument("--on-behalf-of", metavar=_("POSITION"),
                            help=_("with --signer-form: the office signed for (default for "
                                   "a.n.: the task force's chair)"))
    for option, what in (("--signer-name", _("the signer's name")),
                         ("--signer-position", _("the signer's own position (jabatan)")),
                         ("--signer-rank", _("the signer's rank/grade (pangkat/golongan)")),
                         ("--signer-nip", _("the signer's NIP"))):
        invitation.add_argument(option, metavar=_("TEXT"),
                                help=_("{what}, instead of the office head's").format(what=what))
    copies = invitation.add_mutually_exclusive_group()
    copies.add_argument("--tembusan", action="append", metavar=_("COPY"),
                        help=_("a carbon copy (Tembusan), instead of the letterhead's; "
                               "repeatable"))
    copies.add_argument("--no-tembusan", action="store_true",
                        help=_("no carbon copies, whatever the letterhead says"))
    actions = documents.add_parser("actions",
                                   help=_("matriks tindak lanjut (PDF or Excel by the name)"))
    actions.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    actions.add_argument("--status", action="append", metavar=_("STATUS"),
                         help=_("commitments with this status (code or label; repeatable)"))
    actions.add_argument("--agency", metavar=_("ABBR"),
                         help=_("commitments led by the agency with this abbreviation"))
    actions.add_argument("--meeting", type=int, metavar="ID",
                         help=_("commitments agreed at this meeting"))
    actions.add_argument("--overdue", action="store_true", help=_("only overdue commitments"))
    actions.add_argument("--open", action="store_true", help=_("only open commitments"))
    actions.add_argument("--year", type=int, metavar=_("YEAR"),
                         help=_("commitments agreed at meetings of this year"))
    actions.add_argument("--group", choices=["meeting", "agency"], default="meeting",
                         help=_("list under each meeting (default) or each lead agency"))
    _task_force_choice(actions)
    _copy_choice(actions, _("the full copy, marked TERBATAS, with the confidential "
                            "commitments (default: the circulated copy without them)"))
    progress = documents.add_parser(
        "progress", help=_("laporan perkembangan komitmen (PDF or Excel by the name)"))
    progress.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    progress.add_argument("--year", type=int, metavar=_("YEAR"),
                          help=_("the meetings of this year (default: the latest year "
                                 "with commitments, as on the Perkembangan page)"))
    progress.add_argument("--task-force", type=int, metavar="ID",
                          help=_("the task force (default: the one that met last)"))
    _copy_choice(progress, _("the full copy, marked TERBATAS, naming the confidential "
                             "commitments among the overdue ones (default: the circulated "
                             "copy without them)"))
    agencies = documents.add_parser(
        "agencies", help=_("direktori instansi: agencies, contact people, memberships (Excel)"))
    agencies.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    agencies.add_argument("--all", action="store_true", help=_("include archived agencies"))
    _copy_choice(agencies, _("the full copy, marked TERBATAS, with the contact people's NIP, "
                             "mobile numbers and e-mail (default: the circulated copy "
                             "without them)"))
    meetings = documents.add_parser("meetings", help=_("jadwal rapat: the meeting schedule "
                                                       "(Excel)"))
    meetings.add_argument("-o", "--output", required=True, metavar=_("FILE"))
    meetings.add_argument("--year", type=int, metavar=_("YEAR"),
                          help=_("only the meetings of this year"))
    _task_force_choice(meetings)
    return parser


def _task_force_choice(command) -> None:
    """One task force's document under its own kop; a province's kab/kota only when asked."""
    command.add_argument("--task-force", type=int, metavar="ID",
                         help=_("the task force (default: the one that met last)"))
    command.add_argument("--with-regencies", action="store_true",
                         help=_("with a province's task force: its kabupaten/kota task forces "
                                "too, each line naming its own"))


def _copy_choice(command, help_text: str) -> None:
    command.add_argument("--with-confidential", action="store_true", help=help_text)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.").format(
                value=value)) from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    set_language(_language_from(argv))
    debug = bool(os.environ.get("SECRETARIAT_DEBUG"))
    if debug:  # the log then shows what the clerk is told in words, as the system said it
        logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger("secretariat").setLevel(logging.DEBUG)  # ours, not the libraries
    args = _parser().parse_args(argv)
    start_logging()
    tried_once = False  # the way on the window offers is taken at most once
    while True:
        try:
            return _run(args)
        except DomainError as error:
            log.warning("%s failed: %s", args.command or "desktop", error.message)
            code, message, refusal = EXIT_FAILED, error.message, error
        except KeyboardInterrupt:
            return _fail(_("Interrupted."), EXIT_FAILED)
        except BrokenPipeError:
            # The reader went away (`secretariat list | head`): nothing to tell, as for any
            # command line tool; stdout is pointed at nothing so the exit's flush is silent.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_FAILED
        except OSError as error:  # a file no use case expected to fail: the reason in words
            if debug:
                raise
            from secretariat.file_errors import cannot_use

            log.exception("%s failed on a file", args.command or "desktop")
            code, message, refusal = EXIT_FAILED, cannot_use(error).message, None
        except Exception as error:  # the last line of defence: one line, never a traceback
            if debug:
                raise
            log.exception("%s failed unexpectedly", args.command or "desktop")
            code = EXIT_UNEXPECTED
            message = _("Unexpected error: {error}").format(
                error=f"{type(error).__name__}: {error}")
            refusal = None
        _fail(message, code)
        if not _is_desktop_start(args):
            return code
        # From a shortcut there is no terminal: the clerk must see the reason in a window.
        from ui.start_problem import report_start_failure

        offer = _way_on(refusal)
        if tried_once or not report_start_failure(message, log_path(), offer=offer):
            return code
        _take_way_on(offer, args.db)
        tried_once = True


def _way_on(refusal: DomainError | None) -> str | None:
    """What the start-failure window may offer the clerk for this refusal."""
    from ui.start_problem import FORCE_OPEN, NEW_DATABASE

    if isinstance(refusal, DatabaseLockedError):
        return FORCE_OPEN
    if (isinstance(refusal, DamagedDatabaseError) and refusal.empty
            and refusal.newest_backup is None):
        return NEW_DATABASE
    return None


def _take_way_on(offer: str | None, target) -> None:
    from secretariat.cli.app_session import remove_empty_database, unlock
    from ui.start_problem import FORCE_OPEN, NEW_DATABASE

    if offer == FORCE_OPEN:
        holder = unlock(target)
        log.warning("Lock of %s forced open by the person at this PC", holder)
    elif offer == NEW_DATABASE:
        log.warning("Empty database file %s removed to start a new database",
                    remove_empty_database(target))


def _is_desktop_start(args: argparse.Namespace) -> bool:
    return args.command is None and not args.smoke


def _language_from(argv: list[str]) -> str | None:
    # The language must be known before argparse builds its (translated) help texts.
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _fail(message: str, code: int) -> int:
    print(f"secretariat: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    if args.command is None:
        from secretariat.cli.app_session import run_desktop

        return run_desktop(args.db, smoke_started=STARTED if args.smoke else None,
                           language=args.lang)
    if args.command == "check":
        return _check(args)
    if args.command == "unlock":
        return _unlock(args)
    if args.command == "guide":  # the guide is text shipped with the program: no database
        return _guide(args)
    if args.command in ("demo", "restore", "import", "reindex"):
        from secretariat.cli.app_session import writer_lock

        with writer_lock(args.db, purpose=args.command):
            return _write_command(args)
    # Reading commands take no lock, so they work while the program is open elsewhere;
    # so they neither create nor upgrade a database.
    db = _open_for_reading(args.db)
    try:
        if args.command == "export":
            from secretariat.cli.export import run_export

            return run_export(db, args)
        if args.command == "backup":
            from secretariat.file_targets import typed_target
            from secretariat.storage.backup_restore import backup_to

            target = backup_to(db, typed_target(args.output))
            print(_("Backup written to {path}.").format(path=target))
            return EXIT_OK
        if args.command == "search":
            from secretariat.cli.searching import run_search

            return run_search(db, args)
        from secretariat.cli.listing import run_list

        return run_list(db, args)
    finally:
        db.close()


def _open_for_reading(target):
    from models.engine import sqlite_file
    from models.migrate import current_revision, head_revision
    from secretariat.storage.database import open_database
    from secretariat.storage.paths import database_url

    path = sqlite_file(database_url(target))
    if path is not None and not path.exists():
        raise DatabaseProblem(_("There is no database at {path}. Start the program once, or "
                                "fill it with demonstration data: secretariat demo").format(
                                    path=path))
    db = open_database(target, upgrade=False)
    if current_revision(db.engine) != head_revision():
        db.close()
        raise DatabaseProblem(_("The database needs an upgrade to this version of the program; "
                                "start the program once (it makes a backup first)."))
    return db


def _write_command(args) -> int:
    from secretariat.storage.database import open_database

    if args.command == "restore":
        return _restore(args)
    db = open_database(args.db)
    try:
        if args.command == "demo":
            return _demo(db, args)
        if args.command == "reindex":
            from models import search_index

            with db.engine.begin() as connection:
                search_index.rebuild(connection)
            print(_("The search index was rebuilt."))
            return EXIT_OK
        from secretariat.cli.imports import run_import

        return run_import(db, args)
    finally:
        db.close()


def _restore(args) -> int:
    """Check the backup whole, show what it holds, ask, then replace the data."""
    from secretariat.storage.backup_contents import inspect_backup
    from secretariat.storage.backup_restore import restore_from, restore_over_damaged
    from secretariat.storage.database import open_database

    source = Path(args.file).expanduser().resolve()
    contents = inspect_backup(source)  # refuses a file that only claims to be a backup
    print(contents.summary())
    if not args.yes and not _confirmed(_("Replace all current data with this backup?")):
        print(_("Nothing was restored."))
        return EXIT_FAILED
    try:
        db = open_database(args.db)
    except DamagedDatabaseError as damaged:
        kept = restore_over_damaged(damaged.path, source, contents)
        print(_("The damaged file was kept as {path}.").format(path=kept))
        print(_("Restored from {path}.").format(path=args.file))
        return EXIT_OK
    try:
        db, saved = restore_from(db, source, contents=contents)
        if saved is not None:
            print(_("The previous data was saved to {path}.").format(path=saved))
        print(_("Restored from {path}.").format(path=args.file))
        return EXIT_OK
    finally:
        db.close()


def _confirmed(question: str) -> bool:
    """A yes from the person at the terminal; without one (a script), no."""
    if not sys.stdin.isatty():
        raise RefusedError(_("{question} Add --yes to answer yes without being asked.").format(
            question=question))
    answer = input(f"{question} [{_('y')}/{_('N')}] ").strip().casefold()
    return answer in {_("y").casefold(), _("yes").casefold(), "y", "yes"}


def _guide(args) -> int:
    from exports.pdf.guide import write_guide
    from secretariat.errors import ValidationError
    from secretariat.file_targets import typed_target

    target = typed_target(args.output)
    if target.suffix.lower() != ".pdf":
        raise ValidationError(_("This document is written as PDF: give a file name ending "
                                "in .pdf."))
    target = write_guide(target)
    print(_("User guide written to {path}.").format(path=target))
    return EXIT_OK


def _unlock(args) -> int:
    from secretariat.cli.app_session import unlock

    holder = unlock(args.db)
    if holder is None:
        print(_("The database was not locked."))
    else:
        print(_("The lock of {user} on {host} was broken.").format(user=holder.user,
                                                                   host=holder.host))
    return EXIT_OK


def _demo(db, args) -> int:
    from secretariat.demo import fill_demo

    if args.scale < 0:
        return _fail(_("--scale must be 0 or more."), EXIT_USAGE)
    summary = fill_demo(db, scale=args.scale)
    print(_("Demo data written to {db}: {meetings} meetings, {commitments} commitments, "
            "{follow_ups} follow-ups.").format(db=db.display_name(), meetings=summary.meetings,
                                               commitments=summary.commitments,
                                               follow_ups=summary.follow_ups))
    return EXIT_OK


def _check(args) -> int:
    from models.engine import sqlite_file
    from secretariat.storage.check import check_database
    from secretariat.storage.database import DamagedDatabaseError, open_database
    from secretariat.storage.paths import database_url

    path = sqlite_file(database_url(args.db))
    if path is not None and not path.exists():
        raise DatabaseProblem(_("There is no database at {path}.").format(path=path))
    try:
        db = open_database(args.db, upgrade=False)
    except DamagedDatabaseError as damaged:
        print(_("PROBLEM: {problem}").format(problem=damaged.message))
        print(_("The database has problems."))
        return EXIT_FAILED
    try:
        report = check_database(db)
    finally:
        db.close()
    for line in report.facts:
        print(line)
    for line in report.problems:
        print(_("PROBLEM: {problem}").format(problem=line))
    print(_("The database is healthy.") if report.healthy else _("The database has problems."))
    return EXIT_OK if report.healthy else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
