"""Frozen records: frozen dataclasses whose methods are shared instead of generated per class.

``@dataclass(frozen=True)`` writes and compiles six methods for every class (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``): about 0.4 ms a
class, 8 ms of every ``python -m kit check`` for the format and params models. ``@record``
gives the same behaviour from one set of methods written once here: the class is still a
dataclass (``dataclasses.fields``, ``replace`` and ``asdict`` work, instances pickle), built
with ``init=False, repr=False, eq=False`` (0.07 ms), and :class:`Record` supplies

* ``__init__``: positional or keyword arguments in field order, defaults and
  ``default_factory``, then ``__post_init__`` if the class has one; the errors of a
  dataclass for missing or unexpected arguments;
* ``__eq__`` and ``__hash__`` over the fields with ``compare`` (``hash`` where set), only
  between instances of the same class;
* ``__repr__`` as a dataclass prints it;
* frozen ``__setattr__`` / ``__delattr__`` (``dataclasses.FrozenInstanceError``).
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


class Record:
    """Base of every ``@record`` class (see the module)."""

    __slots__ = ()
    _init_fields: tuple[tuple[str, Any, Any], ...] = ()  # (name, default, factory)
    _compared: tuple[str, ...] = ()
    _hashed: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec = self._init_fields
        if len(args) > len(spec):
            msg = f"{type(self).__name__}() takes {len(spec)} arguments but {len(args)} were given"
            raise TypeError(msg)
        put = object.__setattr__
        for (name, _, _), value in zip(spec, args, strict=False):
            if name in kwargs:
                msg = f"{type(self).__name__}() got multiple values for argument {name!r}"
                raise TypeError(msg)
            put(self, name, value)
        for name, default, factory in spec[len(args):]:
            if name in kwargs:
                put(self, name, kwargs.pop(name))
            elif default is not MISSING:
                put(self, name, default)
            elif factory is not MISSING:
                put(self, name, factory())
            else:
                msg = f"{type(self).__name__}() missing required argument: {name!r}"
                raise TypeError(msg)
        if kwargs:  # what is left matched no field
            msg = f"{type(self).__name__}() got an unexpected keyword argument {next(iter(kwargs))!r}"
            raise TypeError(msg)
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()

    def _values(self, names: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values(self._compared) == other._values(self._compared)

    def __hash__(self) -> int:
        return hash(self._values(self._hashed))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def _record(cls: type[T]) -> type[T]:
    """Make ``cls`` (a subclass of :class:`Record`) a frozen dataclass with the shared methods."""
    undocumented = not cls.__doc__
    if undocumented:  # else dataclass would describe it by inspect.signature of the shared __init__
        cls.__doc__ = cls.__name__
    made: Any = dataclass(init=False, repr=False, eq=False)(cls)
    all_fields = fields(made)
    if undocumented:
        made.__doc__ = f"{cls.__name__}({', '.join(f.name for f in all_fields if f.init)})"
    made._init_fields = tuple((f.name, f.default, f.default_factory) for f in all_fields if f.init)
    made._compared = tuple(f.name for f in all_fields if f.compare)
    made._hashed = tuple(f.name for f in all_fields
                         if (f.compare if f.hash is None else f.hash))
    made._shown = tuple(f.name for f in all_fields if f.repr)
    return made


if TYPE_CHECKING:
    from typing import dataclass_transform

    @dataclass_transform(frozen_default=True, eq_default=True)
    def record(cls: type[T]) -> type[T]:
        """Type checkers see a frozen dataclass (its ``__init__``, fields and ``replace``)."""
        ...
else:
    record = _record
