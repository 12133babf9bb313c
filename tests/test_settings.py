"""Settings and page tokens: pure functions, no server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_settings_read_only_the_given_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIPAN_LISTEN", "0.0.0.0:1")
    settings = load_settings({"JIPAN_LISTEN": "127.0.0.1:7000", "JIPAN_GRACE_PERIOD_S": "2.5", "OTHER": "x"})
    assert settings.listen == "127.0.0.1:7000"
    assert settings.grace_period_s == 2.5
    assert load_settings({}).listen == "127.0.0.1:50051"


def test_settings_are_frozen() -> None:
    settings = load_settings({})
    with pytest.raises(ValidationError):
        settings.listen = "127.0.0.1:1"  # type: ignore[misc]


def test_overrides_win_and_none_is_ignored() -> None:
    settings = load_settings({"JIPAN_LISTEN": "127.0.0.1:7000"}, listen="127.0.0.1:7001", data_dir=None)
    assert settings.listen == "127.0.0.1:7001"


@pytest.mark.parametrize(
    ("key", "value"),
    [("JIPAN_LISTEN", "no-port"), ("JIPAN_TOKEN_CLOCK_SKEW_S", "-1"), ("JIPAN_TRACE_EXPORTER", "zipkin")],
)
def test_bad_values_are_rejected(key: str, value: str) -> None:
    with pytest.raises(ValidationError):
        load_settings({key: value})


def test_secrets_are_redacted() -> None:
    settings = load_settings(
        {"JIPAN_DATABASE_URL": "postgresql://u:pw@h/db", "JIPAN_PAGE_TOKEN_SECRET": "s" * 32}
    )
    shown = settings.redacted()
    assert shown["database_url"] == "**********"
    assert shown["page_token_secret"] == "**********"
    assert "pw@" not in repr(settings)
    assert settings.database_url is not None
    assert settings.database_url.get_secret_value() == "postgresql://u:pw@h/db"


def test_readme_documents_every_setting() -> None:
    documented = set(re.findall(r"^\| `(JIPAN_[A-Z0-9_]+)` \|", README.read_text(), flags=re.M))
    expected = {f"JIPAN_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_page_tokens_round_trip_and_bind_to_query(tmp_path: Path) -> None:
    tokens = PageTokens.load_or_create(tmp_path)
    assert (tmp_path / "page-token.key").stat().st_mode & 0o777 == 0o600
    again = PageTokens.load_or_create(tmp_path)
    fp = query_fingerprint("ListThings", owner="orgs/a")
    token = tokens.encode(fp, {"after": "things/9", "n": 3})
    assert again.decode(token, fp) == {"after": "things/9", "n": 3}

    other_fp = query_fingerprint("ListThings", owner="orgs/b")
    bad = [
        (token, other_fp),
        (token.replace(".", ".x", 1), fp),
        ("x" + token, fp),
        ("", fp),
        ("no-dot", fp),
        (PageTokens(b"k" * 32).encode(fp, {"after": "x"}), fp),
    ]
    for candidate, fingerprint in bad:
        with pytest.raises(InvalidArgument) as caught:
            tokens.decode(candidate, fingerprint)
        assert caught.value.reason == "PAGE_TOKEN_INVALID"


def test_page_size_rules() -> None:
    assert resolve_page_size(0, default=50, maximum=500) == 50
    assert resolve_page_size(7, default=50, maximum=500) == 7
    assert resolve_page_size(10_000, default=50, maximum=500) == 500
    with pytest.raises(InvalidArgument) as caught:
        resolve_page_size(-1, default=50, maximum=500)
    assert caught.value.reason == "FIELD_INVALID"
