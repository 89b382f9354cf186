"""`secretariat search WORDS...`: the search box of the program, on the command line."""

from __future__ import annotations

import json

from secretariat.cli.listing import _print_table
from secretariat.home.search import SearchHit, SearchKind, search
from secretariat.i18n import _

EXIT_OK, EXIT_NOTHING = 0, 1
_KIND_LABELS = {SearchKind.AGENCY: "Agency", SearchKind.MEETING: "Meeting",
                SearchKind.COMMITMENT: "Commitment"}


def _record(hit: SearchHit) -> dict:
    return {"kind": hit.kind.value, "id": hit.id, "title": hit.title,
            "subtitle": hit.subtitle, "date": hit.when.isoformat() if hit.when else None,
            "matched": list(hit.matched), "excerpt": hit.excerpt}


class _Line:
    """One hit as the table printer wants it: attributes named as its columns."""

    def __init__(self, hit: SearchHit) -> None:
        self.kind = _(_KIND_LABELS[hit.kind])
        self.id = hit.id
        self.title = hit.title
        self.matched = ", ".join(hit.matched)


def run_search(db, args) -> int:
    text = " ".join(args.words)
    results = search(db, text, limit=args.limit)
    if args.json:
        print(json.dumps({"text": text, "hits": [_record(hit) for hit in results.hits],
                          "truncated": sorted(kind.value for kind in results.truncated)},
                         ensure_ascii=False, indent=2))
        return EXIT_OK if results.hits else EXIT_NOTHING
    if not results.hits:
        print(_("Nothing found. Check the spelling, or search for fewer or shorter words."))
        return EXIT_NOTHING
    _print_table([_Line(hit) for hit in results.hits],
                 [("kind", _("Kind")), ("id", "ID"), ("title", _("Found")),
                  ("matched", _("Matching words"))])
    if results.truncated:
        print(_("Only the first {limit} of each kind are shown; add a word to narrow "
                "the search.").format(limit=args.limit))
    return EXIT_OK
