-- The message library. Names are unique whatever their case, so that
-- "Welcome" and "welcome" cannot both appear in a list.
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    body       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
