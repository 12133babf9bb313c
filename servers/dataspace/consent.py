"""Personal data under the person's identity consent: the second credential of a request.

A dataset marked personal is released per person. The consumer organisation
acts through an app (an identity service account of its own); the person
granted that app a consent (identity's ConsentService), and the app obtained
an access token under it (TokenService.IssueConsentToken: `sub` the person,
`consent` the consent's name, `client_id` the app, `scope`, `categories`).
The app presents that token beside its own in every request that touches
the data: RequestTransfer, ResumeTransfer, DownloadTransfer, AuthorizeUse.

The token is verified here as every server verifies access tokens: with
identity's published keys (GetKeySet) and the process's revocation list
(identity's ListRevocations feed), so a revoked consent is refused within the
feed's delay (JIPAN_REVOCATION_REFRESH_S plus one fetch; at once in the
process that runs identity), and an expired token — which identity never
issues past the consent's own expiry — is refused too. Then what it grants
must cover the use:

- it was issued to the caller (`client_id` is the calling service account),
  for a person (`sub` "people/{id}");
- it grants `dataspace.read`;
- its categories name the use's purpose as "purpose:{purpose}" (a consent
  says what the data may be used for; a use without a purpose is not
  covered), and, when they list data categories (entries without the
  "purpose:" prefix), the dataset's `personal_data_category`;
- for a transfer already bound to a consent, it is that same consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jipan.interceptors.context import Principal
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import DomainError, InvalidArgument, PermissionDenied

CONSENT_SCOPE = "dataspace.read"
PURPOSE_PREFIX = "purpose:"


@dataclass(frozen=True)
class ConsentGrant:
    """What a verified consent token proves."""

    consent: str
    """"people/{person}/consents/{consent}"."""
    person: str
    """"people/{person}": whose data."""
    expires_at: datetime
    """When this token stops working (never after the consent's own expiry)."""


def _denied(reason: str, message: str, problem: str = "") -> PermissionDenied:
    return PermissionDenied(
        reason, message, domain=DOMAIN, metadata={"problem": problem} if problem else None
    )


def consent_required() -> PermissionDenied:
    return _denied(
        "CONSENT_REQUIRED",
        "the dataset holds personal data: the request must carry the person's consent token",
    )


def mesh_local(field: str, dataset: str) -> PermissionDenied:
    """A dataset of personal data asked for across meshes. The person's consent lives in the
    identity of the mesh that holds it: a consent token verifies only with that identity's keys,
    and only its revocation feed stops the use. This mesh cannot check a consent of another mesh's
    identity (nor the other mesh one of this mesh's), so the data stay within the mesh."""
    return PermissionDenied(
        "PERSONAL_DATA_MESH_LOCAL",
        "personal data are released only within the mesh whose identity holds the person's consent",
        domain=DOMAIN,
        metadata={"field": field, "dataset": dataset[:300]},
    )


def not_personal(field: str) -> InvalidArgument:
    return InvalidArgument(
        "NOT_PERSONAL_DATA",
        f"{field} is only for datasets of personal data",
        domain=DOMAIN,
        metadata={"field": field},
    )


class ConsentCheck:
    """Verifies consent tokens and decides whether they cover a use."""

    def __init__(self, verifier: AccessTokenVerifier) -> None:
        self._verifier = verifier

    async def verify(
        self,
        token: str,
        caller: Principal,
        *,
        purpose: str,
        category: str,
        bound_to: str = "",
    ) -> ConsentGrant:
        """The grant `token` proves for this use, or a CONSENT_* refusal."""
        try:
            granted = await self._verifier.verify(token)
        except DomainError as exc:
            if exc.reason == "CONSENT_REVOKED":
                raise _denied("CONSENT_REVOKED", "the person revoked the consent") from None
            if exc.reason == "TOKEN_EXPIRED":
                raise _denied(
                    "CONSENT_EXPIRED", "the consent token has expired; ask identity for a fresh one"
                ) from None
            raise _denied("CONSENT_INVALID", "the consent token does not verify", exc.reason) from None
        if not granted.consent:
            raise _denied("CONSENT_INVALID", "the token was not issued under a consent", "no consent claim")
        if not granted.subject.startswith("people/"):
            raise _denied("CONSENT_INVALID", "a consent is a person's", "subject is not a person")
        if granted.claims.get("client_id") != caller.subject:
            raise _denied(
                "CONSENT_INVALID",
                "the consent token was issued to another app than the caller",
                "client_id is not the caller",
            )
        if bound_to and granted.consent != bound_to:
            raise _denied(
                "CONSENT_MISMATCH",
                "the transfer runs under another consent",
                f"the transfer's consent is {bound_to}",
            )
        if CONSENT_SCOPE not in granted.scopes:
            raise _denied(
                "CONSENT_MISMATCH", f"the consent does not grant {CONSENT_SCOPE}", f"scope {CONSENT_SCOPE}"
            )
        raw = granted.claims.get("categories", [])
        categories = [c for c in raw if isinstance(c, str)] if isinstance(raw, list) else []
        purposes = {c.removeprefix(PURPOSE_PREFIX) for c in categories if c.startswith(PURPOSE_PREFIX)}
        if not purpose or purpose not in purposes:
            raise _denied(
                "CONSENT_MISMATCH",
                f"the consent does not cover the purpose {purpose or '(none given)'!r}",
                f"purpose {purpose}",
            )
        kinds = {c for c in categories if not c.startswith(PURPOSE_PREFIX)}
        if kinds and category not in kinds:
            # A consent limited to some categories does not cover data of no stated category.
            raise _denied(
                "CONSENT_MISMATCH",
                f"the consent does not cover data of category {category or '(none stated)'!r}",
                f"category {category}",
            )
        return ConsentGrant(consent=granted.consent, person=granted.subject, expires_at=granted.expires_at)
