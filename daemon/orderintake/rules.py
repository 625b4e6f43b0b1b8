"""Rule files: admins' knowledge as data, validated once, with clear errors.

Rule files are TOML (write regexes as literal strings, ``'…'`` or ``'''…'''``, so
backslashes stay as typed). Each consumer (the order-number engine, the mail classifier)
declares a *schema*: a nested mapping of keys to :class:`FieldSpec`, each with its
documentation. Loading a file:

1. parses the TOML (a syntax error names the file and line),
2. checks every key against the schema (unknown keys, wrong types, missing required keys
   are refused, with the file, the line, the dotted key and what was expected),
3. compiles every pattern with the ``regex`` module and refuses one that does not compile
   or matches the empty string,
4. runs each rule's ``must_match`` / ``must_not_match`` examples as a self-test.

The result is plain data; the consumers turn it into their own frozen dataclasses. The
schemas double as the documentation: ``docs/rules.md`` is checked against them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex

from .errors import RuleFileError

#: Every admin regex runs with this timeout (seconds): a catastrophic pattern must not
#: freeze the daemon.
MATCH_TIMEOUT = 0.5

Kind = Literal[
    "str",
    "int",
    "float",
    "bool",
    "str-list",
    "pattern",
    "pattern-list",
    "table",
    "table-list",
    "table-map",
    "float-map",
]


@dataclass(frozen=True)
class FieldSpec:
    """One documented key of a rule file. ``fields`` describes a table's own keys."""

    kind: Kind
    doc: str
    required: bool = False
    fields: Mapping[str, FieldSpec] = field(default_factory=dict)


Schema = Mapping[str, FieldSpec]

#: Keys every pattern-bearing table may carry for its self-test.
EXAMPLE_FIELDS: dict[str, FieldSpec] = {
    "must_match": FieldSpec("str-list", "Texts the rule's pattern must find (self-test at load)."),
    "must_not_match": FieldSpec(
        "str-list", "Texts the rule's pattern must not find (self-test at load)."
    ),
}


@dataclass(frozen=True)
class SelfTestResult:
    """Outcome of one example of one rule."""

    file: str
    key: str
    example: str
    expected: bool
    ok: bool


@dataclass(frozen=True)
class LoadedFile:
    """A validated rule file: its data, and its self-test results."""

    path: Path
    data: dict[str, Any]
    self_tests: tuple[SelfTestResult, ...]


def line_of(text: str, dotted_key: str) -> int | None:
    """Best-effort line number of a key in TOML source (tomllib keeps no positions)."""
    parts = dotted_key.replace("[", ".").replace("]", "").split(".")
    parts = [p for p in parts if p and not p.isdigit()]
    lines = text.splitlines()
    start = 0
    found: int | None = None
    for part in parts:
        for i in range(start, len(lines)):
            stripped = lines[i].strip()
            header = stripped.strip("[]").strip()
            if (
                stripped.startswith("[") and (header == part or header.endswith("." + part))
            ) or stripped.split("=", 1)[0].strip().strip('"') == part:
                found, start = i + 1, i + 1
                break
    return found


def compile_pattern(
    source: str, *, file: str, key: str, text: str = "", ignore_case: bool = True
) -> regex.Pattern[str]:
    """Compile an admin's pattern, refusing errors and patterns that match nothing at all."""
    flags = regex.VERSION1 | regex.UNICODE
    if ignore_case:
        flags |= regex.IGNORECASE
    try:
        pattern = regex.compile(source, flags)
    except regex.error as exc:
        raise RuleFileError(
            f"pattern does not compile: {exc}; expected a regular expression "
            f"(Python 'regex' syntax, written as a TOML literal string '...')",
            file=file,
            line=line_of(text, key),
            key=key,
        ) from exc
    if pattern.fullmatch("", timeout=MATCH_TIMEOUT) is not None:
        raise RuleFileError(
            "pattern matches the empty string; expected a pattern that needs at least one character",
            file=file,
            line=line_of(text, key),
            key=key,
        )
    return pattern


def _type_error(file: str, text: str, key: str, expected: str, got: Any) -> RuleFileError:
    return RuleFileError(
        f"expected {expected}, got {type(got).__name__} {got!r}",
        file=file,
        line=line_of(text, key),
        key=key,
    )


def _check(
    value: Any,
    spec: FieldSpec,
    *,
    file: str,
    text: str,
    key: str,
    ignore_case: bool,
    tests: list[SelfTestResult],
) -> Any:
    """Validate one value against its spec; return it with patterns compiled."""
    kind = spec.kind
    if kind == "str" or kind == "pattern":
        if not isinstance(value, str) or not value:
            raise _type_error(file, text, key, "a non-empty string", value)
        if kind == "pattern":
            return compile_pattern(value, file=file, key=key, text=text, ignore_case=ignore_case)
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise _type_error(file, text, key, "an integer", value)
        return value
    if kind == "float":
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _type_error(file, text, key, "a number", value)
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise _type_error(file, text, key, "true or false", value)
        return value
    if kind in ("str-list", "pattern-list"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise _type_error(file, text, key, "a list of non-empty strings", value)
        if kind == "pattern-list":
            return [
                compile_pattern(v, file=file, key=f"{key}[{i}]", text=text, ignore_case=ignore_case)
                for i, v in enumerate(value)
            ]
        return list(value)
    if kind == "float-map":
        if not isinstance(value, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()
        ):
            raise _type_error(file, text, key, "a table of numbers", value)
        return {k: float(v) for k, v in value.items()}
    if kind == "table":
        if not isinstance(value, dict):
            raise _type_error(file, text, key, "a table", value)
        return _check_table(
            value,
            spec.fields,
            file=file,
            text=text,
            prefix=key,
            ignore_case=ignore_case,
            tests=tests,
        )
    if kind == "table-list":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise _type_error(file, text, key, "an array of tables [[...]]", value)
        return [
            _check_table(
                v,
                spec.fields,
                file=file,
                text=text,
                prefix=f"{key}[{i}]",
                ignore_case=ignore_case,
                tests=tests,
            )
            for i, v in enumerate(value)
        ]
    if kind == "table-map":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise _type_error(file, text, key, "a table of named sub-tables [x.name]", value)
        return {
            name: _check_table(
                v,
                spec.fields,
                file=file,
                text=text,
                prefix=f"{key}.{name}",
                ignore_case=ignore_case,
                tests=tests,
            )
            for name, v in value.items()
        }
    raise AssertionError(f"unknown field kind {kind}")  # a programming error in a schema


def _check_table(
    data: Mapping[str, Any],
    schema: Schema,
    *,
    file: str,
    text: str,
    prefix: str,
    ignore_case: bool,
    tests: list[SelfTestResult],
) -> dict[str, Any]:
    has_pattern = any(s.kind in ("pattern", "pattern-list") for s in schema.values())
    full_schema: dict[str, FieldSpec] = dict(schema)
    if has_pattern:
        full_schema.update({k: v for k, v in EXAMPLE_FIELDS.items() if k not in schema})
    out: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}.{key}" if prefix else key
        spec = full_schema.get(key)
        if spec is None:
            raise RuleFileError(
                f"unknown key; expected one of: {', '.join(sorted(full_schema))}",
                file=file,
                line=line_of(text, dotted),
                key=dotted,
            )
        out[key] = _check(
            value, spec, file=file, text=text, key=dotted, ignore_case=ignore_case, tests=tests
        )
    for key, spec in full_schema.items():
        if spec.required and key not in out:
            raise RuleFileError(
                f"missing required key {key!r} ({spec.doc})",
                file=file,
                line=line_of(text, prefix) if prefix else None,
                key=f"{prefix}.{key}" if prefix else key,
            )
    if has_pattern:
        patterns: list[regex.Pattern[str]] = []
        for key, spec in schema.items():
            if key in out and spec.kind == "pattern":
                patterns.append(out[key])
            elif key in out and spec.kind == "pattern-list":
                patterns.extend(out[key])
        for expected, examples in (
            (True, out.get("must_match", [])),
            (False, out.get("must_not_match", [])),
        ):
            for example in examples:
                found = any(p.search(example, timeout=MATCH_TIMEOUT) for p in patterns)
                tests.append(SelfTestResult(file, prefix, example, expected, found == expected))
    return out


def load_rule_file(path: Path, schema: Schema, *, ignore_case: bool = True) -> LoadedFile:
    """Load and validate one rule file. Self-test failures are reported, not raised:
    :func:`raise_on_failed_self_tests` decides (``rules check`` reports them all)."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"cannot read rule file: {exc.strerror}", file=file) from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib (3.11) keeps the position only in its message: "(at line 3, column 5)".
        found = regex.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        raise RuleFileError(f"not valid TOML: {exc}", file=file, line=line) from exc
    tests: list[SelfTestResult] = []
    data = _check_table(
        raw, schema, file=file, text=text, prefix="", ignore_case=ignore_case, tests=tests
    )
    return LoadedFile(path=path, data=data, self_tests=tuple(tests))


def raise_on_failed_self_tests(loaded: LoadedFile) -> None:
    failed = [t for t in loaded.self_tests if not t.ok]
    if failed:
        t = failed[0]
        verb = "should match" if t.expected else "should not match"
        raise RuleFileError(
            f"self-test failed: example {t.example!r} {verb} ({len(failed)} failing example(s) in all)",
            file=t.file,
            key=t.key,
        )


def schema_keys(schema: Schema, prefix: str = "") -> dict[str, str]:
    """Flatten a schema to dotted key → doc, for the documentation test."""
    out: dict[str, str] = {}
    for key, spec in schema.items():
        dotted = f"{prefix}.{key}" if prefix else key
        out[dotted] = spec.doc
        if spec.fields:
            out.update(
                schema_keys(spec.fields, dotted + ".*" if spec.kind == "table-map" else dotted)
            )
    return out
