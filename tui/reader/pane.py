"""The reader pane: the Reader view and what its keys do to the open article (tags, notes, corrections,
export, the link). Every change goes through the Editor; the pane then shows the article again."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message

from newsgloss.store import Article, Library, Span, StoreError, visible
from newsgloss.tui.reader.reader import Reader
from newsgloss.tui.settings import Preferences
from newsgloss.tui.shared.editor import Editor
from newsgloss.tui.shared.labels import label_words

MARK = "\x00mark"  # the entity list's "mark a missed entity" choice
REMOVE = "\x00remove"  # the label picker's "not an entity" choice
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


class ReaderPane(Vertical):
    """Holds the Reader and acts on its current paragraph; the keys work while the Reader has the focus."""

    BINDINGS = [
        *(Binding(str(n), f"toggle_tag({n})", f"Toggle tag {n}", show=False, id=f"reader.tag{n}")
          for n in range(1, 10)),
        Binding("t", "pick_tag", "Tag…", tooltip="Tag the paragraph (pick a tag or name a new one)",
                id="reader.pick_tag"),
        Binding("n", "note", "Note ¶", tooltip="Write a note on the paragraph", id="reader.note"),
        Binding("N", "article_note", "Article note", tooltip="Write a note on the article", id="reader.article_note"),
        Binding("e", "export", "Export", tooltip="Export the article to Markdown", id="reader.export"),
        Binding("u", "open_link", "Open link", tooltip="Open the article's link in the browser",
                id="reader.open_link"),
        Binding("c", "correct", "Correct entity", tooltip="Correct an entity of the paragraph",
                id="reader.correct"),
        Binding("m", "mark_entity", "Mark entity", tooltip="Mark words the model missed as an entity",
                id="reader.mark"),
        Binding("R", "rules", "Corrections", tooltip="List the entity corrections", id="reader.rules"),
        Binding("i", "entity_page", "Entity page", tooltip="The page of an entity of the paragraph",
                id="reader.entity_page"),
        Binding("v", "cycle_dates", "Dates: words, TIMEX3, none", show=False, id="reader.dates"),
    ]

    @dataclass
    class AnnotationsChanged(Message):
        """A tag or note of the open article changed (and is already saved)."""

        article_id: int

    @dataclass
    class EntityWanted(Message):
        """The reader asked for the page of an entity."""

        entity_id: int

    @dataclass
    class RulesChanged(Message):
        """Corrections were deleted: some articles wait to be annotated again."""

    def __init__(self, library: Library, editor: Editor, preferences: Preferences, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.editor = editor
        self.preferences = preferences

    def compose(self) -> ComposeResult:
        reader = Reader(id="reader")
        reader.dates = self.preferences.settings.dates
        reader.legend = self.preferences.settings.legend
        yield reader

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def article(self) -> Article | None:
        return self.reader.article

    # Showing -------------------------------------------------------------------

    def show(self, article_id: int, cursor: int = 0, scroll: bool = False) -> None:
        """Open an article (annotating it first, in the background, when its spans are not stored), the
        paragraph `cursor` current (and scrolled into view, with `scroll`)."""
        try:
            article = self.library.article(article_id)
        except StoreError as error:
            self.notify(visible(f"Cannot open the article: {error}"), severity="error", markup=False)
            return
        if scroll:
            self.reader.show_paragraph(article, cursor)
        else:
            self.reader.show(article, cursor)
        if not article.annotated:
            self.annotate_now(article_id)

    def _changed(self, position: int | None) -> None:
        """Show the open article again after a change to it, and say so."""
        article = self.article
        assert article is not None
        self.reader.show_paragraph(self.library.article(article.id), self.reader.cursor if position is None
                                   else position)
        self.post_message(self.AnnotationsChanged(article.id))

    @work(thread=True, exit_on_error=False, group="annotate-one")
    def annotate_now(self, article_id: int) -> None:
        library = Library.open(self.library.path)  # a connection of this thread's own
        try:
            library.annotate_article(article_id)
        finally:
            library.close()
        self.app.call_from_thread(self._annotated, article_id)

    def _annotated(self, article_id: int) -> None:
        if self.article and self.article.id == article_id:
            self.show(article_id, self.reader.cursor)

    # Tags ----------------------------------------------------------------------

    def _toggle(self, tag_id: int, name: str) -> None:
        article, position = self.article, self.reader.cursor
        assert article is not None
        on = self.editor.toggle_tag(article.id, position, tag_id)
        if on is None:
            return
        self._changed(position)
        self.notify(visible(f"{'Tagged' if on else 'Untagged'} ¶{position + 1}: {name}"), timeout=2, markup=False)

    def action_toggle_tag(self, key: int) -> None:
        if not self.editor.can_write():
            return
        if self.reader.paragraph is None:
            return
        named = self.preferences.settings.tags.get(key)  # the settings file may name the tag on a key
        tag = self.editor.create_tag(named) if named else self.library.tag_for_key(key)
        if tag is None:
            self.notify(f"No tag on key {key}; press t to create one.", severity="warning", markup=False)
            return
        self._toggle(tag.id, tag.name)

    def action_pick_tag(self) -> None:
        if not self.editor.can_write():
            return
        if (paragraph := self.reader.paragraph) is None:
            return
        from newsgloss.tui.reader.tag_picker import TagPicker

        self.app.push_screen(TagPicker(self.library.tags(), set(paragraph.tags)), self._picked)

    def _picked(self, name: str | None) -> None:
        if name and (tag := self.editor.create_tag(name)) is not None:
            self._toggle(tag.id, tag.name)

    # Notes ---------------------------------------------------------------------

    def _open_note(self, position: int | None, heading: str) -> None:
        assert self.article is not None
        if not self.editor.can_write():
            return
        article_id = self.article.id

        def save(body: str, base: str) -> str | None:
            return self.editor.set_note(article_id, position, body, base)

        def closed(_: object) -> None:
            if self.article and self.article.id == article_id:
                self._changed(position)
                if position is None:
                    self.reader.call_after_refresh(self.reader.scroll_home, animate=False)  # the article note

        from newsgloss.tui.reader.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(heading, self.library.note(article_id, position), save), closed)

    def action_note(self) -> None:
        if self.article and self.reader.paragraph:
            self._open_note(self.reader.cursor, f"Note on ¶{self.reader.cursor + 1} of “{self.article.title}”")

    def action_article_note(self) -> None:
        if self.article:
            self._open_note(None, f"Note on “{self.article.title}”")

    # The article as a whole ------------------------------------------------------

    def action_cycle_dates(self) -> None:
        """After each date: its meaning in words, its TIMEX3 value, or nothing (kept in the settings)."""
        order = ("words", "timex", "off")
        dates = order[(order.index(self.reader.dates) + 1) % len(order)] if self.reader.dates in order else "words"
        self.reader.dates = dates
        self.notify({"words": "Dates in words", "timex": "Dates as TIMEX3 values", "off": "Dates without values"}
                    [dates], timeout=2)
        if problem := self.preferences.change(dates=dates):
            self.notify(problem, severity="warning", markup=False)

    def action_open_link(self) -> None:
        from newsgloss.tui.reader.open_link import OpenLink, openable

        if not self.article or not self.article.url:
            self.notify("This article has no link.", severity="warning")
            return
        url = self.article.url
        if (reason := openable(url)) is not None:
            self.notify(f"Not opening: {reason}", severity="warning", markup=False)
            return
        width = max(int(self.app.size.width * 0.8) - 4, 20)  # the dialog is 80% wide
        self.app.push_screen(OpenLink(url, width), lambda yes: self.app.open_url(url) if yes else None)

    def action_export(self) -> None:
        if not self.article:
            self.notify("Open an article first.", severity="warning")
            return
        if (path := self.editor.export_article(self.article.id)) is not None:
            self.notify(visible(f"Exported to {path}"), markup=False, timeout=6)

    def action_entity_page(self) -> None:
        """The page of the paragraph's entity (a choice when it names several)."""
        if (paragraph := self.reader.paragraph) is None:
            return
        unique = {(s.text, s.label): s for s in paragraph.spans if s.label not in NOT_NAMES}
        if not unique:
            self.notify("This paragraph names no entity.", severity="warning")
            return
        if len(unique) == 1:
            self._entity_page(next(iter(unique.values())))
            return
        from newsgloss.tui.reader.entity_list import EntityList

        self.app.push_screen(EntityList(list(unique.values()), "Open the page of…", marking=False),
                             lambda choice: self._entity_page(choice) if isinstance(choice, Span) else None)

    def _entity_page(self, span: Span) -> None:
        found = self.library.knowledge.find(span.text)
        if not found:
            self.notify(visible(f"“{span.text}” is not an entity yet (annotation may still be running)."),
                        severity="warning", markup=False)
            return
        self.post_message(self.EntityWanted(found[0].id))

    # Corrections: each is a rule, stored and applied everywhere at once --------------

    def _save_rule(self, text: str, action: str, label: str = "") -> None:
        if (saved := self.editor.add_rule(text, action, label)) is None:
            return
        if self.article:
            self.show(self.article.id, self.reader.cursor)
        what = "not an entity" if action == "remove" else f"a {label_words(label)}"
        self.notify(visible(f"“{text}” is {what} from now on ({saved[1]} article(s) updated)"), markup=False)

    def action_correct(self) -> None:
        if not self.editor.can_write():
            return
        if (paragraph := self.reader.paragraph) is None:
            return
        from newsgloss.tui.reader.entity_list import EntityList

        unique = {(s.text, s.label): s for s in paragraph.spans if s.label not in NOT_NAMES}
        self.app.push_screen(EntityList(list(unique.values())), self._entity_chosen)

    def _entity_chosen(self, choice: Span | str | None) -> None:
        if choice == MARK:
            self.action_mark_entity()
        elif isinstance(choice, Span):
            from newsgloss.tui.reader.label_picker import LabelPicker

            picker = LabelPicker(f"“{choice.text}” is…", current=choice.label, removable=True)
            self.app.push_screen(picker, lambda label: self._relabelled(choice.text, label))

    def _relabelled(self, text: str, label: str | None) -> None:
        if label == REMOVE:
            self._save_rule(text, "remove")
        elif label:
            self._save_rule(text, "relabel", label)

    def action_mark_entity(self) -> None:
        if not self.editor.can_write():
            return
        if (paragraph := self.reader.paragraph) is not None:
            from newsgloss.tui.reader.word_selector import WordSelector

            self.app.push_screen(WordSelector(paragraph.text), self._words_chosen)

    def _words_chosen(self, words: str | None) -> None:
        if words:
            from newsgloss.tui.reader.label_picker import LabelPicker

            self.app.push_screen(LabelPicker(f"“{words}” is…"), lambda label: self._marked(words, label))

    def _marked(self, words: str, label: str | None) -> None:
        if label and label != REMOVE:
            self._save_rule(words, "add", label)

    def action_rules(self) -> None:
        if not self.editor.can_write():
            return
        from newsgloss.tui.reader.rules_screen import RulesScreen

        self.app.push_screen(RulesScreen(self.library.rules()), self._delete_rules)

    def _delete_rules(self, rule_ids: list[int] | None) -> None:
        deleted = [self.editor.delete_rule(rule_id) for rule_id in rule_ids or []]
        if any(count is not None for count in deleted):
            self.post_message(self.RulesChanged())
            if self.article:
                self.show(self.article.id, self.reader.cursor)
