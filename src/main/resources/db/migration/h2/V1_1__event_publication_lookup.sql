-- H2 has no hash index on long text; the listener id narrows the lookup enough for one node.
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
