-- Settings are small string values the user chooses: the default
-- country, a price per segment, the window's size and place.
-- Secrets never go here: the Auth Token lives in the OS keychain.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
