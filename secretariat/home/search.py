"""The search box: agencies, meetings and commitments that contain the words typed.

Every word must occur (ignoring case) in one of the record's searched texts, so "rakor
banjarbaru" finds the rakor held in Banjarbaru. Characters such as `%` and `_` are taken
literally, not as SQL wildcards. Each kind returns at most `limit` hits and says whether
it left some out, so the screen can ask for a narrower search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import and_, or_, select

from models import Agency, Commitment, Meeting, TaskForce
from secretariat.i18n import _
from secretariat.vocabulary import label

# Long commitment texts are cut for the result line; the record itself shows them whole.
TITLE_LENGTH = 160


class SearchKind(StrEnum):
    AGENCY = "agency"
    MEETING = "meeting"
    COMMITMENT = "commitment"


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    id: int
    title: str
    subtitle: str
    when: date | None = None  # the meeting's date, for meetings and commitments


@dataclass(frozen=True)
class SearchResults:
    text: str
    hits: tuple[SearchHit, ...]  # agencies, then meetings, then commitments
    truncated: frozenset[SearchKind]  # kinds with more hits than the limit

    def of_kind(self, kind: SearchKind) -> tuple[SearchHit, ...]:
        return tuple(hit for hit in self.hits if hit.kind is kind)


def _words(text: str) -> list[str]:
    return text.split()


def _matching(words: list[str], *columns):
    """Each word in at least one of the columns; case-insensitive, wildcards literal."""
    return and_(*(or_(*(column.icontains(word, autoescape=True) for column in columns))
                  for word in words))


def _shorten(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def _agencies(session, words: list[str], limit: int) -> list[SearchHit]:
    query = (
        select(Agency.id, Agency.abbreviation, Agency.name, Agency.active)
        .where(_matching(words, Agency.abbreviation, Agency.name))
        .order_by(Agency.active.desc(), Agency.abbreviation, Agency.id)
        .limit(limit)
    )
    return [
        SearchHit(SearchKind.AGENCY, agency_id, abbreviation,
                  name if active else _("{name} (archived)").format(name=name))
        for agency_id, abbreviation, name, active in session.execute(query)
    ]


def _meetings(session, words: list[str], limit: int) -> list[SearchHit]:
    query = (
        select(Meeting.id, Meeting.title, Meeting.date, Meeting.place, Meeting.status,
               TaskForce.name)
        .join(TaskForce, Meeting.task_force_id == TaskForce.id)
        .where(_matching(words, Meeting.title, Meeting.place, Meeting.invitation_number))
        .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc())  # the latest first
        .limit(limit)
    )
    hits = []
    for meeting_id, title, day, place, status, task_force in session.execute(query):
        parts = [task_force, place, label(status)]
        hits.append(SearchHit(SearchKind.MEETING, meeting_id, title,
                              " · ".join(part for part in parts if part), day))
    return hits


def _commitments(session, words: list[str], limit: int) -> list[SearchHit]:
    query = (
        select(Commitment.id, Commitment.number, Commitment.text, Commitment.status,
               Meeting.title, Meeting.date, Agency.abbreviation)
        .join(Meeting, Commitment.meeting_id == Meeting.id)
        .join(Agency, Commitment.lead_agency_id == Agency.id)
        .where(_matching(words, Commitment.text, Commitment.action_plan))
        .order_by(Meeting.starts_at_utc.desc(), Commitment.meeting_id.desc(),
                  Commitment.number)
        .limit(limit)
    )
    hits = []
    for cid, number, text, status, meeting, day, lead in session.execute(query):
        subtitle = _("No. {number} of {meeting} · {lead} · {status}").format(
            number=number, meeting=meeting, lead=lead, status=label(status))
        hits.append(SearchHit(SearchKind.COMMITMENT, cid, _shorten(text), subtitle, day))
    return hits


def search(db, text: str, *, limit: int = 50) -> SearchResults:
    """Agencies, meetings and commitments containing every word of `text`."""
    words = _words(text)
    if not words:
        return SearchResults(text, (), frozenset())
    hits: list[SearchHit] = []
    truncated: set[SearchKind] = set()
    with db.reading() as session:
        # One row more than shown tells whether a kind has more hits, without counting.
        for kind, finder in ((SearchKind.AGENCY, _agencies), (SearchKind.MEETING, _meetings),
                             (SearchKind.COMMITMENT, _commitments)):
            found = finder(session, words, limit + 1)
            if len(found) > limit:
                truncated.add(kind)
            hits.extend(found[:limit])
    return SearchResults(text, tuple(hits), frozenset(truncated))
