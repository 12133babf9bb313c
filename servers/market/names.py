"""The market service's error domain and resource names."""

from __future__ import annotations

import re

from jipan.interceptors.context import Principal
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument, PermissionDenied

DOMAIN = "market.jipan.tw"

PROJECT_ID = r"[a-z0-9][a-z0-9.-]{0,127}"
VERSION_ID = r"[A-Za-z0-9][A-Za-z0-9._+!~-]{0,127}"
_PROJECT = re.compile(rf"^projects/({PROJECT_ID})$")
_VERSION = re.compile(rf"^projects/({PROJECT_ID})/versions/({VERSION_ID})$")
_HEALTH = re.compile(rf"^projects/({PROJECT_ID})/health$")
_CLAIM = re.compile(
    rf"^projects/({PROJECT_ID})/claims/([0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})$"
)
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_ORG_ID = r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_PROVIDER = re.compile(rf"^providers/({_ORG_ID})$")
_OFFER = re.compile(rf"^providers/({_ORG_ID})/offers/({_UUID})$")
_QUESTION = re.compile(rf"^projects/({PROJECT_ID})/questions/({_UUID})$")
_ANSWER = re.compile(rf"^projects/({PROJECT_ID})/questions/({_UUID})/answers/({_UUID})$")
_PUBLISHER = re.compile(r"^publishers/([A-Za-z0-9][A-Za-z0-9._:-]{0,99})$")


def caller_org(principal: Principal, why: str) -> str:
    """The caller's organisation; a token that names none is ORGANIZATION_MISMATCH (`why`: what
    needs an organisation)."""
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH", f"the token names no organisation (`org`); {why}", domain=DOMAIN
        )
    return principal.org


def field_invalid(field: str, problem: str) -> InvalidArgument:
    """FIELD_INVALID naming `field`, with its BadRequest field violation."""
    return InvalidArgument(
        "FIELD_INVALID",
        f"{field}: {problem}",
        domain=DOMAIN,
        metadata={"field": field},
        field_violations=[FieldViolation(field, problem)],
    )


def invalid_name(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def parse_project(name: str, field: str = "name") -> str:
    """ "projects/{project}" → project id."""
    match = _PROJECT.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}")
    return match.group(1)


def parse_version(name: str, field: str = "name") -> tuple[str, str]:
    """ "projects/{project}/versions/{version}" → (project id, version)."""
    match = _VERSION.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/versions/{version}")
    return match.group(1), match.group(2)


def parse_health(name: str, field: str = "name") -> str:
    """ "projects/{project}/health" → project id."""
    match = _HEALTH.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/health")
    return match.group(1)


def project_name(project_id: str) -> str:
    return f"projects/{project_id}"


def version_name(project_id: str, version: str) -> str:
    return f"projects/{project_id}/versions/{version}"


def parse_claim(name: str, field: str = "name") -> tuple[str, str]:
    """ "projects/{project}/claims/{claim}" → (project id, claim id)."""
    match = _CLAIM.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/claims/{claim}")
    return match.group(1), match.group(2)


def parse_publisher(name: str, field: str = "name") -> str:
    """ "publishers/{organization}" → "orgs/{organization}"."""
    match = _PUBLISHER.match(name)
    if match is None:
        raise invalid_name(field, name, "publishers/{organization}")
    return f"orgs/{match.group(1)}"


def claim_name(project_id: str, claim_id: str) -> str:
    return f"projects/{project_id}/claims/{claim_id}"


def publisher_name(organization: str) -> str:
    """ "orgs/{organization}" → "publishers/{organization}"."""
    return "publishers/" + organization.removeprefix("orgs/")


def parse_provider(name: str, field: str = "name") -> str:
    """ "providers/{organization}" → "orgs/{organization}"."""
    match = _PROVIDER.match(name)
    if match is None:
        raise invalid_name(field, name, "providers/{organization}")
    return f"orgs/{match.group(1)}"


def parse_offer(name: str, field: str = "name") -> tuple[str, str]:
    """ "providers/{organization}/offers/{offer}" → ("orgs/{organization}", offer id)."""
    match = _OFFER.match(name)
    if match is None:
        raise invalid_name(field, name, "providers/{organization}/offers/{offer}")
    return f"orgs/{match.group(1)}", match.group(2)


def provider_name(organization: str) -> str:
    return "providers/" + organization.removeprefix("orgs/")


def offer_name(organization: str, offer_id: str) -> str:
    return f"{provider_name(organization)}/offers/{offer_id}"


def parse_question(name: str, field: str = "name") -> tuple[str, str]:
    """ "projects/{project}/questions/{question}" → (project id, question id)."""
    match = _QUESTION.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/questions/{question}")
    return match.group(1), match.group(2)


def parse_answer(name: str, field: str = "name") -> tuple[str, str, str]:
    """ ".../questions/{question}/answers/{answer}" → (project id, question id, answer id)."""
    match = _ANSWER.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/questions/{question}/answers/{answer}")
    return match.group(1), match.group(2), match.group(3)


# -- trials and Co-Lab spaces ---------------------------------------------------

SPACE_ID = r"[a-z][a-z0-9-]{0,62}"
_TRIAL_TEMPLATE = re.compile(rf"^projects/({PROJECT_ID})/trialTemplates/({_UUID})$")
_TRIAL = re.compile(rf"^orgs/({_ORG_ID})/trials/({_UUID})$")
_ORG = re.compile(rf"^orgs/({_ORG_ID})$")
_SPACE = re.compile(rf"^spaces/({SPACE_ID})$")
_SPACE_INVITATION = re.compile(rf"^spaces/({SPACE_ID})/invitations/({_ORG_ID})$")
_SPACE_DOCUMENT = re.compile(rf"^spaces/({SPACE_ID})/documents/({_UUID})$")
_DECISION = re.compile(rf"^spaces/({SPACE_ID})/decisions/({_UUID})$")


def parse_org(name: str, field: str = "parent") -> str:
    """ "orgs/{organization}", checked."""
    if _ORG.match(name) is None:
        raise invalid_name(field, name, "orgs/{organization}")
    return name


def parse_trial_template(name: str, field: str = "name") -> tuple[str, str]:
    """ "projects/{project}/trialTemplates/{template}" → (project id, template id)."""
    match = _TRIAL_TEMPLATE.match(name)
    if match is None:
        raise invalid_name(field, name, "projects/{project}/trialTemplates/{template}")
    return match.group(1), match.group(2)


def trial_template_name(project_id: str, template_id: str) -> str:
    return f"projects/{project_id}/trialTemplates/{template_id}"


def parse_trial(name: str, field: str = "name") -> tuple[str, str]:
    """ "orgs/{organization}/trials/{trial}" → ("orgs/{organization}", trial id)."""
    match = _TRIAL.match(name)
    if match is None:
        raise invalid_name(field, name, "orgs/{organization}/trials/{trial}")
    return f"orgs/{match.group(1)}", match.group(2)


def trial_name(organization: str, trial_id: str) -> str:
    return f"{organization}/trials/{trial_id}"


def parse_space(name: str, field: str = "name") -> str:
    """ "spaces/{space}" → space id."""
    match = _SPACE.match(name)
    if match is None:
        raise invalid_name(field, name, "spaces/{space}")
    return match.group(1)


def parse_space_invitation(name: str, field: str = "name") -> tuple[str, str]:
    """ "spaces/{space}/invitations/{organization}" → (space id, "orgs/{organization}")."""
    match = _SPACE_INVITATION.match(name)
    if match is None:
        raise invalid_name(field, name, "spaces/{space}/invitations/{organization}")
    return match.group(1), f"orgs/{match.group(2)}"


def parse_space_document(name: str, field: str = "name") -> tuple[str, str]:
    """ "spaces/{space}/documents/{document}" → (space id, document id)."""
    match = _SPACE_DOCUMENT.match(name)
    if match is None:
        raise invalid_name(field, name, "spaces/{space}/documents/{document}")
    return match.group(1), match.group(2)


def parse_decision(name: str, field: str = "name") -> tuple[str, str]:
    """ "spaces/{space}/decisions/{decision}" → (space id, decision id)."""
    match = _DECISION.match(name)
    if match is None:
        raise invalid_name(field, name, "spaces/{space}/decisions/{decision}")
    return match.group(1), match.group(2)
