-- Campaigns, enrollments (the runner's queue) and the send ledger.
-- Campaign names are unique whatever their case, like message names.
CREATE TABLE campaigns (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    state      TEXT NOT NULL DEFAULT 'draft'
               CHECK (state IN ('draft', 'running', 'paused', 'done')),
    -- The graph as JSON: {"nodes": [...], "edges": [...]}.
    graph      TEXT NOT NULL DEFAULT '{"nodes":[],"edges":[]}'
               CHECK (json_valid(graph)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE enrollments (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    node_id     TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'active'
                CHECK (state IN ('active', 'held', 'finished')),
    note        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    UNIQUE (campaign_id, contact_id)
) STRICT;

CREATE INDEX enrollments_due ON enrollments (state, due_at);

-- One row per (campaign, node, contact): a step is never sent twice.
CREATE TABLE sends (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    node_id     TEXT NOT NULL,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    message_id  INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    state       TEXT NOT NULL
                CHECK (state IN ('sending', 'accepted', 'failed', 'skipped')),
    segments    INTEGER NOT NULL DEFAULT 0 CHECK (segments >= 0),
    twilio_sid  TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',
    error_code  INTEGER NOT NULL DEFAULT 0,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (campaign_id, node_id, contact_id)
) STRICT;

CREATE INDEX sends_campaign ON sends (campaign_id, state);
