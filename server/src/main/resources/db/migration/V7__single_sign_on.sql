-- Single sign-on with OpenID Connect, configured per organization.

-- Accounts created by single sign-on have no password: they sign in through their organization's
-- identity provider only.
alter table users alter column password_hash drop not null;

-- One identity provider per organization. The client secret is encrypted (SsoSecretCipher); the
-- endpoints come from the issuer's discovery document, read when the configuration is saved.
create table sso_configurations (
    organization_id   uuid primary key references organizations (id) on delete cascade,
    issuer            varchar(1000) not null,
    client_id         varchar(500) not null,
    client_secret     text not null,
    auth_method       varchar(40) not null,
    authorization_uri varchar(2000) not null,
    token_uri         varchar(2000) not null,
    jwks_uri          varchar(2000) not null,
    default_role      varchar(20) not null,
    jit_membership    boolean not null,
    require_sso       boolean not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);

-- The e-mail domains an organization signs in with: each domain belongs to one organization at most,
-- so that an address leads to exactly one identity provider.
create table sso_domains (
    domain          varchar(253) primary key,  -- lower-cased
    organization_id uuid not null references sso_configurations (organization_id) on delete cascade
);
create index sso_domains_by_organization on sso_domains (organization_id);

-- Sign-ins in progress, between the redirect to the identity provider and its answer. Kept in the
-- database so that any instance can receive the callback; each is used once and lives minutes.
create table sso_login_attempts (
    state_hash      varchar(64) primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    browser_hash    varchar(64) not null,  -- SHA-256 of the cookie that binds the attempt to one browser
    code_verifier   varchar(128) not null,
    nonce           varchar(128) not null,
    redirect_uri    varchar(2000) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
