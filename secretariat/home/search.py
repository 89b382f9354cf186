"""The search box: agencies, meetings and commitments whose written text holds the words.

Every word typed must start a word of the record's text, ignoring case and accents, so
"rakor banjarbaru" finds the rakor held in Banjarbaru and "harmoni" finds "harmonisasi".
A record's text is all a clerk writes about it (models.search_index): an agency with its
contact people, a meeting with its kind's everyday names, agenda and minutes, a commitment
with its follow-ups, obstacles and evidence file names. Each kind returns at most `limit`
hits, the most recently recorded first, and says whether it left some out, so the screen can
ask for a narrower search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from models import Agency, Commitment, Meeting, TaskForce
from secretariat.home.search_index_query import matching_documents
from secretariat.home.search_words import excerpt, matched_words, search_words
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
    matched: tuple[str, ...] = ()  # the record's words the search words start
    excerpt: str = ""  # a few words around the first of them


@dataclass(frozen=True)
class SearchResults:
    text: str
    hits: tuple[SearchHit, ...]  # agencies, then meetings, then commitments
    truncated: frozenset[SearchKind]  # kinds with more hits than the limit

    def of_kind(self, kind: SearchKind) -> tuple[SearchHit, ...]:
        return tuple(hit for hit in self.hits if hit.kind is kind)


def _shorten(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def _agencies(session, ids: list[int]) -> list[tuple]:
    query = (
        select(Agency.id, Agency.abbreviation, Agency.name, Agency.active)
        .where(Agency.id.in_(ids))
        .order_by(Agency.active.desc(), Agency.abbreviation, Agency.id)
    )
    return [
        (agency_id, abbreviation,
         name if active else _("{name} (archived)").format(name=name), None)
        for agency_id, abbreviation, name, active in session.execute(query)
    ]


def _meetings(session, ids: list[int]) -> list[tuple]:
    query = (
        select(Meeting.id, Meeting.title, Meeting.date, Meeting.place, Meeting.status,
               TaskForce.name)
        .join(TaskForce, Meeting.task_force_id == TaskForce.id)
        .where(Meeting.id.in_(ids))
        .order_by(Meeting.starts_at_utc.desc(), Meeting.id.desc())  # the latest first
    )
    return [
        (meeting_id, title,
         " · ".join(part for part in (task_force, place, label(status)) if part), day)
        for meeting_id, title, day, place, status, task_force in session.execute(query)
    ]


def _commitments(session, ids: list[int]) -> list[tuple]:
    query = (
        select(Commitment.id, Commitment.number, Commitment.text, Commitment.status,
               Meeting.title, Meeting.date, Agency.abbreviation)
        .join(Meeting, Commitment.meeting_id == Meeting.id)
        .join(Agency, Commitment.lead_agency_id == Agency.id)
        .where(Commitment.id.in_(ids))
        .order_by(Meeting.starts_at_utc.desc(), Commitment.meeting_id.desc(),
                  Commitment.number)
    )
    return [
        (cid, _shorten(text),
         _("No. {number} of {meeting} · {lead} · {status}").format(
             number=number, meeting=meeting, lead=lead, status=label(status)), day)
        for cid, number, text, status, meeting, day, lead in session.execute(query)
    ]


_DESCRIBERS = ((SearchKind.AGENCY, _agencies), (SearchKind.MEETING, _meetings),
               (SearchKind.COMMITMENT, _commitments))


def search(db, text: str, *, limit: int = 50) -> SearchResults:
    """Agencies, meetings and commitments whose text holds every word of `text`."""
    words = search_words(text)
    if not words:
        return SearchResults(text, (), frozenset())
    hits: list[SearchHit] = []
    truncated: set[SearchKind] = set()
    with db.reading() as session:
        for kind, describe in _DESCRIBERS:
            # One row more than shown tells whether a kind has more hits, without counting.
            found = matching_documents(session, kind.value, words, limit + 1)
            if len(found) > limit:
                truncated.add(kind)
            bodies = dict(found[:limit])
            for record_id, title, subtitle, when in describe(session, list(bodies)):
                body = bodies[record_id]
                hits.append(SearchHit(kind, record_id, title, subtitle, when,
                                      matched_words(body, words), excerpt(body, words)))
    return SearchResults(text, tuple(hits), frozenset(truncated))
