"""The order-number engine's rule files: schemas, and their typed, compiled form.

Two files in the rules folder belong to the engine:

- ``ordernumber.toml``: keywords, prefixes, the strict and fishing patterns, suffixes,
  false prefixes, eliminators, negative context and the scoring weights. Its patterns are
  **case-sensitive** (an order number's letters are always upper case, seed notes 004);
  a keyword pattern that should ignore case starts with ``(?i)``.
- ``fields.toml``: the labels of the other fields read from an order (quote number, totals,
  code service, engagement juridique, buyer and supplier blocks); case-insensitive.

Both are loaded through :func:`orderintake.rules.load_rule_file`, which checks every key
against the schemas below and runs every rule's ``must_match``/``must_not_match`` examples.
The schemas are the documentation: ``docs/rules.md`` must name every key (tested).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .errors import RuleFileError
from .rules import FieldSpec, LoadedFile, Schema, load_rule_file, raise_on_failed_self_tests

ORDERNUMBER_FILE = "ordernumber.toml"
FIELDS_FILE = "fields.toml"

_PATTERN_RULE = {
    "pattern": FieldSpec("pattern", "The regular expression (TOML literal string).", True),
    "weight": FieldSpec(
        "float",
        "How strongly a match says 'order number here': 1.0 for the plainest order labels;"
        " above 1 outranks them (the EJ on a public order).",
        True,
    ),
    "attaches": FieldSpec(
        "bool",
        "A bare number sign (N°, Numéro): right after another label it is part of that label "
        "('Marché n°' is the market's number, 'Engagement juridique n°' the EJ's); default false.",
    ),
}

SCORING_FIELDS: dict[str, FieldSpec] = {
    "bias": FieldSpec(
        "float", "Starting log-odds of any candidate (negative: most are not).", True
    ),
    "same_line": FieldSpec(
        "float",
        "Added (× keyword weight) when the candidate is right of a keyword on its line.",
        True,
    ),
    "same_line_per_token": FieldSpec(
        "float",
        "Subtracted per token between the keyword and the candidate on the same line.",
        True,
    ),
    "below_column": FieldSpec(
        "float",
        "Added (× keyword weight) when the candidate is below a keyword, same column.",
        True,
    ),
    "below_per_line": FieldSpec(
        "float", "Subtracted per line between the keyword and a candidate below it.", True
    ),
    "below_max_lines": FieldSpec(
        "int", "How many lines below a keyword are searched on text-layer pages.", True
    ),
    "below_max_lines_ocr": FieldSpec(
        "int", "How many lines below a keyword are searched on OCR pages (OCR shifts lines).", True
    ),
    "prefix": FieldSpec("float", "Added when the candidate starts with a known prefix.", True),
    "strict": FieldSpec("float", "Added when the strict pattern found the candidate.", True),
    "letters_and_digits": FieldSpec(
        "float", "Added when the body mixes letters or separators with digits.", True
    ),
    "long_digits": FieldSpec("float", "Added for 6 to 14 characters (a typical number).", True),
    "year_only": FieldSpec("float", "Added (negative) for a bare year such as 2024.", True),
    "repeated": FieldSpec("float", "Added when the same value appears on another page.", True),
    "negative_same_line": FieldSpec(
        "float", "Added (× penalty) when a negative-context label is its nearest label.", True
    ),
    "ocr_corrected": FieldSpec("float", "Added (negative) per OCR repair made to the value.", True),
    "ocr_page": FieldSpec(
        "float",
        "Added (negative) to candidates read by OCR: a misread character cannot be seen, so "
        "an OCR answer should reach a clerk rather than be accepted alone.",
        True,
    ),
    "not_an_order": FieldSpec(
        "float",
        "Added (negative) to every candidate of a document titled as something else than an "
        "order (invoice, delivery note, quote…): they quote the order, they are not one.",
        True,
    ),
    "auto_accept_threshold": FieldSpec(
        "float",
        "Suggested auto-accept threshold measured by `orderintake evaluate` (informative; "
        "the daemon uses the auto_accept_threshold setting).",
        True,
    ),
}

ORDERNUMBER_SCHEMA: Schema = {
    "version": FieldSpec("int", "Format version of the file (1).", True),
    "keywords": FieldSpec(
        "table-map",
        "Labels that announce an order number, one named table each [keywords.NAME].",
        True,
        fields=dict(_PATTERN_RULE),
    ),
    "prefixes": FieldSpec(
        "str-list",
        "Known order-number prefixes (CF, BC, 4500…); an intentional space after one is kept.",
        True,
    ),
    "patterns": FieldSpec(
        "table",
        "The candidate patterns.",
        True,
        fields={
            "strict": FieldSpec(
                "pattern",
                "Strict shape of an order number: upper case, at least 4 consecutive digits. "
                "Named groups: prefix (optional), body.",
                True,
            ),
            "fishing": FieldSpec(
                "pattern",
                "Permissive pattern used on OCR pages, tolerating OCR confusions in digits.",
                True,
            ),
        },
    ),
    "suffixes": FieldSpec(
        "table",
        "What is split off the end of a candidate into `suffix` (initials, version, UMR).",
        True,
        fields={
            "inner": FieldSpec(
                "pattern-list",
                "Patterns matched at the end of the candidate (anchored there by the engine).",
                True,
            ),
            "trailing": FieldSpec(
                "pattern-list",
                "Patterns matched on the text right after the candidate (anchored at its start).",
                True,
            ),
        },
    ),
    "false_prefixes": FieldSpec(
        "table",
        "What may stick to the front of a number and is not part of it (lower case, n°).",
        True,
        fields={
            "pattern": FieldSpec(
                "pattern", "Matched at the start of a candidate and dropped.", True
            ),
        },
    ),
    "eliminators": FieldSpec(
        "table-map",
        "Known non-order numbers masked before candidates are searched [eliminators.NAME].",
        True,
        fields={
            "pattern": FieldSpec("pattern", "What to mask.", True),
        },
    ),
    "negative_context": FieldSpec(
        "table-map",
        "Labels whose values are not order numbers [negative_context.NAME].",
        True,
        fields={
            "pattern": FieldSpec("pattern", "The label.", True),
            "penalty": FieldSpec(
                "float", "How strongly it says 'not an order number' (0..1).", True
            ),
        },
    ),
    "document_types": FieldSpec(
        "table",
        "Titles telling what a document is, read at the start of the first lines' cells.",
        True,
        fields={
            "order": FieldSpec("pattern", "Title of an order (wins over not_order).", True),
            "not_order": FieldSpec(
                "pattern", "Title of a document that is not an order (invoice, quote…).", True
            ),
            "title_lines": FieldSpec("int", "How many first lines of page 1 are searched.", True),
            "not_order_subject": FieldSpec(
                "pattern",
                "A letter's subject line (Objet : …) saying the document is about an order"
                " already placed (a reminder, a claim): matched at the start of a line.",
                False,
            ),
            "not_order_statement": FieldSpec(
                "pattern",
                "A sentence saying the document is no order (Ceci n'est pas une commande),"
                " searched in every line of page 1.",
                False,
            ),
        },
    ),
    "scoring": FieldSpec(
        "table", "Weights of the score (log-odds, then a logistic).", True, fields=SCORING_FIELDS
    ),
}

FIELDS_SCHEMA: Schema = {
    "version": FieldSpec("int", "Format version of the file (1).", True),
    "fields": FieldSpec(
        "table-map",
        "Labelled fields read from an order: quote_number, total_ht, total_ttc, code_service, "
        "ej [fields.NAME].",
        True,
        fields={
            "label": FieldSpec("pattern", "The label that announces the value.", True),
            "value": FieldSpec(
                "pattern", "The value's shape, searched right of or below the label.", True
            ),
        },
    ),
    "blocks": FieldSpec(
        "table",
        "Labels of the parties' address blocks, used to tell the customer from the supplier.",
        True,
        fields={
            "buyer": FieldSpec(
                "pattern", "A buyer / customer block label (client, acheteur…).", True
            ),
            "supplier": FieldSpec(
                "pattern", "A supplier block label (fournisseur, vendor, our letterhead).", True
            ),
        },
    ),
}


@dataclass(frozen=True)
class Keyword:
    name: str
    pattern: regex.Pattern[str]
    weight: float
    attaches: bool = False


@dataclass(frozen=True)
class NegativeContext:
    name: str
    pattern: regex.Pattern[str]
    penalty: float


@dataclass(frozen=True)
class Scoring:
    bias: float
    same_line: float
    same_line_per_token: float
    below_column: float
    below_per_line: float
    below_max_lines: int
    below_max_lines_ocr: int
    prefix: float
    strict: float
    letters_and_digits: float
    long_digits: float
    year_only: float
    repeated: float
    negative_same_line: float
    ocr_corrected: float
    ocr_page: float
    not_an_order: float
    auto_accept_threshold: float


@dataclass(frozen=True)
class FieldRule:
    name: str
    label: regex.Pattern[str]
    value: regex.Pattern[str]


@dataclass(frozen=True)
class EngineRules:
    """Every engine rule, compiled. Built once per (re)load; safe to share and pickle."""

    keywords: tuple[Keyword, ...]
    prefixes: tuple[str, ...]
    strict: regex.Pattern[str]
    fishing: regex.Pattern[str]
    suffix_inner: tuple[regex.Pattern[str], ...]
    suffix_trailing: tuple[regex.Pattern[str], ...]
    false_prefix: regex.Pattern[str]
    eliminators: tuple[tuple[str, regex.Pattern[str]], ...]
    negative: tuple[NegativeContext, ...]
    scoring: Scoring
    order_title: regex.Pattern[str]
    not_order_title: regex.Pattern[str]
    title_lines: int
    not_order_subject: regex.Pattern[str] | None
    not_order_statement: regex.Pattern[str] | None
    fields: dict[str, FieldRule]
    buyer_block: regex.Pattern[str]
    supplier_block: regex.Pattern[str]
    files: tuple[LoadedFile, ...] = ()


def load_files(rules_dir: Path) -> tuple[LoadedFile, LoadedFile]:
    """Load and validate both files, without failing on self-tests (``rules check``)."""
    paths = (rules_dir / ORDERNUMBER_FILE, rules_dir / FIELDS_FILE)
    for p in paths:
        if not p.is_file():
            raise RuleFileError(f"rule file missing; expected {p.name} in {rules_dir}", file=str(p))
    on = load_rule_file(paths[0], ORDERNUMBER_SCHEMA, ignore_case=False)
    fl = load_rule_file(paths[1], FIELDS_SCHEMA, ignore_case=True)
    return on, fl


def load_engine_rules(rules_dir: Path) -> EngineRules:
    """Load, validate, self-test and compile the engine's rule files (RuleFileError if bad)."""
    on, fl = load_files(rules_dir)
    raise_on_failed_self_tests(on)
    raise_on_failed_self_tests(fl)
    return compile_rules(on, fl)


def compile_rules(on: LoadedFile, fl: LoadedFile) -> EngineRules:
    d: dict[str, Any] = on.data
    f: dict[str, Any] = fl.data
    for key in ("prefix", "body"):
        if key not in d["patterns"]["strict"].groupindex:
            raise RuleFileError(
                f"the strict pattern needs a named group (?P<{key}>...)",
                file=str(on.path),
                key="patterns.strict",
            )
    return EngineRules(
        keywords=tuple(
            Keyword(name, v["pattern"], v["weight"], bool(v.get("attaches", False)))
            for name, v in d["keywords"].items()
        ),
        prefixes=tuple(sorted(d["prefixes"], key=len, reverse=True)),
        strict=d["patterns"]["strict"],
        fishing=d["patterns"]["fishing"],
        suffix_inner=tuple(
            regex.compile(f"(?:{p.pattern})\\Z", p.flags) for p in d["suffixes"]["inner"]
        ),
        suffix_trailing=tuple(
            regex.compile(f"\\A(?:{p.pattern})", p.flags) for p in d["suffixes"]["trailing"]
        ),
        false_prefix=regex.compile(
            f"\\A(?:{d['false_prefixes']['pattern'].pattern})", d["false_prefixes"]["pattern"].flags
        ),
        eliminators=tuple((name, v["pattern"]) for name, v in d["eliminators"].items()),
        negative=tuple(
            NegativeContext(name, v["pattern"], v["penalty"])
            for name, v in d["negative_context"].items()
        ),
        scoring=Scoring(**d["scoring"]),
        order_title=d["document_types"]["order"],
        not_order_title=d["document_types"]["not_order"],
        title_lines=d["document_types"]["title_lines"],
        not_order_subject=d["document_types"].get("not_order_subject"),
        not_order_statement=d["document_types"].get("not_order_statement"),
        fields={name: FieldRule(name, v["label"], v["value"]) for name, v in f["fields"].items()},
        buyer_block=f["blocks"]["buyer"],
        supplier_block=f["blocks"]["supplier"],
        files=(on, fl),
    )
