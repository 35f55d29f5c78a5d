"""The one ruamel.yaml configuration of `planctl fmt`: parse round-trip, dump canonical."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, SequenceEndEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.reader import ReaderError

INDENT = 2
_NO_WRAP = 1 << 30
_MERGE_TAG = "tag:yaml.org,2002:merge"


class FormatError(ValueError):
    """The text cannot be formatted: not YAML, or not a mapping at the top level.

    `line` and `column` are 1-based, or None when the position is not known.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"{self.message} (line {self.line}, column {self.column})"


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
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
        node = yaml.compose(source)
        if not isinstance(node, MappingNode):
            line, column = _human_position(node)
            raise FormatError("the top level must be a mapping (key: value)", line, column)
        refuse_merge_keys(node)  # before constructing, which rewrites merged mappings
        data = yaml.constructor.construct_document(node)
    except MarkedYAMLError as error:
        raise _format_error(error) from None
    except ReaderError as error:  # a control character, say
        line, column = _line_and_column(source, error.position)
        raise FormatError(f"not valid YAML: {error.reason}", line, column) from None
    except YAMLError as error:
        raise FormatError(f"not valid YAML: {error}") from None
    return node, data


def _format_error(error: MarkedYAMLError) -> FormatError:
    mark = error.problem_mark or error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    if mark is None:
        return FormatError(f"not valid YAML: {message}")
    return FormatError(f"not valid YAML: {message}", mark.line + 1, mark.column + 1)


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
        for key_node, _ in node.value if isinstance(node, MappingNode) else ():
            if key_node.tag == _MERGE_TAG:
                line, column = _human_position(key_node)
                raise FormatError("merge keys (<<) are not supported", line, column)


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
