"""jsonschema's errors as located findings, worded for the people who write plans."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any

from planctl import resources
from planctl.findings import Finding, JsonPath, Severity
from planctl.i18n import N_, _, either, pgettext, quote
from planctl.schemas.compiled import SchemaName
from planctl.units import list_text, split_unit_list
from planctl.yamlio import Document
from planctl.yamlio.causes import typed_key_cause


def explain(document: Document, name: SchemaName) -> Iterator[Finding]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(resources.schema(name))
    for error in validator.iter_errors(document.data):
        yield _finding(document, _most_specific(error))


def _most_specific(error: Any) -> Any:
    """For anyOf/oneOf, the branch error that says most, if one goes deeper than the choice.

    Branches rejected only for their type (`due` is text, not a number) say nothing useful,
    so they are passed over; when no branch goes deeper, the choice itself is reported.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return error
    relevant = [e for e in error.context if e.validator != "type"]
    deeper = [e for e in relevant if len(e.absolute_path) > len(error.absolute_path)]
    return max(deeper, key=lambda e: len(e.absolute_path)) if deeper else error


def _finding(document: Document, error: Any) -> Finding:
    path: JsonPath = tuple(error.absolute_path)
    if _is_worded_deadline(error):
        message, hint, key_path = _explain_worded_deadline(error, path, document.data)
    else:
        explain = _EXPLAINERS.get(error.validator, _explain_generic)
        message, hint, key_path = explain(error, path)
    return document.finding(key_path, "schema", Severity.ERROR, message, hint, key=key_path != path)


Explained = tuple[str, str, JsonPath]


def _label(schema: dict[str, Any], key: str | None = None) -> str:
    """`牵头单位 (lead)`: the Chinese title from the schema, then the key."""
    title = schema.get("title")
    if key is None:
        return f"{title}" if title else _("value")
    return _("`{key}` ({title})").format(key=key, title=title) if title else f"`{key}`"


def _explain_additional(error: Any, path: JsonPath) -> Explained:
    known = list(error.schema.get("properties", {}))
    extra = [key for key in error.instance if key not in known]
    key = str(extra[0]) if extra else ""
    typed = typed_key_cause(key)
    if typed is not None:
        return typed[0], typed[1], (*path, key)
    close = difflib.get_close_matches(key, known, n=1)
    separator = pgettext("list separator", ", ")
    hint = (
        _("did you mean `{key}`?").format(key=close[0])
        if close
        else _("known keys: {keys}").format(keys=separator.join(known))
    )
    message = _("unknown key `{key}` in {where}").format(key=key, where=_label(error.schema))
    return message, hint, (*path, key)


def _explain_required(error: Any, path: JsonPath) -> Explained:
    missing = str(error.message).split("'")[1] if "'" in error.message else error.message
    prop = error.schema.get("properties", {}).get(missing, {})
    hint = _("add `{key}:` here").format(key=missing)
    if "const" in prop:  # `format:`: say which value the file must declare
        hint = _("add `{key}: {value}` here").format(key=missing, value=prop["const"])
    return (
        _("{where} is missing {key}").format(where=_label(error.schema), key=_label(prop, missing)),
        hint,
        path,
    )


_TYPE_NAMES = {
    "object": N_("a mapping (key: value)"),
    "array": N_("a list"),
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "null": N_("nothing"),
}


def _type_name(name: str) -> str:
    return _(_TYPE_NAMES[name]) if name in _TYPE_NAMES else name


def _explain_type(error: Any, path: JsonPath) -> Explained:
    expected = error.validator_value
    names: list[str] = expected if isinstance(expected, list) else [str(expected)]
    wanted = either([_type_name(name) for name in names])
    instance = error.instance
    got = _shown(instance)
    if instance is None:
        got = _type_name("null")  # "nothing": the value is its kind
    elif isinstance(instance, bool):
        got = "true" if instance else "false"  # as YAML spells them
    elif not isinstance(instance, dict | list):
        got = _("{kind} {value}").format(kind=_type_name(_json_type(instance)), value=got)
    hint = _("write {kind} here").format(kind=wanted)
    if "string" in names and isinstance(instance, int | float) and not isinstance(instance, bool):
        hint = _('quote it ("{value}") so YAML reads it as text').format(
            value=_as_written(instance)
        )
    elif "array" in names and isinstance(instance, str):
        hint = _("write a list: {names}").format(names=list_text(split_unit_list(instance)))
    message = _("{where}: expected {wanted}, got {got}").format(
        where=_label(error.schema), wanted=wanted, got=got
    )
    return message, hint, path


def _is_worded_deadline(error: Any) -> bool:
    deadline = resources.schema("plan")["$defs"]["deadline"]
    return isinstance(error.instance, str) and error.schema == deadline


def _explain_worded_deadline(error: Any, path: JsonPath, plan: Any) -> Explained:
    """`due: 2023年6月底前`: say that fmt stores it, or why it cannot be stored."""
    from planctl.deadline_words import WordedDeadlineError, plan_years, read_worded

    label = _label(error.schema)
    try:
        worded = read_worded(error.instance, plan_years(plan))
    except WordedDeadlineError as refused:
        return _("{label}: {reason}").format(label=label, reason=refused.message), refused.fix, path
    message = _("{label}: {value!r} is written in words").format(label=label, value=error.instance)
    hint = _(
        "run `planctl fmt` to store it as `due: {stored}` (the words are kept in `due_text`)"
    ).format(stored=worded.stored)
    return message, hint, path


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else "null"


def _explain_enum(error: Any, path: JsonPath) -> Explained:
    choices = pgettext("list separator", ", ").join(str(c) for c in error.validator_value)
    close = difflib.get_close_matches(str(error.instance), [str(c) for c in error.validator_value])
    hint = (
        _("did you mean {value}?").format(value=close[0])
        if close
        else _("use one of: {choices}").format(choices=choices)
    )
    message = _("{where}: {value} is not one of {choices}").format(
        where=_label(error.schema), value=_shown(error.instance), choices=choices
    )
    return message, hint, path


def _explain_const(error: Any, path: JsonPath) -> Explained:
    wanted = error.validator_value
    message = _("{field}: must be {wanted}, not {value}").format(
        field=_label(error.schema), wanted=_shown(wanted), value=_shown(error.instance)
    )
    key = path[-1] if path and isinstance(path[-1], str) else None
    hint = f"`{key}: {wanted}`" if key else str(wanted)
    return message, _("write {fix}").format(fix=hint), path


def _explain_pattern(error: Any, path: JsonPath) -> Explained:
    description = str(error.schema.get("description", "")).split("(")[0].strip()
    return (
        _("{where}: {value} is not in the expected form").format(
            where=_label(error.schema), value=quote(str(error.instance))
        ),
        description or _("match {pattern}").format(pattern=error.validator_value),
        path,
    )


def _explain_choice(error: Any, path: JsonPath) -> Explained:
    missing = sorted(
        {
            str(e.message).split("'")[1]
            for e in error.context
            if e.validator == "required" and "'" in e.message
        }
    )
    description = _description(error.schema)
    if missing:
        keys = pgettext("list separator", ", ").join(f"`{key}`" for key in missing)
        message = _("{where} needs at least one of {keys}").format(
            where=_label(error.schema), keys=keys
        )
        return message, description, path
    return (
        _("{where}: {value} is not in the expected form").format(
            where=_label(error.schema), value=_shown(error.instance)
        ),
        description,
        path,
    )


def _explain_not(error: Any, path: JsonPath) -> Explained:
    """A key the schema names only to forbid it: its description says why and what instead."""
    key = str(path[-1]) if path and isinstance(path[-1], str) else None
    message = _("{where} cannot be written here").format(where=_label(error.schema, key))
    return message, _description(error.schema), path


def _explain_generic(error: Any, path: JsonPath) -> Explained:
    message = _("{where}: {reason}").format(where=_label(error.schema), reason=error.message)
    return message, _description(error.schema), path


def _description(schema: dict[str, Any]) -> str:
    """The Chinese description, without the English gloss in parentheses at its end."""
    return str(schema.get("description", "")).rsplit(" (", 1)[0].rsplit("(", 1)[0].strip()


def _shown(value: Any) -> str:
    """A value as quoted in a message: short scalars in full, containers by kind only."""
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if not isinstance(value, str):
        return repr(value)
    return quote(value) if len(value) <= 38 else quote(value[:36] + "…")


def _as_written(value: int | float) -> str:
    return f"{value:g}." if isinstance(value, float) and value.is_integer() else str(value)


_EXPLAINERS: dict[str, Callable[[Any, JsonPath], Explained]] = {
    "additionalProperties": _explain_additional,
    "required": _explain_required,
    "type": _explain_type,
    "enum": _explain_enum,
    "const": _explain_const,
    "pattern": _explain_pattern,
    "anyOf": _explain_choice,
    "oneOf": _explain_choice,
    "not": _explain_not,
}
