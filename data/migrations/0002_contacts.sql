-- Contacts, their tags and their append-only consent log.
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    phone      TEXT NOT NULL UNIQUE CHECK (phone GLOB '+[1-9]*'),
    first_name TEXT NOT NULL DEFAULT '',
    last_name  TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    -- Custom fields as a JSON object of strings.
    fields     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
    not_mobile INTEGER NOT NULL DEFAULT 0 CHECK (not_mobile IN (0, 1)),
    -- Kept equal to the kind of the latest consent event by a trigger.
    opted_out  INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_tags_tag ON contact_tags (tag, contact_id);

-- The consent log outlives the contact: an auditor may ask about a
-- number after it was deleted, so phone is kept on each event.
CREATE TABLE consent_events (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    phone      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('opt_in', 'opt_out')),
    source     TEXT NOT NULL,
    details    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
) STRICT;

CREATE INDEX consent_events_contact ON consent_events (contact_id, id);

CREATE TRIGGER consent_events_no_update
BEFORE UPDATE OF kind, source, details, at, phone ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER consent_events_no_delete
BEFORE DELETE ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER consent_events_opted_out
AFTER INSERT ON consent_events
WHEN NEW.contact_id IS NOT NULL
BEGIN
    UPDATE contacts SET opted_out = (NEW.kind = 'opt_out')
    WHERE id = NEW.contact_id;
END;
