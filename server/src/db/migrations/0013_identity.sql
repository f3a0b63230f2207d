-- Issue 13: single sign-on (OIDC), SCIM provisioning, web push.

-- HR accounts that keep their password when SSO_ONLY=1 turns passwords off (break-glass).
alter table person add column break_glass boolean not null default false;
-- The identity provider's own id for a person it provisioned through SCIM (externalId).
alter table person add column scim_external_id text;
-- The ID token of a session made through the provider: the id_token_hint of RP-initiated logout.
alter table session add column oidc_id_token text;

-- A sign-in through the provider under way: state, nonce and PKCE verifier, keyed by the hash of a
-- random value in a short-lived cookie, so only the browser that started it can finish it, once.
create table oidc_login (
  key_hash text primary key,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  expires_at timestamptz not null
);

-- SCIM bearer tokens: only a SHA-256 of each is stored; the token itself is shown to HR once.
create table scim_token (
  id uuid primary key,
  name text not null,
  token_hash text not null unique,
  created_by uuid references person(id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- The server's VAPID key pair for web push, made on first start (one row).
create table push_key (
  id int primary key default 1 check (id = 1),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);

-- One row per device that opted in to push.
create table push_subscription (
  id uuid primary key,
  person_id uuid not null references person(id) on delete cascade,
  endpoint text not null unique,
  p256dh text not null,
  auth text not null,
  user_agent text not null default '',
  created_at timestamptz not null default now()
);
create index push_subscription_person_idx on push_subscription (person_id);

-- Pushes to send, written in the same transaction as the in-app notification, sent after commit.
create table push_queue (
  id bigserial primary key,
  subscription_id uuid not null references push_subscription(id) on delete cascade,
  payload text not null,
  attempts int not null default 0,
  next_at timestamptz not null default now()
);
create index push_queue_next_idx on push_queue (next_at);
