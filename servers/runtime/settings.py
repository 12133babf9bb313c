"""One frozen, typed settings object per process, read from `JIPAN_*` variables.

`load_settings(env)` takes an explicit mapping so tests never depend on the
process environment; `Settings.redacted()` is what `jipan config` prints.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


@dataclass(frozen=True)
class ClientCertificate:
    """The certificate chain and private key (PEM files) a process presents on its
    outbound TLS calls, for servers that require client certificates (mTLS)."""

    cert_file: Path
    key_file: Path


class DataspacePeer(BaseModel):
    """Another mesh whose dataspace this mesh's consumers negotiate with through federation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    target: str = Field(min_length=1, max_length=300, description="host:port of that mesh's gRPC endpoint")
    audience: str = Field(
        pattern=r"^[a-z][a-z0-9._:/-]{0,127}$",
        description="that mesh's token audience (JIPAN_TOKEN_AUDIENCE)",
    )
    ca_file: Path | None = Field(None, description="PEM roots to verify target with (TLS); unset: plaintext")
    issuer: str | None = Field(
        None,
        max_length=300,
        description="that mesh's token issuer: its provider messages' notifications (NotifyNegotiation) are "
        "accepted from callers federation exchanged for that issuer only; unset: none are",
    )
    federation_peer: str | None = Field(
        None,
        pattern=r"^orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}/peers/[a-z][a-z0-9-]{0,62}$",
        description="the federation peer this mesh registered for that mesh (its consumers arrive as it): "
        "this mesh's providers' messages to those consumers are notified there; unset: not notified",
    )


class ConfigError(Exception):
    """The settings cannot produce a working process (a missing certificate, a taken port)."""


class TraceExporter(StrEnum):
    NONE = "none"
    CONSOLE = "console"
    OTLP = "otlp"


class LogFormat(StrEnum):
    JSON = "json"
    CONSOLE = "console"


class EventLoop(StrEnum):
    UVLOOP = "uvloop"
    ASYNCIO = "asyncio"


def default_data_dir() -> Path:
    """Where embedded engines keep their state.

    pgserver makes every parent of its data folder world-readable, so as root
    the default stays out of root's home: /var/lib/jipan.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/lib/jipan")
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "jipan"


class Settings(BaseSettings):
    """Effective configuration; every field maps to `JIPAN_<FIELD>`."""

    model_config = SettingsConfigDict(env_prefix="JIPAN_", frozen=True, extra="ignore")

    listen: str = Field("127.0.0.1:50051", description="host:port the gRPC server binds; port 0 picks one")
    data_dir: Path = Field(
        default_factory=default_data_dir, description="state of embedded engines and dev keys"
    )

    database_url: SecretStr | None = Field(
        None, description="PostgreSQL URL; unset starts the embedded PostgreSQL (pgserver) in data_dir"
    )
    database_pool_min: int = Field(1, ge=0, description="asyncpg pool minimum connections")
    database_pool_max: int = Field(10, ge=1, description="asyncpg pool maximum connections")

    object_store_url: str | None = Field(
        None,
        description="s3://bucket[/prefix] for S3/MinIO/Ceph; unset uses data_dir/objects on the filesystem",
    )
    s3_endpoint_url: str | None = Field(None, description="S3 endpoint override (MinIO, Ceph, moto)")
    s3_region: str = Field("us-east-1", description="S3 region")

    tls_cert_file: Path | None = Field(None, description="server certificate chain (PEM); enables TLS")
    tls_key_file: Path | None = Field(None, description="server private key (PEM)")
    tls_client_ca_file: Path | None = Field(
        None, description="CA bundle for client certificates; enables mTLS"
    )
    tls_require_client_cert: bool = Field(
        True, description="with a client CA, reject calls without a certificate"
    )
    outbound_tls_cert_file: Path | None = Field(
        None,
        description="certificate chain (PEM) this process presents on its TLS calls to other mesh "
        "targets (identity, ledger, inference, procurement), for servers that require client "
        "certificates (mTLS); with outbound_tls_key_file",
    )
    outbound_tls_key_file: Path | None = Field(
        None, description="private key (PEM) of outbound_tls_cert_file"
    )

    token_issuer: str = Field("https://jipan.local/dev", description="expected `iss` of access tokens")
    token_audience: str = Field("jipan", description="this server's audience; tokens must name it in `aud`")
    token_clock_skew_s: int = Field(30, ge=0, le=300, description="allowed clock skew for exp/nbf/iat")
    identity_target: str | None = Field(
        None,
        description="host:port of identity (its GetKeySet); unset uses the embedded dev key in data_dir",
    )
    identity_target_ca_file: Path | None = Field(
        None,
        description="PEM roots to verify identity_target with (TLS); unset: plaintext (TLS at a sidecar)",
    )
    key_set_refresh_s: int = Field(300, ge=1, description="how long a fetched key set is cached")
    revocation_refresh_s: float = Field(
        2.0,
        gt=0,
        le=300,
        description="how often every server reads identity's revocation feed: a revoked token, "
        "consent or session is refused everywhere within this plus one fetch",
    )

    # identity: passkeys (WebAuthn relying party) and the tokens it issues.
    webauthn_rp_id: str = Field(
        "localhost", description="WebAuthn relying-party id (a registrable domain; passkeys are bound to it)"
    )
    webauthn_rp_name: str = Field("Jipan", description="relying-party name shown by authenticators")
    webauthn_origins: str = Field(
        "http://localhost:8080",
        description="comma-separated origins allowed in clientDataJSON (scheme://host[:port])",
    )
    webauthn_allowed_aaguids: str = Field(
        "",
        description="comma-separated authenticator AAGUIDs accepted at registration; empty accepts any",
    )
    webauthn_attestation_roots_file: Path | None = Field(
        None,
        description="PEM bundle of trusted attestation root CAs; when set, registration requires "
        "verified (packed, x5c) attestation chaining to one of them",
    )
    webauthn_challenge_ttl_s: int = Field(
        300, ge=10, le=3600, description="how long a passkey ceremony's challenge stays usable"
    )
    access_token_ttl_s: int = Field(
        600, ge=60, le=3600, description="lifetime of access tokens identity issues"
    )
    signing_key_rotation_s: int = Field(
        86400, ge=60, description="how long identity signs with one key before rotating to a new one"
    )
    signing_key_secret: SecretStr | None = Field(
        None,
        description="key (32+ chars) that encrypts identity's private signing keys at rest; "
        "unset keeps a random one in data_dir",
    )
    consent_token_ttl_s: int = Field(
        60,
        ge=5,
        le=3600,
        description="lifetime of tokens issued under a consent: how long they outlive a revocation "
        "on a server that cannot reach the revocation feed (plus skew)",
    )
    refresh_token_ttl_s: int = Field(
        2_592_000, ge=300, description="lifetime of each refresh token identity issues (rotated on every use)"
    )
    security_event_ledger_target: str | None = Field(
        None,
        description="host:port of the ledger (LedgerService) that identity anchors each security "
        "event's digest on; unset: events are not anchored",
    )
    security_event_anchor_interval_s: float = Field(
        10.0,
        gt=0,
        le=86400,
        description="how often identity anchors the security events recorded since the last run",
    )

    page_token_secret: SecretStr | None = Field(
        None, description="HMAC key for page tokens; unset derives one kept in data_dir"
    )

    ledger_chain_url: str | None = Field(
        None,
        description="EVM JSON-RPC endpoint (http[s]://) of the ledger's chain; "
        "unset runs the in-process EVM (eth-tester/py-evm)",
    )
    ledger_contract_address: str | None = Field(
        None,
        description="AnchorRegistry address on the JSON-RPC chain; "
        "unset deploys it once and records it in PostgreSQL",
    )
    ledger_keystore_file: Path | None = Field(
        None, description="encrypted JSON keystore of the ledger's signing account (JSON-RPC mode)"
    )
    ledger_keystore_password: SecretStr | None = Field(None, description="password of ledger_keystore_file")
    ledger_batch_size: int = Field(
        256, ge=1, le=100_000, description="digests per Merkle batch; a full batch is sent at once"
    )
    ledger_batch_window_s: float = Field(
        0.5, ge=0, le=3600, description="longest an accepted digest waits for its batch to fill"
    )
    ledger_confirmations: int = Field(
        0, ge=0, le=1000, description="blocks on top of the anchoring block before a receipt is CONFIRMED"
    )
    ledger_retry_s: float = Field(
        5.0, gt=0, le=3600, description="wait before retrying a failed or unreachable anchoring"
    )
    ledger_leader_poll_s: float = Field(
        1.0,
        gt=0,
        le=60,
        description="how often a ledger replica that does not send tries to take over the sending; the "
        "sender holds a PostgreSQL advisory lock that is freed the moment its session ends",
    )
    ledger_leader_keepalive_s: float = Field(
        10.0,
        ge=1,
        le=3600,
        description="TCP keepalive of the sending replica's lock session: PostgreSQL frees the lock "
        "about 2x this after the replica's host vanishes (a killed process frees it at once)",
    )
    platform_org: str = Field(
        "orgs/founder",
        pattern=r"^orgs/[A-Za-z0-9_.-]{1,64}$",
        description="the platform operator's organisation: the only one whose memberships may hold "
        "platform roles",
    )
    platform_roles: str = Field(
        "procurement-admin,procurement-reviewer,ledger-auditor",
        description="comma-separated roles that act across every organisation; identity grants and "
        "issues them only in platform_org",
    )
    ledger_founder_org: str = Field(
        "orgs/founder",
        pattern=r"^orgs/[A-Za-z0-9_.-]{1,64}$",
        description="organisation (token org claim) of the consortium's founding member, "
        "whose account deploys the ConsortiumRegistry",
    )
    ledger_founder_legal_name: str = Field(
        "Consortium founder", min_length=1, description="registered legal name of the founding member"
    )
    ledger_founder_registration_number: str = Field(
        "00000000", min_length=1, description="registration number of the founding member"
    )
    ledger_member_keystore_dir: Path | None = Field(
        None,
        description="JSON-RPC mode: directory of encrypted keystores, one per member organisation "
        "({org}.json for orgs/{org}, password ledger_keystore_password) that governance signs with",
    )
    ledger_quorum_percent: int = Field(
        67, ge=1, le=100, description="percentage of members whose votes carry a governance proposal"
    )
    ledger_governance_resync_s: float = Field(
        300.0,
        ge=0,
        le=86_400,
        description="how often the governance mirror in PostgreSQL is re-read from the ConsortiumRegistry "
        "(also once at start); 0: at start only",
    )
    ledger_replace_after_s: float = Field(
        60.0,
        gt=0,
        le=3600,
        description="JSON-RPC chains: how long an anchoring transaction may stay unmined before it is "
        "sent again with the same nonce and fees raised by 12.5%",
    )
    ledger_target: str | None = Field(
        None,
        description="host:port of the ledger that procurement anchors through; unset: this server "
        "(which must then serve ledger)",
    )
    ledger_target_ca_file: Path | None = Field(
        None,
        description="PEM roots to verify ledger_target and security_event_ledger_target with (TLS); "
        "unset: plaintext",
    )
    procurement_k_anonymity: int = Field(
        5,
        ge=1,
        le=1000,
        description="procurement analytics: a market-wide cell built from fewer distinct agencies "
        "than this is suppressed for everyone but platform operators",
    )
    procurement_analytics_release_lag_days: int = Field(
        7,
        ge=0,
        le=90,
        description="procurement analytics: days after a month (UTC+8) ends before the "
        "k-anonymised market view releases it and freezes its figures (for late confirmations)",
    )
    procurement_privacy_target: str | None = Field(
        None,
        description="host:port of the privacy service that decides which cells procurement's "
        "k-anonymised analytics withhold; unset: this server (which must then serve privacy)",
    )
    procurement_privacy_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify procurement_privacy_target with (TLS); unset: plaintext"
    )
    service_account: str | None = Field(
        None,
        pattern=r"^services/[a-z][a-z0-9-]{0,62}$",
        description="identity service account this process acts as on service-to-service calls "
        "(needs service_account_key_file and identity_target)",
    )
    service_account_key_file: Path | None = Field(
        None, description="PEM Ed25519 private key of service_account, whose public key identity holds"
    )
    service_token_file: Path | None = Field(
        None,
        description="file holding the access token for this process's service-to-service calls, "
        "re-read when it changes; unset: minted with the embedded dev key (embedded mode only)",
    )
    procurement_ocid_prefix: str = Field(
        "ocds-jipan1-",
        pattern=r"^ocds-[a-z0-9]{6}-$",
        description="OCDS ocid prefix of published contracting processes (register your own with the "
        "Open Contracting Partnership for production)",
    )
    procurement_publisher_name: str = Field(
        "Jipan procurement (development)", description="OCDS publisher name in exported release packages"
    )

    triton_target: str | None = Field(
        None,
        description="host:port of a production Triton cluster's gRPC endpoint (onnxruntime backend, "
        "--model-control-mode=explicit); unset starts the embedded tritonserver of nvidia-pytriton",
    )
    triton_target_ca_file: Path | None = Field(
        None, description="CA bundle for TLS to triton_target; unset connects in plaintext"
    )
    triton_access_token: SecretStr | None = Field(
        None,
        description="value of the triton-grpc-protocol-triton-access-token header the Triton cluster's "
        "restricted protocols require; the embedded tritonserver makes its own",
    )
    triton_startup_timeout_s: float = Field(
        120.0, gt=0, description="how long the embedded tritonserver may take to become ready"
    )
    model_kek_file: Path | None = Field(
        None,
        description="key-encryption key (32 bytes) that wraps each model version's data key; unset: "
        "data_dir/model-kek, created on first use (embedded mode)",
    )
    model_kms_key_id: str | None = Field(
        None, description="AWS KMS key id or ARN that wraps model data keys; takes over from model_kek_file"
    )
    kms_endpoint_url: str | None = Field(None, description="KMS endpoint override (moto, LocalStack)")
    kms_region: str = Field("us-east-1", description="KMS region")
    model_max_bytes: int = Field(
        512 * 1024 * 1024, ge=1024, description="largest model version an upload may carry"
    )
    inference_quota_rps: float = Field(
        200.0, gt=0, description="ModelInfer requests per second an organisation may make (token bucket)"
    )
    inference_quota_burst: int = Field(
        400, ge=1, description="requests an organisation may make at once before the rate applies"
    )
    inference_quota_orgs: str = Field(
        "",
        description="per-organisation ModelInfer quotas overriding the defaults, comma-separated "
        "'orgs/{id}=RATE/BURST' (e.g. 'orgs/moda=50/100,orgs/nchc=500/1000')",
    )
    inference_builtin_models: bool = Field(
        True, description="register and deploy the shipped models (text embedder, OCR) at start"
    )
    inference_target: str | None = Field(
        None,
        description="host:port of the inference gateway that document runs its OCR models through; "
        "unset: this server (which must then serve inference)",
    )
    inference_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify inference_target with (TLS); unset: plaintext"
    )
    privacy_max_dataset_bytes: int = Field(
        15 * 1024 * 1024,
        ge=1024,
        le=15 * 1024 * 1024,
        description="largest CSV a privacy dataset may be created from (a request carries it whole, "
        "within gRPC's 16 MiB message limit)",
    )
    privacy_max_dataset_rows: int = Field(
        200_000, ge=1, le=10_000_000, description="most records a privacy dataset may hold"
    )
    privacy_operation_lease_s: float = Field(
        30.0,
        ge=1,
        le=3600,
        description="how long the lease of a running privacy operation lasts; the process running it "
        "renews it every third of that, and any replica fails an operation whose lease lapsed (its "
        "process died) as OPERATION_INTERRUPTED, at its start and every half lease",
    )
    factcheck_confident_score: float = Field(
        0.9,
        ge=0.0,
        le=1.0,
        description="SubmitClaim queues a claim for review unless its best match scores at least this "
        "(and passes the matching threshold)",
    )
    factcheck_index_poll_s: float = Field(
        2.0,
        gt=0.0,
        le=300.0,
        description="how often each factcheck server reads the fact-checks other replicas changed into "
        "its in-memory matching index",
    )

    dataspace_max_upload_bytes: int = Field(
        4 * 1024**3, ge=1024, le=1024**4, description="largest distribution UploadDistribution accepts"
    )
    dataspace_transfer_token_ttl_s: int = Field(
        3600,
        ge=10,
        le=7 * 86400,
        description="how long a transfer's download token (and presigned URL) works",
    )
    dataspace_privacy_target: str | None = Field(
        None,
        description="host:port of privacy, which AssessDistribution asks for k-anonymity assessments; "
        "unset: this server (which must then serve privacy for AssessDistribution to work)",
    )
    dataspace_privacy_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify dataspace_privacy_target with (TLS); unset: plaintext"
    )
    dataspace_factcheck_target: str | None = Field(
        None,
        description="host:port of factcheck, whose published fact-checks PublishFactCheckDataset and "
        "source records PublishSourceRatingsDataset read; unset: this server (which must then serve "
        "factcheck for it to work)",
    )
    dataspace_factcheck_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify dataspace_factcheck_target with (TLS); unset: plaintext"
    )
    dataspace_presign_ttl_s: int = Field(
        60,
        ge=5,
        le=900,
        description="how long a presigned download URL (TransferService.PresignDownload) works: a "
        "download must start within it, and the policy is checked again for the next",
    )
    dataspace_peers: dict[str, DataspacePeer] = Field(
        default_factory=dict,
        description="other meshes whose dataspaces this one negotiates with through federation, as JSON: "
        '{"mesh-b": {"target": "host:port", "audience": "mesh-b", "ca_file": null}}; keys are the ids '
        "consumers name in `peer` (lower-case letters, digits, hyphens)",
    )
    dataspace_cloud_target: str | None = Field(
        None,
        description="host:port of the cloud broker whose StorageService.WriteObject push transfers write "
        "through (with the consumer's own token); unset: this server (which must then serve cloud for "
        "cloud_destination pushes to work)",
    )
    dataspace_cloud_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify dataspace_cloud_target with (TLS); unset: plaintext"
    )
    dataspace_notify_backoff_s: float = Field(
        1.0,
        gt=0,
        le=3600,
        description="first retry step of an undelivered NotifyNegotiation to a consumer's mesh; each "
        "retry doubles it (with jitter), up to dataspace_notify_backoff_max_s",
    )
    dataspace_notify_backoff_max_s: float = Field(
        300.0, gt=0, le=86400, description="longest wait between two attempts of a NotifyNegotiation"
    )
    dataspace_push_lease_s: float = Field(
        30.0,
        ge=1,
        le=3600,
        description="how long the lease of a push transfer being written lasts; the process writing it "
        "renews it every third of that, and any replica ends a push whose lease lapsed (its process "
        "died) TERMINATED PUSH_INTERRUPTED, at its start and every half lease",
    )
    dataspace_push_allow_http_loopback: bool = Field(
        False,
        description="let push transfers write to a plain-http S3 endpoint on a loopback address "
        "(development and tests; otherwise https only)",
    )
    # federation: agency-to-agency calls between independent meshes.
    federation_ca_file: Path | None = Field(
        None,
        description="PEM CA certificate(s) this mesh's workload certificates chain to, published in "
        "its trust bundle (x509-svid); unset: tls_client_ca_file, else none",
    )
    federation_bundle_refresh_s: float = Field(
        300.0, gt=0, le=86_400, description="refresh hint of this mesh's trust bundle (seconds)"
    )
    federation_bundle_validity_s: float = Field(
        86_400.0,
        gt=0,
        le=30 * 86_400,
        description="how long a peer may keep using this mesh's bundle without reaching it again",
    )
    federation_token_ttl_s: int = Field(
        300, ge=10, le=3600, description="lifetime of a token exchanged for a peer's caller"
    )
    federation_anchor_interval_s: float = Field(
        2.0, gt=0, le=3600, description="how often message log batches are anchored on the ledger"
    )
    federation_log_enabled: bool = Field(
        True, description="record every federated call in the message log (off only for benchmarks)"
    )
    federation_egress_listen: str | None = Field(
        None,
        description="host:port of federation's egress, a listener of its own where this mesh's callers "
        "call a peer mesh's methods with their own token (metadata x-jipan-peer names the peer); "
        "unset: no egress",
    )
    market_procurement_target: str | None = Field(
        None,
        description="host:port of procurement, whose OSV store market reads advisories from; "
        "unset: this server (which must then serve procurement)",
    )
    market_procurement_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify market_procurement_target with (TLS); unset: plaintext"
    )
    market_claim_allow_http_loopback: bool = Field(
        False,
        description="let publisher claims fetch their challenge file over plain http from a loopback "
        "address (development and tests); otherwise https only",
    )
    market_cloud_target: str | None = Field(
        None,
        description="host:port of the cloud broker that market provisions trials through; "
        "unset: this server when it serves cloud without TLS, else trials are not configured",
    )
    market_cloud_target_ca_file: Path | None = Field(
        None, description="PEM roots to verify market_cloud_target with (TLS); unset: plaintext"
    )
    market_trial_org: str = Field(
        "orgs/market-trials",
        pattern=r"^orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$",
        description="the cloud broker organisation trials run in: its offerings are the machine sizes "
        "templates name, its provider accounts pay for the trials (market's service token acts for it)",
    )
    market_trial_sweep_s: float = Field(
        30.0,
        ge=0.05,
        le=3600,
        description="how often market takes up trial teardowns the cloud broker refused while still "
        "creating, and provisioning a lost StartTrial never handed to it",
    )
    market_max_document_bytes: int = Field(
        64 * 1024 * 1024, ge=1, le=5 * 1024**3, description="largest document a Co-Lab space accepts"
    )
    market_webhook_allow_private: bool = Field(
        False,
        description="let market webhooks go to private, loopback and reserved addresses and over plain "
        "http (development and tests); otherwise https to public addresses only",
    )
    market_webhook_max_attempts: int = Field(
        8, ge=1, le=50, description="attempts of one webhook delivery before it is FAILED"
    )
    market_webhook_backoff_s: float = Field(
        5.0,
        gt=0,
        description="first retry step of a webhook delivery; each retry doubles it (with jitter), "
        "up to market_webhook_backoff_max_s",
    )
    market_webhook_backoff_max_s: float = Field(
        3600.0, gt=0, description="longest wait between two attempts of a webhook delivery"
    )
    cloud_ttl_sweep_s: float = Field(
        10.0,
        ge=0.05,
        le=3600,
        description="how often cloud looks for deployments past their expire_time and for provisioning "
        "operations whose runner died",
    )
    cloud_operation_lease_s: float = Field(
        30.0,
        ge=1,
        le=3600,
        description="how long a cloud provisioning runner holds an operation between steps; an operation "
        "whose runner died is resumed once its lease lapses",
    )
    cloud_max_object_bytes: int = Field(
        5 * 1024**3,
        ge=1024,
        le=5 * 1024**4,
        description="largest object StorageService.WriteObject writes; a longer stream is refused as it "
        "arrives and nothing is left in the bucket",
    )
    cloud_ca_file: Path | None = Field(
        None,
        description="PEM roots the Azure and OpenStack adapters trust besides the system's, for a "
        "private cloud's endpoint with its own CA (Azure Stack Hub, an OpenStack cloud); unset: the "
        "system roots only",
    )

    # The Connect gateway (servers/gateway/): browsers and HTTP clients call every served method.
    gateway_host: str = Field(
        "127.0.0.1", description="address the Connect gateway binds (jipan up; jipan serve --gateway)"
    )
    gateway_port: int | None = Field(
        None,
        ge=0,
        le=65535,
        description="Connect gateway port; 0 picks a free one; unset: 8080, or a free one when the "
        "gRPC listen port is 0",
    )
    gateway_cors_origins: str = Field(
        "",
        description="comma-separated origins allowed to call the gateway from a browser; empty: the "
        "gateway's own origin and Vite's dev origins (localhost:5173, :4173)",
    )
    gateway_max_request_bytes: int = Field(
        8 * 1024 * 1024, ge=1024, le=64 * 1024 * 1024, description="largest request body the gateway takes"
    )
    gateway_max_response_bytes: int = Field(
        16 * 1024 * 1024, ge=1024, le=64 * 1024 * 1024, description="largest response message it returns"
    )
    gateway_unary_timeout_s: float = Field(
        60.0, gt=0, le=3600, description="deadline of a unary call that sends no Connect-Timeout-Ms"
    )
    gateway_static_dir: Path | None = Field(
        None, description="the portal's build served at /; unset: portal/dist of the repository"
    )
    gateway_mesh_ca_file: Path | None = Field(
        None,
        description="PEM roots the gateway verifies this server's certificate with when the gRPC "
        "server uses TLS (it presents outbound_tls_cert_file where the server requires client "
        "certificates); unset under TLS: the gateway is not started",
    )

    trace_exporter: TraceExporter = Field(TraceExporter.NONE, description="none, console or otlp")
    otlp_endpoint: str | None = Field(
        None, description="OTLP/gRPC collector endpoint when trace_exporter=otlp"
    )
    log_level: str = Field("info", description="debug, info, warning, error")
    log_format: LogFormat = Field(LogFormat.JSON, description="json (one object per line) or console")

    grace_period_s: float = Field(10.0, ge=0, description="how long shutdown drains in-flight calls")
    event_loop: EventLoop = Field(
        EventLoop.UVLOOP,
        description="the event loop `jipan serve` runs on: uvloop (libuv; less CPU per call) or "
        "asyncio (the standard library's)",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # load_settings reads the environment (or the mapping a test passes);
        # the class itself never reaches into os.environ behind its back.
        return (init_settings,)

    @model_validator(mode="after")
    def _outbound_certificate_pairs(self) -> Settings:
        if (self.outbound_tls_cert_file is None) != (self.outbound_tls_key_file is None):
            raise ValueError("set outbound_tls_cert_file and outbound_tls_key_file together")
        return self

    @field_validator("listen")
    @classmethod
    def _listen_has_port(cls, value: str) -> str:
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ValueError("listen must be host:port, e.g. 127.0.0.1:50051")
        return value

    @field_validator("dataspace_peers", mode="before")
    @classmethod
    def _dataspace_peers_json(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return json.loads(value) if value.strip() else {}
            except json.JSONDecodeError as exc:
                raise ValueError(f"dataspace_peers is not JSON: {exc.msg}") from None
        return value

    @field_validator("dataspace_peers")
    @classmethod
    def _dataspace_peer_ids(cls, value: dict[str, DataspacePeer]) -> dict[str, DataspacePeer]:
        for peer_id in value:
            if not re.fullmatch(r"[a-z][a-z0-9-]{0,62}", peer_id):
                raise ValueError(f"dataspace_peers: {peer_id!r} is not a peer id (a-z, 0-9, -)")
        return value

    @property
    def embedded_database(self) -> bool:
        return self.database_url is None

    @property
    def tls_enabled(self) -> bool:
        return self.tls_cert_file is not None

    def outbound_certificate(self) -> ClientCertificate | None:
        """The client certificate for this process's outbound TLS calls, when configured."""
        if self.outbound_tls_cert_file is None or self.outbound_tls_key_file is None:
            return None
        return ClientCertificate(self.outbound_tls_cert_file, self.outbound_tls_key_file)

    def redacted(self) -> dict[str, Any]:
        """Settings as JSON-friendly values with secrets shown as `**********`."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                shown[name] = "**********"
            elif isinstance(value, Path):
                shown[name] = str(value)
            elif isinstance(value, StrEnum):
                shown[name] = value.value
            else:
                shown[name] = value
        return shown


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build settings from `env` (the process environment when None).

    Only `JIPAN_*` keys are read; keyword overrides (from CLI flags) win.
    """
    source = os.environ if env is None else env
    values: dict[str, Any] = {}
    prefix = "JIPAN_"
    for key, raw in source.items():
        if key.upper().startswith(prefix):
            field = key[len(prefix) :].lower()
            if field in Settings.model_fields:
                values[field] = raw
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
