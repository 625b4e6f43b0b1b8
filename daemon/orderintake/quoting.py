"""Separate a mail's own words from the history it quotes.

A customer's reply ("Bon pour accord, cordialement") usually carries our whole quote
below it ("Le 3 juin, Devis <devis@…> a écrit : … Veuillez trouver notre offre …"). The
classifier must judge the customer's words only, so the quoted history goes apart; it is
kept for the clerk, never thrown away.

Quote boundaries recognised (French and English mail clients):

* an attribution line: ``Le … a écrit :`` (Gmail wraps it over two lines), ``On … wrote:``;
* ``-----Original Message-----``, ``----- Message d'origine -----``, ``Message original``;
* an Outlook header block: ``De : …`` / ``From: …`` followed within a few lines by
  ``Envoyé : …`` / ``Sent: …`` / ``Date : …`` and ``Objet : …`` / ``Subject: …``
  (often after a line of underscores);
* any line starting with ``>`` (quoted by the mail client).

A *forward* is different: the forwarded mail is the customer's order passed on by a
colleague, so for a forwarded mail (subject ``TR:``/``Fwd:``/``FW:``) header blocks and
forward separators do not start quoted history; ``>`` lines and attribution lines still do.
"""

from __future__ import annotations

import re

_ATTRIBUTION = re.compile(
    r"^\s*(le\s.{0,250}?\sa\s+[ée]crit\s*:|on\s.{0,250}?\swrote\s*:)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(original message|message d'origine|message original|"
    r"message d’origine)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_HDR_FROM = re.compile(r"^\s*\*{0,2}(de|from)\s*\*{0,2}\s*:", re.IGNORECASE)
_HDR_SENT = re.compile(r"^\s*\*{0,2}(envoy[ée]|sent|date)\s*\*{0,2}\s*:", re.IGNORECASE)
_HDR_SUBJECT = re.compile(r"^\s*\*{0,2}(objet|subject)\s*\*{0,2}\s*:", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_FORWARD_PREFIX = re.compile(r"^\s*((fwd?|tr|wg)\s*:\s*)+", re.IGNORECASE)


def is_forward_subject(subject: str) -> bool:
    """True for ``TR: …``, ``Fwd: …``, ``FW: …`` (also after ``RE:``-less chains)."""
    return bool(_FORWARD_PREFIX.match(subject))


def _header_block_at(lines: list[str], i: int) -> bool:
    if not _HDR_FROM.match(lines[i]):
        return False
    window = lines[i + 1 : i + 6]
    return any(_HDR_SENT.match(x) for x in window) and any(_HDR_SUBJECT.match(x) for x in window)


def _boundary(lines: list[str], forward: bool) -> int | None:
    """Index of the first line of quoted history, or None."""
    for i, line in enumerate(lines):
        joined = line if i + 1 >= len(lines) else line + " " + lines[i + 1]
        if _ATTRIBUTION.match(line) or (
            line.strip().lower().startswith(("le ", "on ")) and _ATTRIBUTION.match(joined)
        ):
            return i
        if forward:
            continue
        if _ORIGINAL.match(line) or _header_block_at(lines, i):
            return i
        if _UNDERSCORES.match(line) and i + 1 < len(lines) and _header_block_at(lines, i + 1):
            return i
    return None


def split_quoted(text: str, *, forward: bool = False) -> tuple[str, str]:
    """(own words, quoted history) of a plain-text body."""
    lines = text.splitlines()
    cut = _boundary(lines, forward)
    head, tail = (lines, []) if cut is None else (lines[:cut], lines[cut:])
    own: list[str] = []
    quoted: list[str] = []
    for line in head:
        (quoted if line.lstrip().startswith(">") else own).append(line)
    quoted.extend(tail)
    return "\n".join(own).strip(), "\n".join(quoted).strip()
