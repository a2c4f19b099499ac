"""An entity's page: every paragraph that names it (newest first), the entities named with it, the dates
mentioned beside it. Enter opens a paragraph in the reader, or another entity's page."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsgloss.store import DateMention, EntitySummary, Library, MentionHit, StoreError, visible
from newsgloss.tui.knowledge.rows import Rows, date_row, entity_row, mention_row
from newsgloss.tui.knowledge.screen import Opener
from newsgloss.tui.shared.editor import Editor
from newsgloss.tui.shared.key_line import KeyLine
from newsgloss.tui.shared.labels import label_words

PARAGRAPHS = 20  # listed at once, newest first; more as the cursor nears the end
DATES = 100


class EntityPage(Screen[None]):
    """Tab moves between the three lists; t shows this entity's timeline; a, m and h add a name for it,
    fold it into another entity, or hide it."""

    DEFAULT_CSS = """
    EntityPage #heading { height: auto; padding: 0 1; }
    EntityPage .caption { height: 1; padding: 0 1; text-style: bold; }
    EntityPage Rows { height: 1fr; border: round $primary 50%; }
    EntityPage Rows:focus { border: round $accent; }
    EntityPage #side { width: 40%; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to where you were", id="entity.back"),
        Binding("T", "timeline", "Timeline", tooltip="The dates mentioned beside this entity", id="entity.timeline"),
        Binding("a", "alias", "Also called…", tooltip="Another name of this entity", id="entity.alias"),
        Binding("M", "merge", "Fold into…", tooltip="This entity is part of another", id="entity.merge"),
        Binding("x", "export", "Export", tooltip="This page as a Markdown note, linked to the articles' notes",
                id="entity.export"),
        Binding("h", "hide", "Hide", tooltip="Never an entity: out of the index and the filters", id="entity.hide"),
    ]

    def __init__(self, library: Library, editor: Editor, opener: Opener, entity_id: int) -> None:
        super().__init__()
        self.library = library
        self.editor = editor
        self.opener = opener
        self.entity_id = entity_id
        self.entity: EntitySummary | None = None
        self.hits: list[MentionHit] = []
        self.others: list[EntitySummary] = []
        self.dates: list[DateMention] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="heading")
        with Horizontal():
            with Vertical():
                yield Static("Named in", classes="caption")
                yield Rows(id="paragraphs")
            with Vertical(id="side"):
                yield Static("Named with (paragraphs together)", classes="caption")
                yield Rows(id="together")
                yield Static("Dates beside it", classes="caption")
                yield Rows(id="dates")
        yield KeyLine()

    def on_mount(self) -> None:
        self.fill()
        self.set_focus(self.query_one("#paragraphs", Rows))

    def fill(self) -> None:
        """The entity and its newest paragraphs now; the entities named with it and the dates beside it
        from a worker (they read more of the library)."""
        knowledge = self.library.knowledge
        try:
            self.entity = knowledge.entity(self.entity_id)
            self.hits = knowledge.paragraphs(self.entity_id, PARAGRAPHS)
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        if self.entity is None:
            return
        self.query_one("#heading", Static).update(self._heading(self.entity))
        paragraphs = self.query_one("#paragraphs", Rows)
        self._put(paragraphs, [mention_row(hit, self.entity.label, paragraphs.highlights) for hit in self.hits])
        self._around()

    @work(thread=True, exclusive=True, exit_on_error=False, group="entity-page")
    def _around(self) -> None:
        library = Library.open(self.library.path, read_only=True)  # a connection of this thread's own
        try:
            together = library.knowledge.together(self.entity_id)
            dates = library.knowledge.timeline(entity_id=self.entity_id, limit=DATES)
        except StoreError:
            return
        finally:
            library.close()
        self.app.call_from_thread(self._show_around, together, dates)

    def _show_around(self, together: list[tuple[EntitySummary, int]], dates: list[DateMention]) -> None:
        self.others = [other for other, _ in together]
        rows = self.query_one("#together", Rows)
        self._put(rows, [entity_row(other, rows.highlights).append(f"  ×{count}") for other, count in together])
        self.dates = dates
        rows = self.query_one("#dates", Rows)
        self._put(rows, [date_row(row, rows.highlights) for row in dates])

    @on(OptionList.OptionHighlighted, "#paragraphs")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if self.entity is None or event.option_index < len(self.hits) - 5 or len(self.hits) % PARAGRAPHS:
            return
        try:
            more = self.library.knowledge.paragraphs(self.entity_id, PARAGRAPHS, len(self.hits))
        except StoreError:
            return
        rows, first = self.query_one("#paragraphs", Rows), len(self.hits)
        self.hits += more
        rows.add_options(Option(mention_row(hit, self.entity.label, rows.highlights), id=str(first + index))
                         for index, hit in enumerate(more))

    def _heading(self, entity: EntitySummary) -> Text:
        style_of = self.query_one("#paragraphs", Rows).highlights
        text = Text(visible(entity.name, newlines=False), style_of("title"), end="")
        text.append(f"  {label_words(entity.label)}", style_of("meta"))
        seen = entity.first_seen if entity.first_seen == entity.last_seen else \
            f"seen {entity.first_seen} to {entity.last_seen}"
        text.append(f"  ·  {entity.articles:,} article{'s' * (entity.articles != 1)}, {entity.mentions:,} mention"
                    f"{'s' * (entity.mentions != 1)}  ·  {seen}", style_of("meta"))
        if entity.aliases:
            text.append(f"\nalso called: {visible(', '.join(entity.aliases), newlines=False)}", style_of("meta"))
        return text

    @staticmethod
    def _put(rows: Rows, prompts: list[Text]) -> None:
        rows.clear_options()
        rows.add_options(Option(prompt, id=str(index)) for index, prompt in enumerate(prompts))
        if prompts:
            rows.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        if event.option_list.id == "paragraphs":
            hit = self.hits[index]
            self.opener(hit.article_id, hit.position)
        elif event.option_list.id == "dates":
            row = self.dates[index]
            self.opener(row.article_id, row.position)
        else:
            self.app.push_screen(EntityPage(self.library, self.editor, self.opener, self.others[index].id))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        if (path := self.editor.export_entity(self.entity_id)) is not None:
            self.notify(visible(f"Exported to {path}"), markup=False, timeout=6)

    def action_timeline(self) -> None:
        from newsgloss.tui.knowledge.timeline import Timeline

        if self.entity is not None:
            self.app.push_screen(Timeline(self.library, self.editor, self.opener, entity=self.entity))

    def _rule(self, action: str, typed: str | None) -> None:
        """Store an alias or merge rule from a name typed (nothing typed: nothing stored)."""
        if not typed or self.entity is None:
            return
        entity = self.entity
        if action == "alias":
            saved = self.editor.add_rule(typed, "alias", target=entity.name)
        else:
            saved = self.editor.add_rule(entity.name, "merge", entity.label, target=typed)
        if saved is not None:
            self.notify(visible(f"“{typed}” is {entity.name} from now on" if action == "alias"
                                else f"{entity.name} is part of “{typed}” from now on"), markup=False)
            self.fill()

    def action_alias(self) -> None:
        from newsgloss.tui.shared.ask import Ask

        if self.entity is not None:
            self.app.push_screen(Ask(f"Another name of {self.entity.name}", "the name, as articles write it"),
                                 lambda typed: self._rule("alias", typed))

    def action_merge(self) -> None:
        from newsgloss.tui.shared.ask import Ask

        if self.entity is not None:
            self.app.push_screen(Ask(f"{self.entity.name} is part of…", "the entity's name"),
                                 lambda typed: self._rule("merge", typed))

    def action_hide(self) -> None:
        if self.entity is not None and self.editor.add_rule(self.entity.name, "hide") is not None:
            self.notify(visible(f"{self.entity.name} is hidden from now on (newsgloss entities no longer lists it)"),
                        markup=False)
            self.dismiss(None)
