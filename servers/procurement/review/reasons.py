"""Error domain and reason names raised by the listing review engine.

The names are `ErrorReason` values without their `ERROR_REASON_` prefix; the
procurement contract's `error_reason.proto` is expected to carry the same names.
"""

from __future__ import annotations

PROCUREMENT_DOMAIN = "procurement.jipan.tw"

SBOM_MALFORMED = "SBOM_MALFORMED"
SBOM_TOO_LARGE = "SBOM_TOO_LARGE"
SBOM_MEDIA_TYPE_UNSUPPORTED = "SBOM_MEDIA_TYPE_UNSUPPORTED"
SBOM_SPEC_VERSION_UNSUPPORTED = "SBOM_SPEC_VERSION_UNSUPPORTED"
SBOM_SCHEMA_INVALID = "SBOM_SCHEMA_INVALID"
ADVISORY_MALFORMED = "ADVISORY_MALFORMED"
ADVISORY_DUMP_TOO_LARGE = "ADVISORY_DUMP_TOO_LARGE"
SLA_INVALID = "SLA_INVALID"
