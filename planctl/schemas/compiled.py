"""The JSON Schemas as Python code: generated once by fastjsonschema, then kept on disk.

Generating a validator (importing fastjsonschema, writing and compiling its code) costs
far more than validating one plan, and `planctl validate FILE` runs on every commit. So
the generated code is compiled once and its bytecode kept in the user's cache folder,
under a name that hashes everything it depends on: the schema's bytes, the installed
fastjsonschema and this module's transformation (`FORMAT`), and the Python bytecode
version. Later runs load it in about a millisecond without importing fastjsonschema.

Four rewrites make the code faster without changing what it accepts:

- a `oneOf` whose branches take disjoint JSON types (a deadline is text *or* a year
  number) becomes `anyOf`: at most one branch can match, so the two agree, and `anyOf`
  stops at the first match instead of raising an exception in every other branch;
- the generated code's imports of fastjsonschema's exceptions (and of `decimal`, whose
  values the loader never produces) are replaced by names given to it here;
- the name of each array item (`data.tasks[3]`, for an error message) is built by an
  f-string instead of `"…[{data__tasks_x}]".format(**locals())`, which copies every
  local variable into a dict for each item of every list;
- `uniqueItems` counts distinct items with `_distinct` instead of a function the code
  defines again at each call and applies to every item: a list of unit names, all text,
  is counted as a set of its strings at once.

When the cache folder cannot be written, the validator is generated in memory instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

from planctl import resources
from planctl.atomic import write_atomic
from planctl.errors import SchemaRejected, WriteRefused
from planctl.usercache import installed_file, user_cache_dir

FORMAT = 3  # bump when the rewrites below change
SchemaName = resources.SchemaName
Validator = Callable[[Any], Any]

_EXCEPTIONS_IMPORT = (
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
)
_DECIMAL_IMPORT = "from decimal import Decimal\n"
_FIRST_FUNCTION = re.compile(r"^def (\w+)\(", re.MULTILINE)
# A string literal whose only fields are plain names, formatted with the local variables.
_FORMAT_LOCALS = re.compile(r'"((?:[^"\\{}]|\{\w+\})*)"\.format\(\*\*locals\(\)\)')
# fastjsonschema's `uniqueItems`: a normalising function defined in place, then applied.
_UNIQUE_HELPER = re.compile(r"^ *def fn\(var\): return .*\n", re.MULTILINE)
_UNIQUE_COUNT = re.compile(r"len\(set\(fn\((\w+)_x\) for \1_x in \1\)\)")


class _NoDecimal:
    """Stands for `decimal.Decimal` while nothing has imported it: no value is one."""


@cache
def validator(name: SchemaName) -> Validator:
    """The compiled validator for a built-in schema: raises `SchemaRejected` on bad data."""
    schema_bytes = resources.schema_path(name).read_bytes()
    path = _cache_file(name, schema_bytes)
    loaded = _read_code(path) if path is not None else None
    if loaded is None:
        loaded = _generate(name)
        if path is not None:
            _write_code(path, loaded)
    return _instantiate(*loaded)


def schema_fingerprint() -> str:
    """A hash of the built-in schemas, for caches whose results depend on them."""
    digest = hashlib.sha256()
    for name in resources.SCHEMA_NAMES:
        digest.update(resources.schema_path(name).read_bytes())
    return digest.hexdigest()


# --- generating ---------------------------------------------------------------------------


def _generate(name: SchemaName) -> tuple[str, CodeType]:
    import fastjsonschema

    schema = _anyof_where_equivalent(resources.schema(name))
    # use_default=False: a validator must never write defaults into the user's data.
    source = fastjsonschema.compile_to_code(schema, use_default=False)
    source = source.replace(_EXCEPTIONS_IMPORT, "", 1).replace(_DECIMAL_IMPORT, "", 1)
    source = _FORMAT_LOCALS.sub(r'f"\1"', source)
    source = _distinct_counted(source)
    match = _FIRST_FUNCTION.search(source)
    if match is None:
        raise RuntimeError("fastjsonschema generated no validation function")
    return match.group(1), compile(source, f"<planctl {name} schema>", "exec")


def _distinct_counted(source: str) -> str:
    """The code with each `uniqueItems` count made by `_distinct`; as it was when some
    use of the function it defines is not one this rewrites (another library version)."""
    rewritten = _UNIQUE_COUNT.sub(r"_distinct(\1)", _UNIQUE_HELPER.sub("", source))
    return source if re.search(r"\bfn\(", rewritten) else rewritten


def _anyof_where_equivalent(schema: Any) -> Any:
    """The schema with each `oneOf` over disjoint types written as the equivalent `anyOf`."""
    if isinstance(schema, list):
        return [_anyof_where_equivalent(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    rewritten = {key: _anyof_where_equivalent(value) for key, value in schema.items()}
    branches = rewritten.get("oneOf")
    if isinstance(branches, list) and "anyOf" not in rewritten and _disjoint_types(branches):
        rewritten["anyOf"] = rewritten.pop("oneOf")
    return rewritten


def _disjoint_types(branches: list[Any]) -> bool:
    seen: set[str] = set()
    for branch in branches:
        declared = branch.get("type") if isinstance(branch, dict) else None
        if declared is None:
            return False  # a branch without `type` may overlap any other
        types = set(declared if isinstance(declared, list) else [declared])
        if "number" in types:
            types.add("integer")  # every integer is also a number
        if types & seen:
            return False
        seen |= types
    return True


def _distinct(items: list[Any]) -> int:
    """How many distinct items, as `uniqueItems` counts them: `true` is not `1`, and
    mappings and lists compare by their contents."""
    if all(item.__class__ is str for item in items):
        return len(set(items))
    return len({_comparable(item) for item in items})


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return frozenset((key, _comparable(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_comparable(item) for item in value)
    return (bool, value) if isinstance(value, bool) else value


def _instantiate(function: str, code: CodeType) -> Validator:
    decimal = sys.modules.get("decimal")
    namespace: dict[str, Any] = {
        "__name__": "planctl.schemas.compiled.generated",
        "JsonSchemaValueException": SchemaRejected,
        "JsonSchemaValuesException": SchemaRejected,
        "Decimal": decimal.Decimal if decimal is not None else _NoDecimal,
        "_distinct": _distinct,
    }
    exec(code, namespace)  # the code fastjsonschema generated from our own schema
    generated: Validator = namespace[function]
    raised = (namespace["JsonSchemaValueException"], namespace["JsonSchemaValuesException"])
    if raised == (SchemaRejected, SchemaRejected):
        return generated

    def validate(data: Any) -> Any:  # the code imported fastjsonschema's own exceptions
        try:
            return generated(data)
        except raised as error:
            raise SchemaRejected(str(error)) from None

    return validate


# --- the cache on disk ------------------------------------------------------------------


def _cache_file(name: SchemaName, schema_bytes: bytes) -> Path | None:
    folder = user_cache_dir()
    library = _fastjsonschema_version_file()
    if folder is None or library is None:
        return None
    digest = hashlib.sha256(schema_bytes)
    digest.update(library.read_bytes())
    digest.update(f"{FORMAT}:{sys.implementation.cache_tag}".encode())
    digest.update(importlib.util.MAGIC_NUMBER)
    return folder / "schema" / f"{name}-{digest.hexdigest()[:32]}.bin"


def _fastjsonschema_version_file() -> Path | None:
    """fastjsonschema's version.py, found without importing the library."""
    found = installed_file("fastjsonschema", "version.py")
    return Path(found) if found is not None else None


def _read_code(path: Path) -> tuple[str, CodeType] | None:
    try:
        function, code = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None  # absent, or written by another Python: generate it again
    if not isinstance(function, str) or not isinstance(code, CodeType):
        return None
    return function, code


def _write_code(path: Path, loaded: tuple[str, CodeType]) -> None:
    with contextlib.suppress(OSError, WriteRefused):  # a read-only cache only costs time
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(loaded), within=path.parent, durable=False)
