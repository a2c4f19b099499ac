"""A new version of a stored article: its text is replaced and every tag and note follows its paragraph
(same fingerprint first, then the closest text); what cannot be placed is kept as an orphan."""

from __future__ import annotations

import json
import sqlite3
from difflib import SequenceMatcher

from store.db import now

CLOSE_ENOUGH = 0.6


def place(old: list[tuple[int, str, str]], new: list[tuple[str, str]], wanted: set[int]) -> dict[int, int]:
    """Map old positions (those in `wanted`) to new ones, one to one: fingerprint, then closest text."""
    mapping: dict[int, int] = {}
    free = {fp: [] for _, fp in new}
    for index, (_, fp) in enumerate(new):
        free[fp].append(index)
    for position, _, fp in old:
        if position in wanted and free.get(fp):
            mapping[position] = free[fp].pop(0)
    used = set(mapping.values())
    for position, text, _ in old:
        if position not in wanted or position in mapping:
            continue
        best, score = None, CLOSE_ENOUGH
        for index, (candidate, _) in enumerate(new):
            if index in used:
                continue
            matcher = SequenceMatcher(None, text, candidate, autojunk=False)
            if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score and matcher.ratio() >= score:
                best, score = index, matcher.ratio()
        if best is not None:
            mapping[position] = best
            used.add(best)
    return mapping


def carry_over(conn: sqlite3.Connection, article_id: int, new: list[tuple[str, str]]) -> None:
    """Move tags and notes of `article_id` onto its new paragraphs (before they replace the old ones)."""
    old = conn.execute("SELECT position, text, fingerprint FROM paragraphs WHERE article_id = ?",
                       [article_id]).fetchall()
    tags = conn.execute("SELECT position, tag_id, created_at FROM paragraph_tags WHERE article_id = ?",
                        [article_id]).fetchall()
    notes = conn.execute("SELECT position, body, created_at, updated_at FROM notes WHERE article_id = ? "
                         "AND position IS NOT NULL", [article_id]).fetchall()
    mapping = place(old, new, {p for p, *_ in tags} | {p for p, *_ in notes})
    conn.execute("DELETE FROM paragraph_tags WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM notes WHERE article_id = ? AND position IS NOT NULL", [article_id])
    for position, tag_id, created in tags:
        if position in mapping:
            conn.execute("INSERT INTO paragraph_tags VALUES (?, ?, ?, ?, ?)",
                         [article_id, mapping[position], tag_id, new[mapping[position]][1], created])
    for position, body, created, updated in notes:
        if position in mapping:
            conn.execute("INSERT INTO notes (article_id, position, fingerprint, body, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [article_id, mapping[position], new[mapping[position]][1],
                                                       body, created, updated])
    lost = sorted(({p for p, *_ in tags} | {p for p, *_ in notes}) - set(mapping))
    texts = {p: t for p, t, _ in old}
    names = dict(conn.execute("SELECT id, name FROM tags").fetchall())
    for position in lost:
        conn.execute(
            "INSERT INTO orphans (article_id, old_position, old_text, tags, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [article_id, position, texts.get(position, ""),
             json.dumps([names[t] for p, t, _ in tags if p == position]),
             next((body for p, body, *_ in notes if p == position), ""), now()],
        )
