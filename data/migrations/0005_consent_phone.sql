-- A new contact takes over the consent events recorded for its number
-- before, so imports look events up by phone.
CREATE INDEX consent_events_phone ON consent_events (phone, id);
