"""The order-mail classifier's rule file (``rules/classification.toml``), typed.

Loaded with the generic loader (:mod:`orderintake.rules`: schema, types, regex compile
checks) and then made accent-insensitive here: every pattern is recompiled from its
accent-stripped source and matched against accent-stripped, case-folded text, so an admin
may write ``où en est`` or ``ou en est`` and both find "OÙ EN EST". For the same reason
this module runs the ``must_match`` / ``must_not_match`` self-tests itself, on normalised
text (the generic loader's own self-test would compare accented examples with raw
patterns).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import regex

from .errors import RuleFileError
from .rules import MATCH_TIMEOUT, FieldSpec, Schema, compile_pattern, load_rule_file

RULE_FILE = "classification.toml"
PhraseKind = Literal["order", "acceptance", "not-order"]
Place = Literal["subject", "body", "filename"]
PLACES: tuple[Place, ...] = ("subject", "body", "filename")
KINDS: tuple[PhraseKind, ...] = ("order", "acceptance", "not-order")

_DECISION_FIELDS: dict[str, FieldSpec] = {
    "order_threshold": FieldSpec(
        "float", "Score at or above which a mail looks like an order.", required=True
    ),
    "document_order_number_weight": FieldSpec(
        "float",
        "Added, times the best order-number candidate's score (0..1), when an attachment "
        "has a candidate scoring at least document_min_order_number_score.",
    ),
    "document_min_order_number_score": FieldSpec(
        "float", "Candidate score from which an attachment's order number counts."
    ),
    "document_order_wording_weight": FieldSpec(
        "float", "Added when an attachment's text reads like a purchase order."
    ),
    "document_invoice_weight": FieldSpec(
        "float", "Added (usually negative) when an attachment reads like an invoice or credit note."
    ),
    "document_quote_weight": FieldSpec(
        "float",
        "Added (usually negative) when an attachment reads like a quote, unless an accepted "
        "quote ('bon pour accord' with a scan or signed PDF) is expected.",
    ),
    "purpose_sentences": FieldSpec(
        "int",
        "How many of the body's first sentences (greetings not counted) say what the mail "
        "is for: a not-order phrase found there counts fully (default 2).",
    ),
    "passing_mention_factor": FieldSpec(
        "float",
        "Fraction (0..1) of a not-order phrase's weight counted when the body only mentions "
        "it in passing: after the purpose sentences, or inside an instruction or reference "
        "(a [[mention]] rule); nothing when an attachment plainly is an order. Default 0.1.",
    ),
}

_PHRASE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("str", "Short name shown in the decision's reasons.", required=True),
    "kind": FieldSpec(
        "str",
        "order (says this is an order), acceptance (accepts our quote: counts only with a "
        "scan or signed PDF attached) or not-order (status question, invoice, auto-reply…).",
        required=True,
    ),
    "pattern": FieldSpec(
        "pattern", "Regular expression, matched accent- and case-insensitively.", required=True
    ),
    "weight": FieldSpec(
        "float",
        "Added to the score once when the pattern is found (negative for not-order).",
        required=True,
    ),
    "where": FieldSpec(
        "str-list",
        "Where to look: any of subject, body (the mail's own words, never the quoted "
        "history), filename (attachment names). Default: subject and body.",
    ),
    "note": FieldSpec("str", "Why this rule exists (for the next admin)."),
    "everywhere": FieldSpec(
        "bool",
        "not-order phrases only: count the full weight wherever the body says it, never as "
        "a passing mention (auto-replies, a newsletter's unsubscribe footer). Default false.",
    ),
}

_MENTION_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("str", "Short name shown in the decision's reasons.", required=True),
    "pattern": FieldSpec(
        "pattern",
        "Regular expression (accent- and case-insensitive) that makes a body sentence an "
        "instruction or a reference, not the mail's purpose.",
        required=True,
    ),
    "note": FieldSpec("str", "Why this rule exists (for the next admin)."),
}

_HEADER_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("str", "Short name shown in the decision's reasons.", required=True),
    "header": FieldSpec("str", "Header field name, e.g. Auto-Submitted.", required=True),
    "pattern": FieldSpec(
        "pattern", "Regular expression the header's value must match.", required=True
    ),
    "weight": FieldSpec("float", "Added to the score when the header matches.", required=True),
    "note": FieldSpec("str", "Why this rule exists (for the next admin)."),
}

SCHEMA: Schema = {
    "version": FieldSpec("int", "Rule-file format version (1).", required=True),
    "decision": FieldSpec(
        "table", "Threshold and the weight of the attachments' content.", True, _DECISION_FIELDS
    ),
    "phrase": FieldSpec(
        "table-list", "Words and phrasings looked for in subject, body, filenames.",
        fields=_PHRASE_FIELDS,
    ),
    "header": FieldSpec("table-list", "Rules on header fields (auto-replies, lists).",
                        fields=_HEADER_FIELDS),
    "mention": FieldSpec(
        "table-list", "Instructions and references: a not-order phrase in such a sentence is "
        "mentioned in passing.", fields=_MENTION_FIELDS,
    ),
}  # fmt: skip


def normalise(text: str) -> str:
    """Accent- and case-insensitive form: NFKD, combining marks dropped, casefolded,
    typographic apostrophes straightened, whitespace runs collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return " ".join(stripped.casefold().split())


def _strip_accents(source: str) -> str:
    decomposed = unicodedata.normalize("NFKD", source)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    ).replace("\u2019", "'")


@dataclass(frozen=True, slots=True)
class PhraseRule:
    name: str
    kind: PhraseKind
    pattern: regex.Pattern[str]
    weight: float
    where: tuple[Place, ...]
    everywhere: bool = False


@dataclass(frozen=True, slots=True)
class MentionRule:
    """A phrasing that makes a body sentence an instruction or a reference."""

    name: str
    pattern: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class HeaderRule:
    name: str
    header: str
    pattern: regex.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class ClassifyRules:
    """Everything :func:`orderintake.classify.classify` needs, validated and compiled."""

    order_threshold: float
    phrases: tuple[PhraseRule, ...]
    headers: tuple[HeaderRule, ...] = ()
    document_order_number_weight: float = 2.0
    document_min_order_number_score: float = 0.5
    document_order_wording_weight: float = 1.0
    document_invoice_weight: float = -4.0
    document_quote_weight: float = -2.0
    purpose_sentences: int = 2
    passing_mention_factor: float = 0.1
    mentions: tuple[MentionRule, ...] = ()
    source: str = ""


def _recompile(pattern: regex.Pattern[str], *, file: str, key: str) -> regex.Pattern[str]:
    return compile_pattern(_strip_accents(pattern.pattern), file=file, key=key)


def _self_test(
    rule: Mapping[str, Any], pattern: regex.Pattern[str], *, file: str, key: str
) -> None:
    for expected, examples in ((True, rule.get("must_match", [])), (False, rule.get("must_not_match", []))):  # fmt: skip
        for example in examples:
            found = pattern.search(normalise(example), timeout=MATCH_TIMEOUT) is not None
            if found != expected:
                verb = "should match" if expected else "should not match"
                raise RuleFileError(f"self-test failed: example {example!r} {verb}", file=file, key=key)  # fmt: skip


def rules_from_data(data: Mapping[str, Any], file: str = "<memory>") -> ClassifyRules:
    """Typed rules from the loader's validated data (also used by tests)."""
    if data.get("version") != 1:
        raise RuleFileError(f"expected version = 1, got {data.get('version')!r}", file=file, key="version")  # fmt: skip
    phrases: list[PhraseRule] = []
    for i, raw in enumerate(data.get("phrase", [])):
        key = f"phrase[{i}]"
        if raw["kind"] not in KINDS:
            raise RuleFileError(
                f"kind must be one of {', '.join(KINDS)}, got {raw['kind']!r}",
                file=file, key=key + ".kind",
            )  # fmt: skip
        where = tuple(raw.get("where", ["subject", "body"]))
        bad = [w for w in where if w not in PLACES]
        if bad or not where:
            raise RuleFileError(
                f"where must list some of {', '.join(PLACES)}, got {list(where)!r}",
                file=file, key=key + ".where",
            )  # fmt: skip
        pattern = _recompile(raw["pattern"], file=file, key=key + ".pattern")
        _self_test(raw, pattern, file=file, key=f"{key} ({raw['name']})")
        everywhere = bool(raw.get("everywhere", False))
        if everywhere and raw["kind"] != "not-order":
            raise RuleFileError(
                "everywhere is only for not-order phrases", file=file, key=key + ".everywhere"
            )
        phrases.append(
            PhraseRule(raw["name"], raw["kind"], pattern, raw["weight"], where, everywhere)
        )
    mentions: list[MentionRule] = []
    for i, raw in enumerate(data.get("mention", [])):
        key = f"mention[{i}]"
        pattern = _recompile(raw["pattern"], file=file, key=key + ".pattern")
        _self_test(raw, pattern, file=file, key=f"{key} ({raw['name']})")
        mentions.append(MentionRule(raw["name"], pattern))
    headers: list[HeaderRule] = []
    for i, raw in enumerate(data.get("header", [])):
        key = f"header[{i}]"
        pattern = _recompile(raw["pattern"], file=file, key=key + ".pattern")
        _self_test(raw, pattern, file=file, key=f"{key} ({raw['name']})")
        headers.append(HeaderRule(raw["name"], raw["header"], pattern, raw["weight"]))
    decision = dict(data["decision"])
    factor = decision.get("passing_mention_factor", 0.1)
    if not 0.0 <= factor <= 1.0:
        raise RuleFileError(
            f"passing_mention_factor must be between 0 and 1, got {factor}",
            file=file, key="decision.passing_mention_factor",
        )  # fmt: skip
    if decision.get("purpose_sentences", 2) < 1:
        raise RuleFileError(
            "purpose_sentences must be at least 1", file=file, key="decision.purpose_sentences"
        )
    return ClassifyRules(
        phrases=tuple(phrases),
        headers=tuple(headers),
        mentions=tuple(mentions),
        source=file,
        **decision,
    )


def load_classify_rules(rules_dir: Path) -> ClassifyRules:
    """Load ``rules_dir/classification.toml``; :class:`RuleFileError` says what is wrong."""
    path = Path(rules_dir) / RULE_FILE
    loaded = load_rule_file(path, SCHEMA)
    return rules_from_data(loaded.data, str(path))
