"""The catalog's domain types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Distribution:
    id: str
    title: str
    media_type: str
    byte_size: int
    sha256: bytes
    object_key: str = ""
    """Where UploadDistribution put the data (one key per content: SHA-256 in the key), or empty."""
    assessment: KAssessment | None = None
    """The privacy service's k-anonymity assessment of the uploaded data, if any."""

    @property
    def uploaded(self) -> bool:
        return bool(self.object_key)

    @property
    def anonymised_k(self) -> int:
        """The assessed k, while the data are still those assessed; 0 otherwise."""
        if self.assessment is None or self.assessment.sha256 != self.sha256 or not self.uploaded:
            return 0
        return self.assessment.k


@dataclass(frozen=True)
class KAssessment:
    """What the privacy service found (CatalogService.AssessDistribution)."""

    privacy_dataset: str
    k: int
    sha256: bytes
    """SHA-256 of the data assessed: the assessment holds only while the upload has it."""
    assess_time: datetime


@dataclass(frozen=True)
class PersonalObject:
    """One person's data of a distribution of a personal dataset."""

    data_subject: str
    object_key: str
    byte_size: int
    sha256: bytes


@dataclass(frozen=True)
class Offer:
    id: str
    policy: str
    """The ODRL JSON as the publisher wrote it."""
    policy_sha256: bytes
    """SHA-256 of its canonical JSON (policy.Policy.digest)."""


@dataclass(frozen=True)
class DatasetFields:
    """What a publisher writes."""

    title: str
    title_en: str = ""
    description: str = ""
    description_en: str = ""
    themes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    temporal_start: datetime | None = None
    temporal_end: datetime | None = None
    spatial: str = ""
    license: str = ""
    update_frequency: str = ""
    """An UpdateFrequency name without its prefix ("MONTHLY"), or empty."""
    distributions: tuple[Distribution, ...] = ()
    offers: tuple[Offer, ...] = ()
    personal_data: bool = False
    personal_data_category: str = ""


@dataclass(frozen=True)
class Dataset:
    publisher: str
    id: str
    fields: DatasetFields
    creator: str
    create_time: datetime
    update_time: datetime
    version: int

    @property
    def name(self) -> str:
        return f"{self.publisher}/datasets/{self.id}"

    @property
    def etag(self) -> str:
        return f'W/"{self.version}"'

    def distribution(self, distribution_id: str) -> Distribution | None:
        return next((d for d in self.fields.distributions if d.id == distribution_id), None)

    def offer(self, offer_id: str) -> Offer | None:
        return next((offer for offer in self.fields.offers if offer.id == offer_id), None)
