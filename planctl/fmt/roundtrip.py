"""The one ruamel.yaml configuration of `planctl fmt`: parse round-trip, dump canonical."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, SequenceEndEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from planctl.errors import FormatError, Unfaithful
from planctl.i18n import _
from planctl.yamlio.events import resolve_plain
from planctl.yamlio.parser_words import parser_message

INDENT = 2
_NO_WRAP = 1 << 30
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _UnrealDate(str):
    """A date as written that names no day (`2012-04-31`): kept as its text, written plain.

    `planctl validate` reports it (impossible-date); the formatter keeps it as it is.
    """


class _Constructor(RoundTripConstructor):
    def construct_unreal_aware_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return self.construct_yaml_timestamp(node, values)
        except ValueError:  # no such day: the datetime module refuses it
            return _UnrealDate(node.value)


class _Representer(RoundTripRepresenter):
    def represent_unreal_date(self, data: _UnrealDate) -> Any:
        # Tagged as the timestamp it looks like, so it is written plain, not quoted.
        return self.represent_scalar(_TIMESTAMP_TAG, str(data))


_Constructor.add_constructor(_TIMESTAMP_TAG, _Constructor.construct_unreal_aware_timestamp)
_Representer.add_representer(_UnrealDate, _Representer.represent_unreal_date)


_TAGS_OF: dict[type, str] = {  # bool before int: True is an int too
    type(None): "tag:yaml.org,2002:null",
    bool: "tag:yaml.org,2002:bool",
    int: "tag:yaml.org,2002:int",
    float: "tag:yaml.org,2002:float",
    str: "tag:yaml.org,2002:str",
}


class _LoaderResolver(VersionedResolver):
    """Plain scalars resolved as the loader resolves them (YAML 1.2 core, dates as text),
    whatever `%YAML` directive the file has: under `%YAML 1.1` ruamel would read `no` as
    false and `-0x1` as a number, and write them back so."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0] and value != "<<":  # merge keys are refused
            try:
                resolved = resolve_plain(value) if value else None
            except ValueError:  # a number too long to convert: the loader refuses it
                resolved = value
            kind_of = next(k for k in _TAGS_OF if isinstance(resolved, k))
            return Tag(suffix=_TAGS_OF[kind_of])
        return super().resolve(kind, value, implicit)


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _LoaderResolver
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.indent(mapping=INDENT, sequence=2 * INDENT, offset=INDENT)
    yaml.width = _NO_WRAP
    yaml.allow_unicode = True
    return yaml


def parse(source: str) -> tuple[MappingNode, CommentedMap]:
    """The node tree (it has the positions) and the data built from it (what is dumped)."""
    yaml = _new_yaml()
    try:
        with warnings.catch_warnings():  # ruamel's advice on YAML 1.1 floats, say
            warnings.simplefilter("ignore")
            node, data = _compose_and_construct(yaml, source)
    except FormatError:
        raise
    except MarkedYAMLError as error:
        raise _format_error(error) from None
    except ReaderError as error:  # a control character, say
        line, column = _line_and_column(source, error.position)
        raise FormatError(
            _("not valid YAML: {reason}").format(reason=error.reason), line, column
        ) from None
    except YAMLError as error:
        raise FormatError(_("not valid YAML: {reason}").format(reason=error)) from None
    except (ValueError, TypeError, AssertionError, KeyError, AttributeError) as error:
        # The loader read the file; ruamel, which fmt rewrites it with, cannot.
        raise Unfaithful(
            _("fmt cannot rewrite this file faithfully ({reason})").format(reason=error)
        ) from None
    return node, data


def _compose_and_construct(yaml: YAML, source: str) -> tuple[MappingNode, CommentedMap]:
    node = yaml.compose(source)
    if not isinstance(node, MappingNode):
        line, column = _human_position(node)
        raise FormatError(
            _("the top level must be a mapping (key: value)"), line, column, rule="schema"
        )
    refuse_merge_keys(node)  # before constructing, which rewrites merged mappings
    data = yaml.constructor.construct_document(node)
    return node, data


def _format_error(error: MarkedYAMLError) -> FormatError:
    mark = error.problem_mark or error.context_mark
    message = parser_message(error.problem or "", error.context)
    if mark is None:
        return FormatError(_("not valid YAML: {reason}").format(reason=message))
    return FormatError(
        _("not valid YAML: {reason}").format(reason=message), mark.line + 1, mark.column + 1
    )


def _line_and_column(source: str, index: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, index) + 1
    return source.count("\n", 0, index) + 1, index - line_start + 1


def _human_position(node: Node | None) -> tuple[int | None, int | None]:
    if node is None:
        return None, None
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Emitter(RoundTripEmitter):
    """ruamel.yaml's emitter, with the line after a commented flow collection fixed.

    A comment after `]` or `}` ends the line, but ruamel (0.19) then leaves a pending
    "no newline" in place when the list's key had a comment too (`progress:  # …`),
    and the next item's keys run together on one line.
    """

    def write_post_comment(self, event: Any) -> bool:
        written: bool = super().write_post_comment(event)
        if written and isinstance(event, MappingEndEvent | SequenceEndEvent):
            self.no_newline = False
        return written


def dump(data: CommentedMap) -> str:
    stream = io.StringIO()
    _new_yaml().dump(data, stream)
    return stream.getvalue()


def refuse_merge_keys(root: Node) -> None:
    # Merged keys are not in the file as written; reordering them would change the file.
    for node in all_nodes(root):
        for key_node, _value in node.value if isinstance(node, MappingNode) else ():
            if key_node.tag == _MERGE_TAG:
                line, column = _human_position(key_node)
                raise FormatError(
                    _("merge keys (<<) are not supported"), line, column, rule="schema"
                )


def all_nodes(root: Node) -> Iterator[Node]:
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:  # an alias is the same node object again
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, MappingNode):
            todo.extend(part for pair in node.value for part in pair)
