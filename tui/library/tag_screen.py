"""Managing tags (`#`): every tag with its key and how much it is used; rename, merge, delete, move to a key.
Each change is one undo step (z on the main screen)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsgloss.store import Library, StoreError, TagCount, visible
from newsgloss.tui.shared.ask import Ask, Confirm
from newsgloss.tui.shared.dialog import Dialog
from newsgloss.tui.shared.editor import Editor


class TagScreen(Dialog[None]):
    DEFAULT_CSS = """
    TagScreen > #frame { width: 76; }
    TagScreen OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="tag_screen.close"),
        Binding("r", "rename", "Rename", id="tag_screen.rename"),
        Binding("m", "merge", "Merge into…", id="tag_screen.merge"),
        Binding("d,delete", "delete", "Delete", id="tag_screen.delete"),
        Binding("k", "key", "Key…", id="tag_screen.key"),
    ]

    def __init__(self, library: Library, editor: Editor) -> None:
        super().__init__("Tags", "r rename · m merge into another · d delete · k put on a key · Esc close")
        self.library = library
        self.editor = editor
        self.tags: list[TagCount] = []

    def body(self) -> Iterable[Widget]:
        yield OptionList(id="tag-counts")

    def on_mount(self) -> None:
        self._fill()
        self.set_focus(self.query_one(OptionList))

    def _fill(self, keep: int | None = None) -> None:
        try:
            self.tags = self.library.curation.tags()
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        options = self.query_one(OptionList)
        options.clear_options()
        for tag in self.tags:
            line = (f"{tag.key if tag.key else '-'}  {visible(tag.name, newlines=False)[:30]:<30} "
                    f"{tag.paragraphs:>6} ¶ in {tag.articles:>6} article(s)")
            options.add_option(Option(Text(line, end=""), id=str(tag.id)))
        if self.tags:
            options.highlighted = min(keep or 0, len(self.tags) - 1)

    @property
    def current(self) -> TagCount | None:
        index = self.query_one(OptionList).highlighted
        return self.tags[index] if index is not None and index < len(self.tags) else None

    def _changed(self, done: object) -> None:
        if done:
            self._fill(self.query_one(OptionList).highlighted)

    def action_rename(self) -> None:
        if (tag := self.current) is None or not self.editor.can_write():
            return

        def named(name: str | None) -> None:
            if name:
                self._changed(self.editor.rename_tag(tag, name))

        self.app.push_screen(Ask(f"Rename the tag {visible(tag.name, newlines=False)} to…", "new name", tag.name),
                             named)

    def action_merge(self) -> None:
        if (tag := self.current) is None or not self.editor.can_write():
            return

        def into(name: str | None) -> None:
            target = next((t for t in self.tags if name and t.name.casefold() == name.casefold()), None)
            if name and target is None:
                self.notify(visible(f"No tag {name}"), severity="warning", markup=False)
            elif target is not None:
                self._changed(self.editor.merge_tags(tag, target) is not None)

        self.app.push_screen(Ask(f"Merge {visible(tag.name, newlines=False)} into which tag?", "its name"), into)

    def action_delete(self) -> None:
        if (tag := self.current) is None or not self.editor.can_write():
            return
        if not tag.paragraphs:
            self._changed(self.editor.delete_tag(tag) is not None)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._changed(self.editor.delete_tag(tag) is not None)

        self.app.push_screen(Confirm(
            f"Delete the tag {visible(tag.name, newlines=False)}?",
            f"It is on {tag.paragraphs} paragraph(s) in {tag.articles} article(s); they lose it (z undoes it)."),
            answered)

    def action_key(self) -> None:
        if (tag := self.current) is None or not self.editor.can_write():
            return

        def keyed(text: str | None) -> None:
            if text is not None and text.isdigit() and len(text) == 1:
                self._changed(self.editor.set_tag_key(tag, int(text)))
            elif text:
                self.notify("A key is one digit, 1 to 9 (0: none)", severity="warning", markup=False)

        self.app.push_screen(Ask(f"Put {visible(tag.name, newlines=False)} on which number key?", "1-9, 0 for none"),
                             keyed)
