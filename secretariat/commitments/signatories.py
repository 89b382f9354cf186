"""Who signs a commitment: the agencies and community bodies named on the joint sheet.

A new commitment is signed by its lead and supporting agencies unless the clerk names
others (any active agency or community body); the lists read the names back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select

from models import Agency, commitment_signatories

_CHUNK = 500  # ids per IN (...): well under every driver's limit on bound parameters


def default_signatories(lead_agency_id: int | None,
                        supporting_agency_ids: Iterable[int]) -> tuple[int, ...]:
    """Lead first, then the supporting agencies, each once."""
    first = [lead_agency_id] if lead_agency_id is not None else []
    return tuple(dict.fromkeys([*first, *supporting_agency_ids]))


def signatories_of(db, commitment_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Abbreviations of each commitment's signatories, by name; absent when none."""
    found: dict[int, list[str]] = {}
    ids = list(dict.fromkeys(commitment_ids))
    with db.reading() as session:
        for start in range(0, len(ids), _CHUNK):
            query = (select(commitment_signatories.c.commitment_id, Agency.abbreviation)
                     .join(Agency, commitment_signatories.c.agency_id == Agency.id)
                     .where(commitment_signatories.c.commitment_id.in_(ids[start:start + _CHUNK]))
                     .order_by(Agency.abbreviation))
            for commitment_id, abbreviation in session.execute(query):
                found.setdefault(commitment_id, []).append(abbreviation)
    return {commitment_id: tuple(names) for commitment_id, names in found.items()}
