-- Completing a publication looks it up by its serialized event; a hash index has no size limit.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
