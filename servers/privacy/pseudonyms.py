"""Pseudonyms: keyed HMAC-SHA-256 of a cell under the dataset's own key.

A keyed hash rather than a plain one: identifiers (national ids, phone
numbers) come from small spaces, and an unkeyed hash of one is reversed by
hashing every candidate. The key is the dataset's, so the same person has
one pseudonym within a dataset (records stay joinable) and unrelated ones
in two datasets (two releases cannot be joined on them). The column name is
hashed with the value, so a value that appears in two columns (a person's
id and their guardian's id) is not linked across them either.

A recipient (another organisation, or a purpose) gets pseudonyms under a key
derived from the dataset's and its label, so two recipients of the same
dataset cannot join what they were given. Linking pseudonyms across
datasets or recipients (`link`) goes through the values, inside the
service, and answers only pseudonyms the target would give anyway.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
from collections.abc import Sequence

from jipan.servers.privacy.table import Table, read_table
from jipan.servers.privacy.types import Column

KEY_BYTES = 32
# 26 base32 characters carry 130 bits: collisions stay out of reach for any
# dataset the service holds, and the text stays short enough for a cell.
PSEUDONYM_CHARS = 26
_SEPARATOR = "\x1f"  # ASCII unit separator: no column name "a" + value "b\x1fc" equals "a\x1fb" + "c"


def recipient_key(key: bytes, recipient: str) -> bytes:
    """The key a recipient's pseudonyms are made under: the dataset's own for "" (the
    pseudonyms before recipients existed), else HMAC-SHA-256(dataset key, label)."""
    if not recipient:
        return key
    return hmac.new(key, ("recipient" + _SEPARATOR + recipient).encode(), hashlib.sha256).digest()


def pseudonym(key: bytes, column: str, value: str) -> str:
    digest = hmac.new(key, (column + _SEPARATOR + value).encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:PSEUDONYM_CHARS].lower()


def pseudonymise_csv(
    content: bytes, columns: Sequence[Column], chosen: Sequence[str], key: bytes, *, max_rows: int
) -> bytes:
    """The CSV with `chosen` columns' non-empty cells replaced by their pseudonyms.

    The value hashed is the cell as the dataset reads it (numbers and dates
    normalised, see table.py), so "30" and "30.0" get one pseudonym, as they
    form one equivalence class. Other cells are written as stored; blank
    lines, which hold no record, are dropped.
    """
    table = read_table(content, columns, max_rows=max_rows)
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), strict=True)
    header = next(reader)
    names = [cell.strip() for cell in header]
    replaced = {names.index(name): name for name in chosen}
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    record = 0
    for row in reader:
        if not row:
            continue
        for index, name in replaced.items():
            value = table.columns[name][record]
            if value:
                row[index] = pseudonym(key, name, value)
        writer.writerow(row)
        record += 1
    return out.getvalue().encode()


def link(
    source: Table,
    source_column: str,
    source_key: bytes,
    target: Table,
    target_column: str,
    target_key: bytes,
    asked: Sequence[str],
) -> list[str]:
    """For each pseudonym in `asked` that a non-empty cell of `source_column` has, the
    pseudonym `target_column` gives the same value; "" for the others, and for values
    the target's column does not hold (so a link never mints a pseudonym for a value the
    target does not have)."""
    wanted = set(asked)
    values: dict[str, str] = {}
    for value in set(source.columns[source_column]):
        if value:
            made = pseudonym(source_key, source_column, value)
            if made in wanted:
                values[made] = value
    held = set(target.columns[target_column])
    out: list[str] = []
    for given in asked:
        found = values.get(given)
        out.append(pseudonym(target_key, target_column, found) if found is not None and found in held else "")
    return out
