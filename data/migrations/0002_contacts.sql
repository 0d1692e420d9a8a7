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
    updated_at TEXT NOT NULL,
    -- What the list sorts on: the name, or the number when there is no
    -- name. lower() folds ASCII letters only.
    sort_key   TEXT NOT NULL GENERATED ALWAYS AS (lower(
                   CASE WHEN first_name = '' AND last_name = ''
                   THEN '~' || phone
                   ELSE trim(first_name || ' ' || last_name) END)) STORED,
    -- What search-as-you-type scans: names, email and number.
    search_text TEXT NOT NULL GENERATED ALWAYS AS (lower(
                   first_name || ' ' || last_name || ' ' || email || ' ' ||
                   phone)) STORED
) STRICT;

-- The list pages through this index in order; holding search in it
-- lets search_text be scanned in the index alone instead of the table.
CREATE INDEX contacts_sort ON contacts (sort_key, id, search_text);

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
    at         TEXT NOT NULL,
    -- When Nurture wrote the event down; at is when consent was given,
    -- which for an import is the date the file gives.
    recorded_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX consent_events_contact ON consent_events (contact_id, id);

CREATE TRIGGER consent_events_no_update
BEFORE UPDATE OF kind, source, details, at, phone, recorded_at
    ON consent_events
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
    WHERE id = NEW.contact_id AND opted_out <> (NEW.kind = 'opt_out');
END;
