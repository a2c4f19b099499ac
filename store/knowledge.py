"""The library as a knowledge base: entities and where they are named, the dates mentioned, the highlights.
Reading only; the rules that shape it are Library.add_rule's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsgloss.store.library import guarded
from newsgloss.store.models import DateMention, EntitySummary, Highlight, MentionHit, StoreError
from newsgloss.store.query import parse

if TYPE_CHECKING:
    from newsgloss.store.backend import Backend

UNITS = ("year", "month", "day")


class Knowledge:
    """What the library knows across articles (`library.knowledge`)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @guarded
    def entities(self, label: str | None = None, order: str = "count", contains: str = "", limit: int = 200,
                 offset: int = 0) -> list[EntitySummary]:
        """The entity index: every entity (aliases folded in, hidden ones left out) by number of articles
        (`order` "count") or by name, of one label or all, narrowed to names containing `contains`."""
        return self.backend.entities.index(label, order, contains, limit, offset)

    @guarded
    def count_entities(self, label: str | None = None, contains: str = "") -> int:
        return self.backend.entities.count(label, contains)

    @guarded
    def entity(self, entity_id: int) -> EntitySummary | None:
        return self.backend.entities.get(entity_id)

    @guarded
    def find(self, name: str) -> list[EntitySummary]:
        """The entities a name stands for (its own or an alias, any label), most named first."""
        return self.backend.entities.find(name)

    @guarded
    def paragraphs(self, entity_id: int, limit: int = 100, offset: int = 0) -> list[MentionHit]:
        """Every paragraph that names the entity, newest article first, with its names marked."""
        return self.backend.entities.paragraphs(entity_id, limit, offset)

    @guarded
    def together(self, entity_id: int, limit: int = 12) -> list[tuple[EntitySummary, int]]:
        """The entities named most often in the same paragraphs, with how many paragraphs."""
        return self.backend.entities.together(entity_id, limit)

    @guarded
    def timeline(self, query: str = "", entity_id: int | None = None, limit: int = 200,
                 offset: int = 0) -> list[DateMention]:
        """The dates mentioned in the articles matching `query` (in paragraphs naming the entity, when given),
        ordered by the date mentioned."""
        return self.backend.timeline(parse(query), entity_id, limit, offset)

    @guarded
    def timeline_count(self, query: str = "", entity_id: int | None = None) -> int:
        return self.backend.timeline_count(parse(query), entity_id)

    @guarded
    def timeline_bars(self, unit: str, query: str = "", entity_id: int | None = None) -> list[tuple[str, int]]:
        """How many dates are mentioned in each year, month or day (`unit`)."""
        if unit not in UNITS:
            raise ValueError(f"unit is one of {UNITS}")
        return self.backend.timeline_bars(parse(query), unit, entity_id)

    @guarded
    def highlights(self, query: str = "", limit: int = 200, offset: int = 0) -> list[Highlight]:
        """Every tagged or noted paragraph and article note of the articles matching `query`."""
        return self.backend.annotations.highlights(parse(query), limit, offset)

    def export_entity(self, entity_id: int, folder: Path) -> Path:
        """Write the entity's page as a Markdown note into `folder`; returns the file."""
        from newsgloss.store.export import write_file
        from newsgloss.store.export_kb import entity_file_name, entity_markdown

        entity = self.entity(entity_id)
        if entity is None:
            raise StoreError(f"no entity with id {entity_id}")
        text = entity_markdown(entity, self.paragraphs(entity_id, 10_000), self.together(entity_id),
                               self.timeline(entity_id=entity_id, limit=10_000))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / entity_file_name(entity)
        write_file(path, text)
        return path

    def export_timeline(self, folder: Path, query: str = "", entity_id: int | None = None) -> Path:
        """Write the timeline (of `query`, beside the entity) as a Markdown table into `folder`."""
        from newsgloss.store.export import slug, write_file
        from newsgloss.store.export_kb import timeline_markdown

        rows = self.timeline(query, entity_id, limit=100_000)
        entity = self.entity(entity_id) if entity_id is not None else None
        name = "-".join(part for part in ("timeline", slug(entity.name) if entity else "", slug(query)) if part)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.md"
        write_file(path, f"# Timeline{': ' + query if query else ''}\n\n" + timeline_markdown(rows))
        return path
