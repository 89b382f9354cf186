"""The user guide (Panduan Pengguna): its parts, read from the Markdown files shipped in
resources/guide.

The clerks read Indonesian, so the guide is written in Indonesian only, whatever language
the screens speak. Each file is one part, named `NN-key.md` (the number orders them, the
key names the part: F1 on a page opens the part of its key); its first line is the part's
title (`# Memulai`). The text keeps to a small Markdown that both the guide window (Qt's
own Markdown) and the PDF writer read: `##` sub-headings, paragraphs, `-` and `1.` lists
(continued by indented lines), `**bold**`, `` `command` `` and links to other parts,
`[Rapat](#rapat)`. This module parses that into blocks, so the PDF needs no Markdown
library, and checks it, so a slip in a file fails the tests rather than the clerk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

TITLE = "Panduan Pengguna"
_NAME = re.compile(r"^(\d{2})-([a-z][a-z-]*)\.md$")
_ITEM = re.compile(r"^(?:(-)|(\d{1,2})\.)\s+(.*)$")
LINK = re.compile(r"\[([^\]]+)\]\(#([a-z_]+)\)")


@dataclass(frozen=True)
class Block:
    """One block of a part: a sub-heading, a paragraph, or a list with its items."""

    kind: str  # "heading", "paragraph", "bullets", "numbered"
    lines: tuple[str, ...]  # the heading or paragraph as one line; a list, one per item


@dataclass(frozen=True)
class GuideSection:
    key: str
    title: str
    markdown: str  # the whole file, title included, for the guide window
    blocks: tuple[Block, ...]  # the body after the title, for the PDF

    def links(self) -> list[str]:
        """The keys of the parts this one points to."""
        return [target for _text, target in LINK.findall(self.markdown)]


class GuideError(ValueError):
    """A guide file that breaks the format above (a programmer's slip, caught by tests)."""


def _folder():
    return files("resources") / "guide"


@cache
def guide_sections() -> tuple[GuideSection, ...]:
    """Every part of the guide, in order."""
    found = []
    for entry in sorted(_folder().iterdir(), key=lambda e: e.name):
        named = _NAME.match(entry.name)
        if not named:
            continue
        found.append(parse_section(named.group(2).replace("-", "_"),
                                   entry.read_text(encoding="utf-8")))
    keys = [section.key for section in found]
    if len(set(keys)) != len(keys):
        raise GuideError(f"two guide parts share a key: {keys}")
    for section in found:
        for target in section.links():
            if target not in keys:
                raise GuideError(f"{section.key} links to a part that does not exist: {target}")
    return tuple(found)


def guide_section(key: str) -> GuideSection:
    """The part of `key`; the first part (Memulai) for a key the guide does not know."""
    sections = guide_sections()
    return next((s for s in sections if s.key == key), sections[0])


def parse_section(key: str, markdown: str) -> GuideSection:
    lines = markdown.strip().splitlines()
    if not lines or not lines[0].startswith("# "):
        raise GuideError(f"guide part {key} does not start with its title ('# …')")
    title = lines[0][2:].strip()
    return GuideSection(key=key, title=title, markdown=markdown.strip() + "\n",
                        blocks=tuple(_blocks(lines[1:], key)))


def _blocks(lines: list[str], key: str) -> list[Block]:
    blocks: list[Block] = []
    kind = ""  # the block being read, and its lines
    parts: list[str] = []

    def close() -> None:
        nonlocal kind, parts
        if parts:
            blocks.append(Block(kind, tuple(parts)))
        kind, parts = "", []

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            close()
            continue
        if line.startswith("#"):
            if not line.startswith("## "):
                raise GuideError(f"guide part {key}: only '## ' sub-headings: {line!r}")
            close()
            blocks.append(Block("heading", (line[3:].strip(),)))
            continue
        item = _ITEM.match(line)
        if item:
            item_kind = "bullets" if item.group(1) else "numbered"
            if kind != item_kind:
                close()
                kind = item_kind
            parts.append(item.group(3).strip())
        elif kind in ("bullets", "numbered") and raw.startswith(" "):
            parts[-1] += " " + line.strip()  # an item's continued line
        elif kind == "paragraph":
            parts[-1] += " " + line.strip()
        else:
            close()
            kind, parts = "paragraph", [line.strip()]
    close()
    return blocks
