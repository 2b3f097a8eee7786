"""Workflow: a transition table per register and one `apply()` every entry point calls.

A register declares its allowed moves as data in `rules.py`:

    TRANSITIONS = transition_table(
        Transition("accept", "受理", {State.RECEIVED}, State.ACCEPTED),
        ...
    )

and its model mixes in `Workflow`, naming the table in `transitions`. Web views, the
API, imports and commands call `record.apply(action, by=user, on=day, **data)`; none sets
the state field. `apply()` checks the move, the user's right to write the record's unit
and the date, runs the model's `on_<action>(on=..., **data)` hook (which sets dates,
opens or closes deadlines), validates, saves and writes the audit entry — all in one
transaction, so a refused move changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context
from fazhi.core.models import Versioned
from fazhi.core.validators import future_message, is_future
from fazhi.org.scope import can_write_unit, unit_of


@dataclass(frozen=True)
class Transition:
    action: str
    label: str  # the button's text, in Chinese
    sources: frozenset[str]
    target: str | None  # None: the hook decides (e.g. "decide" → decided or terminated)
    # Extra inputs the action needs: name → Chinese label (the UI renders one field each).
    inputs: Mapping[str, str] = field(default_factory=dict)
    style: str = ""  # "danger" for moves that end a case

    def __init__(
        self, action: str, label: str, sources: set[str] | frozenset[str], target: str | None,
        inputs: Mapping[str, str] | None = None, style: str = "",
    ) -> None:
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "sources", frozenset(sources))
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "inputs", dict(inputs or {}))
        object.__setattr__(self, "style", style)


def transition_table(*moves: Transition) -> dict[str, Transition]:
    """A register's TRANSITIONS: its moves, keyed by their action (each action once)."""
    table = {move.action: move for move in moves}
    if len(table) != len(moves):
        raise ValueError("An action appears twice in a transition table.")
    return table


class TransitionNotAllowed(ValidationError):
    """The move is not allowed from this state, for this user, or with these data."""


def choice_input(raw: Any, choices: type[models.TextChoices], label: str) -> str:
    """A move's input that must be one of `choices`, given by its label (as the screen
    and the sheets show it) or by its code; anything else is refused, naming the options."""
    value = str(raw or "").strip()
    by_label = {str(name): code for code, name in choices.choices}
    if value in by_label:
        return by_label[value]
    if value in choices.values:
        return value
    raise TransitionNotAllowed(f"请选择{label}（可选：{'、'.join(by_label)}）。")


# ------------------------------------------------------------------ guards
# A guard is a check an app *above* a register declares on one of the register's moves
# (issue 21 point 7: the pre-issue check of a statutory document, which needs the
# analyzer, may not be imported by the register). The app registers it in its
# AppConfig.ready(); `apply()` runs every guard of the move after the model's hook (so
# the guard sees the data the move records, e.g. the document number) and refuses the
# move, with the guard's problems as the messages, while any remain. A screen that
# wants to show the problems before anyone tries calls `guard_problems()`.
# (record, action, the move's inputs) → problems in Chinese
Guard = Callable[[Any, str, Mapping[str, Any]], list[str]]
_GUARDS: dict[tuple[str, str], list[Guard]] = {}


def add_guard(model_label: str, action: str, guard: Guard) -> None:
    """Run `guard(record, action, inputs)` before `model_label`'s `action` move is saved (once per
    guard: registering the same function again is a no-op)."""
    guards = _GUARDS.setdefault((model_label.lower(), action), [])
    if guard not in guards:
        guards.append(guard)


def remove_guard(model_label: str, action: str, guard: Guard) -> None:
    guards = _GUARDS.get((model_label.lower(), action), [])
    if guard in guards:
        guards.remove(guard)


def has_guards(record: Any, action: str) -> bool:
    return bool(_GUARDS.get((record._meta.label_lower, action)))


def guard_problems(record: Any, action: str, data: Mapping[str, Any] | None = None) -> list[str]:
    """Every problem the guards of `action` find on `record` as it is now, with the move's
    inputs `data` ([] when none)."""
    problems: list[str] = []
    for guard in _GUARDS.get((record._meta.label_lower, action), []):
        problems += guard(record, action, data or {})
    return problems


class Workflow(Versioned):
    """Mixin for records with a workflow. Subclasses set `transitions` and `state`.

    It is `Versioned`: pass the version the user's page was loaded with as
    `expected_version` and a move made on a stale page is refused.
    """

    transitions: ClassVar[Mapping[str, Transition]] = {}
    state_field: ClassVar[str] = "state"
    # Moves made at most once (an extension, a 补正 notice), each with the date field that
    # records it: offered only while that date is empty.
    once_moves: ClassVar[Mapping[str, str]] = {}

    class Meta:
        abstract = True

    @property
    def current_state(self) -> str:
        return str(getattr(self, self.state_field))

    def allowed_actions(self, user: Any) -> list[Transition]:
        """The moves this user may make now: exactly the buttons the screen shows."""
        if not can_write_unit(user, unit_of(self)):
            return []
        return [t for t in self.transitions.values() if self.current_state in t.sources and self.action_available(t.action)]

    def action_available(self, action: str) -> bool:
        """Hook for conditions beyond the state; by default a move in `once_moves` is
        available until it has been made."""
        done_on = self.once_moves.get(action)
        return done_on is None or getattr(self, done_on) is None

    def last_event_date(self) -> date | None:
        """The latest date already recorded on this record; a move may not predate it."""
        return None

    def apply(
        self, action: str, *, by: Any, on: date, note: str = "", expected_version: int | None = None, **data: Any
    ) -> None:
        """Make the move or raise TransitionNotAllowed / ConcurrentEdit (Chinese messages)."""
        self.check_version(expected_version)
        transition = self.transitions.get(action)
        if transition is None:
            raise TransitionNotAllowed(f"未知操作：{action}")
        if self.current_state not in transition.sources:
            raise TransitionNotAllowed(
                f"当前状态为“{self.get_state_label()}”，不能执行“{transition.label}”。"
            )
        if not self.action_available(action):
            raise TransitionNotAllowed(f"当前不能执行“{transition.label}”。")
        if not can_write_unit(by, unit_of(self)):
            raise TransitionNotAllowed("您无权办理该单位的记录。")
        if not isinstance(on, date):
            raise TransitionNotAllowed("请填写办理日期。")
        if is_future(on):
            raise TransitionNotAllowed(future_message(on, "办理日期"))
        last = self.last_event_date()
        if last is not None and on < last:
            raise TransitionNotAllowed(f"办理日期{on:%Y-%m-%d}早于本案已登记的上一环节日期{last:%Y-%m-%d}。")
        snapshot = self.__dict__.copy()
        try:
            with transaction.atomic(), audit_context(user=by, action=Action.TRANSITION, verb=action, note=note):
                hook = self.move_hook(action)
                target = hook(on=on, by=by, note=note, **data) if hook is not None else None
                problems = guard_problems(self, action, data)
                if problems:
                    raise TransitionNotAllowed(
                        [f"不能{transition.label}，发现{len(problems)}处问题", *problems]
                    )
                new_state = target or transition.target
                if new_state is None:
                    raise TransitionNotAllowed(f"“{transition.label}”未确定办理结果。")
                setattr(self, self.state_field, new_state)
                self.full_clean()
                self.save()
                self.after_apply(action, on=on, by=by)
        except Exception:
            # The transaction rolled back; put the object back as it was too.
            self.__dict__.update(snapshot)
            raise

    def move_hook(self, action: str) -> Callable[..., str | None] | None:
        """The model's hook for a move, called with the move's date, user, note and inputs
        before the state changes: `on_<action>` where the model has one. It checks and
        records the inputs and may return the state the move leads to."""
        hook: Callable[..., str | None] | None = getattr(self, f"on_{action}", None)
        return hook

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        """Hook for side effects that need the saved record (deadlines, child rows)."""

    def get_state_label(self) -> str:
        getter = getattr(self, f"get_{self.state_field}_display", None)
        return getter() if getter else self.current_state


class Registered:
    """`Model.register(by=user, **fields)`: the one way a workflow record comes to be.

    The record starts in its state field's default whatever the fields say; the user must
    be able to write its unit (`registrar_field`, refused with `registrar_refusal`); it is
    validated, saved and audited in one transaction with `on_register`, the model's hook
    that opens the periods the law starts on receipt — so bad input writes nothing.
    """

    registrar_field: ClassVar[str] = "unit"
    registrar_refusal: ClassVar[str] = "您无权为该单位登记记录。"
    state_field: ClassVar[str]

    @classmethod
    def register(cls, *, by: Any, verb: str = "register", **fields: Any) -> Any:
        record = cls(**fields)
        record.save_registered(by, verb=verb)
        return record

    def save_registered(self, by: Any, *, verb: str = "register") -> None:
        """`register()` for a record already built (a form's or an import row's instance)."""
        self.check_registrar(by)
        state = self._meta.get_field(self.state_field)  # type: ignore[attr-defined]
        setattr(self, self.state_field, state.get_default())
        self.full_clean()  # type: ignore[attr-defined]
        with transaction.atomic(), audit_context(user=by, verb=verb):
            self.save()  # type: ignore[attr-defined]
            self.on_register(by)

    def check_registrar(self, by: Any) -> None:
        """Refuse a user who may not write the record's unit (a missing unit is left to
        `full_clean`, which names the field)."""
        name = self.registrar_field
        unit = getattr(self, name) if getattr(self, f"{name}_id", None) else None
        if unit is not None and not can_write_unit(by, unit):
            raise ValidationError({name: self.registrar_refusal})

    def on_register(self, by: Any) -> None:
        """Hook run after the first save, inside the transaction: by default the record's
        `open_deadlines()`, which an import runs too for each row it saves
        (`kit.xlsx.open_deadlines`)."""
        self.open_deadlines()

    def open_deadlines(self) -> None:
        """The periods the law starts for the record as registered (none by default)."""


class ReservedMoves:
    """Moves only the staff of another unit than the record's may make (the 复议机关's, the
    supervising office's): the model names that unit per action in `reserved_unit()`.

    Mix in before `Workflow`: the screen offers such a move only to that unit's staff and
    `apply()` refuses anyone else with `reserved_refusal()`.
    """

    transitions: ClassVar[Mapping[str, Transition]]

    def reserved_unit(self, action: str) -> Any:
        """The unit whose staff alone may make `action`, or None (the record's own staff)."""
        return None

    def reserved_refusal(self, label: str) -> str:
        return f"“{label}”须由{self.reserved_unit_name()}办理。"

    def reserved_unit_name(self) -> str:
        return "其他单位"

    def may(self, user: Any, action: str) -> bool:
        unit = self.reserved_unit(action)
        return unit is None or can_write_unit(user, unit)

    def allowed_actions(self, user: Any) -> list[Transition]:
        return [t for t in super().allowed_actions(user) if self.may(user, t.action)]  # type: ignore[misc]

    def apply(self, action: str, *, by: Any, on: date, note: str = "", **data: Any) -> None:
        if action in self.transitions and not self.may(by, action):
            raise TransitionNotAllowed(self.reserved_refusal(self.transitions[action].label))
        super().apply(action, by=by, on=on, note=note, **data)  # type: ignore[misc]
