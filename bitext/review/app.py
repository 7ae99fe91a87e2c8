"""The review in a terminal: a Textual view over a :class:`ReviewSession`.

Everything the keys do is a method of the session; this module lays out what
:mod:`bitext.review.view` draws and asks the two questions a key can raise (the new
English figure, and whether to quit without saving). It is the one module of bitext that
imports Textual, and only ``bitext review`` imports it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from bitext.model import BitextError
from bitext.review import view
from bitext.review.session import Refused, ReviewSession


class EditScreen(ModalScreen[str | None]):
    """The English figure in an input line: Enter applies it, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, figure: str, now: str) -> None:
        super().__init__()
        self.figure = figure
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                f"The English figure “{self.figure}” becomes (Enter applies, Escape cancels):"
            )
            yield Input(self.now, id="figure")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuitScreen(ModalScreen[bool]):
    """Quit without saving? y quits, n (or Escape) goes back to the review."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "quit without saving"),
        Binding("n,escape", "answer(False)", "stay"),
    ]

    def __init__(self, unsaved: str) -> None:
        super().__init__()
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Unsaved: {self.unsaved}. Quit without saving? (y: quit, n: stay)")

    def action_answer(self, quit_: bool) -> None:
        self.dismiss(quit_)


class DiffScreen(ModalScreen[None]):
    """What saving would change in the file, as a unified diff; Escape or d closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,d,q", "close", "close")]

    def __init__(self, diff: str) -> None:
        super().__init__()
        self.diff = diff

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(view.diff_text(self.diff), id="diff")
            yield Label("Escape or d closes.")

    def action_close(self) -> None:
        self.dismiss(None)


class ReviewApp(App[None]):
    """The review of one file: the pair side by side, the finding, the keys."""

    TITLE = "bitext review"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    #header { background: $primary; color: $text; padding: 0 1; }
    #pair-title { padding: 1 1 0 1; }
    #pair { height: 1fr; }
    .side { width: 1fr; border: round $secondary; padding: 0 1; }
    #context-box { height: 1fr; border: round $secondary; padding: 0 1; display: none; }
    #finding, #suggestion { padding: 0 1; }
    #message { padding: 0 1; color: $warning; height: 2; }
    EditScreen, QuitScreen, DiffScreen { align: center middle; }
    DiffScreen #dialog { height: 80%; }
    #dialog { width: 80%; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "next", "next"),
        Binding("p,left", "previous", "previous"),
        Binding("f", "fix", "fix"),
        Binding("e", "edit", "edit"),
        Binding("a", "accept", "accept"),
        Binding("i", "accept('inline')", "inline"),
        Binding("b", "accept('baseline')", "baseline"),
        Binding("u", "undo", "undo"),
        Binding("d", "diff", "diff"),
        Binding("s", "save", "save"),
        Binding("q", "quit_review", "quit"),
        Binding("ctrl+q", "quit_review", "quit", show=False, priority=True),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        yield Static(id="pair-title")
        with Horizontal(id="pair"):
            with VerticalScroll(classes="side", id="zh-box") as zh:
                zh.border_title = "中文"
                yield Static(id="zh")
            with VerticalScroll(classes="side", id="en-box") as en:
                en.border_title = "English"
                yield Static(id="en")
        with VerticalScroll(id="context-box") as context:
            context.border_title = "Text"
            yield Static(id="context")
        yield Static(id="finding")
        yield Static(id="suggestion")
        yield Static(id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Draw the finding on screen and the last message."""
        session = self.session
        self.query_one("#header", Static).update(view.header(session))
        self.query_one("#pair-title", Static).update(view.pair_title(session))
        paired = view.pair_of(session) is not None
        self.query_one("#pair").display = paired
        self.query_one("#context-box").display = not paired
        if paired:
            self.query_one("#zh", Static).update(view.side_text(session, "zh"))
            self.query_one("#en", Static).update(view.side_text(session, "en"))
        else:
            self.query_one("#context", Static).update(view.context_text(session))
        self.query_one("#finding", Static).update(view.finding_line(session))
        self.query_one("#suggestion", Static).update(view.suggestion_line(session))
        self.query_one("#message", Static).update(self.message)

    def say(self, message: str) -> None:
        self.message = message
        self.refresh_view()

    # --- the keys ----------------------------------------------------------------------

    def action_next(self) -> None:
        moved = self.session.next()
        self.say("" if moved else "this is the last finding")

    def action_previous(self) -> None:
        moved = self.session.previous()
        self.say("" if moved else "this is the first finding")

    def action_fix(self) -> None:
        try:
            edit = self.session.apply_fix()
        except Refused as exc:
            self.say(f"no fix: {exc}")
            return
        self.say(f"fixed: “{edit.new}”")

    def action_edit(self) -> None:
        figure = self.session.current.en
        if figure is None:
            self.say("this finding has no English figure to edit")
            return
        self.push_screen(EditScreen(figure.text, self.session.figure_text()), self._edited)

    def _edited(self, text: str | None) -> None:
        if text is None:
            self.say("edit cancelled")
            return
        try:
            edit = self.session.edit_figure(text)
        except Refused as exc:
            self.say(str(exc))
            return
        self.say(f"edited: “{text}”" if edit is not None else "back to the file's figure")

    def action_accept(self, to: str | None = None) -> None:
        try:
            where = self.session.accept(to)
        except Refused as exc:
            self.say(f"not accepted: {exc}")
            return
        place = "an ignore comment" if where == "inline" else str(self.session.baseline)
        self.say(f"accepted: goes to {place} when saved")

    def action_undo(self) -> None:
        undone = self.session.undo()
        self.say("nothing to undo" if undone is None else f"undone: {undone.kind}")

    def action_diff(self) -> None:
        diff = self.session.diff()
        if not diff:
            self.say("nothing to save: the file stays as it is")
            return
        self.push_screen(DiffScreen(diff))

    def action_save(self) -> None:
        try:
            self.say(self.session.save())
        except (Refused, BitextError) as exc:
            self.say(f"not saved: {exc}")

    def action_quit_review(self) -> None:
        if not self.session.dirty:
            self.exit()
            return
        counts = self.session.counts()
        unsaved = ", ".join(f"{n} {state}" for state, n in counts.items()) or "an undone change"
        self.push_screen(QuitScreen(unsaved), self._answered)

    def _answered(self, quit_: bool | None) -> None:
        if quit_:
            self.exit()
        else:
            self.say("")
