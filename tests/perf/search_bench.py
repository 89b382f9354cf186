"""Benchmark of the search issue: two-word searches, first page, on SQLite and PostgreSQL.

The target (issue 22): a two-word search over 100,000 commitments and 300,000 follow-ups
returns its first page in at most 100 ms. The words are chosen to be hard: common ones that
thousands of documents hold, one that few hold, and a pair never found together (the index
must look at every candidate to say "nothing").

PostgreSQL is timed on its own copy of the same synthetic data, built by `secretariat demo`
in a schema of its own (dropped afterwards), when the test server is reachable.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from secretariat.home.search import search
from secretariat.storage.database import open_database

TARGET_MS = 100
SEARCHES = ("koordinasi korban", "kegiatan capaian", "pemulangan banjar",
            "harmonisasi bagian", "posko sekolah")
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _worst_median_ms(db, repeats: int = 15) -> tuple[float, dict[str, float]]:
    medians = {}
    for words in SEARCHES:
        search(db, words)  # the first search warms the page cache, as the clerk's second does
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            search(db, words)
            timings.append((time.perf_counter() - start) * 1000)
        medians[words] = round(statistics.median(timings), 2)
    return max(medians.values()), medians


def sqlite_figures(path) -> dict:
    db = open_database(path)
    try:
        worst, medians = _worst_median_ms(db)
    finally:
        db.close()
    return {"search_sqlite_ms": worst, "search_sqlite_each_ms": medians}


def _postgres_url() -> str | None:
    url = os.environ.get("SECRETARIAT_TEST_PG", DEFAULT_PG_URL)
    if url.lower() in ("", "off", "0", "no"):
        return None
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception:
        return None
    return url


def postgres_figures(scale: int) -> dict:
    url = _postgres_url()
    if url is None:
        return {"search_postgresql_ms": None}
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    scoped_url = scoped.render_as_string(hide_password=False)
    try:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "secretariat", "--db", scoped_url, "demo",
                        "--scale", str(scale)], check=True, stdout=subprocess.DEVNULL)
        demo_seconds = round(time.perf_counter() - start, 1)
        db = open_database(scoped_url)
        try:
            worst, medians = _worst_median_ms(db)
        finally:
            db.close()
        return {"search_postgresql_ms": worst, "search_postgresql_each_ms": medians,
                "demo_postgresql_seconds": demo_seconds}
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
