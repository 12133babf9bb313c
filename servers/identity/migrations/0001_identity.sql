-- identity: people, organisations, memberships, passkeys, ceremony challenges,
-- security events and the rotating token signing keys.

CREATE TABLE people (
    id uuid PRIMARY KEY,
    user_name text NOT NULL UNIQUE,
    display_name text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
    id text PRIMARY KEY,
    display_name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('agency', 'vendor', 'other')),
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    org_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    roles text[] NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, person_id)
);
-- "my organisations" pages by org id for one person.
CREATE INDEX memberships_by_person ON memberships (person_id, org_id);

-- A registered passkey: the WebAuthn AttestedCredentialData (aaguid, id,
-- COSE public key) as the authenticator sent it, and its signature counter.
CREATE TABLE credentials (
    id bytea PRIMARY KEY,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    credential_data bytea NOT NULL,
    aaguid uuid NOT NULL,
    sign_count bigint NOT NULL,
    display_name text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    last_use_time timestamptz
);
CREATE INDEX credentials_by_person ON credentials (person_id);

-- One row per Begin call. Finish consumes it exactly once (consume_time),
-- keeping a digest of what consumed it so that a replay of that very
-- response is told apart from a new response reusing the challenge.
CREATE TABLE challenges (
    challenge bytea PRIMARY KEY,
    ceremony text NOT NULL CHECK (ceremony IN ('registration', 'enrollment', 'authentication')),
    person_id uuid,
    user_name text,
    display_name text,
    expire_time timestamptz NOT NULL,
    consume_time timestamptz,
    response_digest bytea
);
CREATE INDEX challenges_by_expiry ON challenges (expire_time);

CREATE TABLE security_events (
    id bigserial PRIMARY KEY,
    person_id uuid,
    kind text NOT NULL,
    reason text NOT NULL DEFAULT '',
    detail jsonb NOT NULL DEFAULT '{}',
    create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_events_by_person ON security_events (person_id, id);

-- Ed25519 token signing keys. The private key is sealed with AES-256-GCM
-- (nonce || ciphertext, kid as associated data) under JIPAN_SIGNING_KEY_SECRET.
-- retire_time: when the key stopped signing; it stays published for the
-- overlap window after that.
CREATE TABLE signing_keys (
    kid text PRIMARY KEY,
    public_key bytea NOT NULL,
    sealed_private_key bytea NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    retire_time timestamptz
);
-- At most one key signs at a time.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retire_time IS NULL;

-- Rotating refresh tokens. Only a SHA-256 of the token is stored. Every token
-- from one sign-in shares a family; reuse of a used token revokes the family.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    family_id uuid NOT NULL,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    org_id text,
    scopes text[] NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    expire_time timestamptz NOT NULL,
    use_time timestamptz
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);

CREATE TABLE refresh_token_families (
    family_id uuid PRIMARY KEY,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    create_time timestamptz NOT NULL DEFAULT now(),
    revoke_time timestamptz,
    revoke_reason text
);

-- Workloads that act for an organisation, proving themselves with JWT
-- assertions signed by registered Ed25519 keys (no shared secrets).
CREATE TABLE service_accounts (
    id text PRIMARY KEY,
    org_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    display_name text NOT NULL DEFAULT '',
    scopes text[] NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_accounts_by_org ON service_accounts (org_id, id);

CREATE TABLE service_account_keys (
    service_id text NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    kid text NOT NULL,
    public_key bytea NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, kid)
);

-- Assertion ids seen, kept until the assertion would have expired anyway.
CREATE TABLE assertion_ids (
    service_id text NOT NULL,
    jti text NOT NULL,
    expire_time timestamptz NOT NULL,
    PRIMARY KEY (service_id, jti)
);

-- A person's grant to an app (service account) of scopes and categories of
-- their data until expire_time, unless revoked first.
CREATE TABLE consents (
    id uuid PRIMARY KEY,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    client_id text NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    scopes text[] NOT NULL,
    categories text[] NOT NULL,
    expire_time timestamptz NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    revoke_time timestamptz
);
CREATE INDEX consents_by_person ON consents (person_id, create_time DESC, id);
CREATE INDEX consents_by_client ON consents (client_id, create_time DESC, id);
