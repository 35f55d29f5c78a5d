"""jsonschema's errors as located findings, worded for the people who write plans."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any

from planctl import resources
from planctl.findings import Finding, JsonPath, Severity
from planctl.i18n import _
from planctl.schemas.compiled import SchemaName
from planctl.yamlio import Document


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
    explain = _EXPLAINERS.get(error.validator, _explain_generic)
    message, hint, key_path = explain(error, path)
    return document.finding(key_path, "schema", Severity.ERROR, message, hint, key=key_path != path)


Explained = tuple[str, str, JsonPath]


def _label(schema: dict[str, Any], key: str | None = None) -> str:
    """`牵头单位 (lead)`: the Chinese title from the schema, then the key."""
    title = schema.get("title")
    if key is None:
        return f"{title}" if title else "value"
    return f"`{key}` ({title})" if title else f"`{key}`"


def _explain_additional(error: Any, path: JsonPath) -> Explained:
    known = list(error.schema.get("properties", {}))
    extra = [key for key in error.instance if key not in known]
    key = str(extra[0]) if extra else ""
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(known)}"
    where = _label(error.schema)
    return f"unknown key `{key}` in {where}", hint, (*path, key)


def _explain_required(error: Any, path: JsonPath) -> Explained:
    missing = str(error.message).split("'")[1] if "'" in error.message else error.message
    prop = error.schema.get("properties", {}).get(missing, {})
    return (
        f"{_label(error.schema)} is missing {_label(prop, missing)}",
        f"add `{missing}:` here",
        path,
    )


_TYPE_NAMES = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def _explain_type(error: Any, path: JsonPath) -> Explained:
    expected = error.validator_value
    names: list[str] = expected if isinstance(expected, list) else [str(expected)]
    wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
    instance = error.instance
    got = _shown(instance)
    if not isinstance(instance, dict | list):
        got = f"{_TYPE_NAMES.get(_json_type(instance), 'a value')} {got}"
    hint = f"write {wanted} here"
    if "string" in names and isinstance(instance, int | float) and not isinstance(instance, bool):
        hint = f'quote it ("{_as_written(instance)}") so YAML reads it as text'
    elif "array" in names and isinstance(instance, str):
        hint = f"write a list: [{instance}]"
    return f"{_label(error.schema)}: expected {wanted}, got {got}", hint, path


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else "null"


def _explain_enum(error: Any, path: JsonPath) -> Explained:
    choices = ", ".join(str(choice) for choice in error.validator_value)
    close = difflib.get_close_matches(str(error.instance), [str(c) for c in error.validator_value])
    hint = f"did you mean {close[0]}?" if close else f"use one of: {choices}"
    return f"{_label(error.schema)}: {_shown(error.instance)} is not one of {choices}", hint, path


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
        f"{_label(error.schema)}: {error.instance!r} is not in the expected form",
        description or f"match {error.validator_value}",
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
        keys = ", ".join(f"`{key}`" for key in missing)
        return f"{_label(error.schema)} needs at least one of {keys}", description, path
    return (
        f"{_label(error.schema)}: {_shown(error.instance)} is not in the expected form",
        description,
        path,
    )


def _explain_generic(error: Any, path: JsonPath) -> Explained:
    return f"{_label(error.schema)}: {error.message}", _description(error.schema), path


def _description(schema: dict[str, Any]) -> str:
    """The Chinese description, without the English gloss in parentheses at its end."""
    return str(schema.get("description", "")).rsplit(" (", 1)[0].rsplit("(", 1)[0].strip()


def _shown(value: Any) -> str:
    """A value as quoted in a message: short scalars in full, containers by kind only."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…'"


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
}
