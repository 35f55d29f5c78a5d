"""The YAML parsers' own English (libyaml's for validate, ruamel's for fmt: the same words),
in the user's language.

A parser says what it was doing ("while parsing a flow sequence") and what it found
("expected ',' or ']', but got '<stream end>'"). Both are matched here against the
parsers' fixed wordings; what matches is said again from the catalog, anything else
is shown as the parser wrote it.
"""

from __future__ import annotations

import re

from planctl.i18n import N_, ForeignWordings, _, either

# What the parser was reading, in the parsers' words (the English is theirs, unchanged).
_THINGS = {
    "simple key": N_("while scanning a simple key"),
    "quoted scalar": N_("while scanning a quoted scalar"),
    "block scalar": N_("while scanning a block scalar"),
    "plain scalar": N_("while scanning a plain scalar"),
    "alias": N_("while scanning an alias"),
    "anchor": N_("while scanning an anchor"),
    "tag": N_("while scanning a tag"),
    "directive": N_("while scanning a directive"),
    "block mapping": N_("while parsing a block mapping"),
    "block collection": N_("while parsing a block collection"),
    "flow sequence": N_("while parsing a flow sequence"),
    "flow mapping": N_("while parsing a flow mapping"),
    "node": N_("while parsing a node"),
    "block node": N_("while parsing a block node"),
    "flow node": N_("while parsing a flow node"),
}

# What it found, by the parsers' wording (their English is the message id).
_PROBLEMS = (
    (r"could not find expected ':'", N_("could not find expected ':'")),
    (r"mapping values are not allowed here", N_("mapping values are not allowed here")),
    (
        r"mapping values are not allowed in this context",
        N_("mapping values are not allowed in this context"),
    ),
    (
        r"found character (?P<char>'.*') that cannot start any token",
        N_("found character {char} that cannot start any token"),
    ),
    (
        r"found character that cannot start any token",
        N_("found character that cannot start any token"),
    ),
    (r"found unexpected end of stream", N_("found unexpected end of stream")),
    (r"found unexpected ':'", N_("found unexpected ':'")),
    (r"did not find expected key", N_("did not find expected key")),
    (r"did not find expected '-' indicator", N_("did not find expected '-' indicator")),
    (r"did not find expected node content", N_("did not find expected node content")),
    (r"did not find expected (?P<what>.+)", N_("did not find expected {what}")),
    (r"expected (?P<wanted>.+), but got (?P<found>.+)", N_("expected {wanted}, but got {found}")),
    (
        r"expected (?P<wanted>.+), but found (?P<found>.+)",
        N_("expected {wanted}, but found {found}"),
    ),
    (
        r"found a tab character that violates indentation",
        N_("found a tab character that violates indentation"),
    ),
    (
        r"found a tab character where an indentation space is expected",
        N_("found a tab character where an indentation space is expected"),
    ),
    (r"found unknown escape character(?P<char>.*)", N_("found unknown escape character{char}")),
    (r"found undefined alias(?P<name>.*)", N_("found undefined alias{name}")),
    (
        r"block sequence entries are not allowed here",
        N_("block sequence entries are not allowed here"),
    ),
    (
        r"block sequence entries are not allowed in this context",
        N_("block sequence entries are not allowed in this context"),
    ),
    (r"found undefined tag handle(?P<name>.*)", N_("found undefined tag handle{name}")),
)
_KNOWN_PROBLEMS = ForeignWordings(_PROBLEMS)
_CONTEXT = re.compile(r"while (?:scanning|parsing|constructing) (?:a|an|the) (?P<thing>.+)")
_TOKENS = {"'<stream end>'": N_("'<stream end>'"), "'<block end>'": N_("'<block end>'")}


def parser_problem(problem: str) -> str:
    """What the parser found, in the user's language where its wording is known."""
    text = problem.strip()
    known = _KNOWN_PROBLEMS.match(text)
    if known is None:
        return text
    message, parts = known
    return _(message).format(**{key: _token(value) for key, value in parts.items()})


def parser_context(context: str) -> str:
    """What the parser was reading ("while parsing a flow sequence"), likewise."""
    match = _CONTEXT.fullmatch(context.strip())
    if match and match["thing"] in _THINGS:
        return _(_THINGS[match["thing"]])
    return context


def parser_message(problem: str, context: str | None) -> str:
    """The parser's problem and, when it gave one, its context, as one message."""
    if not context:
        return parser_problem(problem)
    return _("{problem} ({context})").format(
        problem=parser_problem(problem), context=parser_context(context)
    )


def _token(text: str) -> str:
    """A token the parser names ('<stream end>', `',' or ']'`), in the user's language."""
    stripped = text.strip()
    if stripped in _TOKENS:
        return text.replace(stripped, _(_TOKENS[stripped]))
    if re.fullmatch(r"'[^']+' or '[^']+'", stripped):
        return text.replace(stripped, either(stripped.split(" or ")))
    return text
