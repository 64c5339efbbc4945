-- The sentence embedding of each method as the search index shows it (the published revision,
-- else the latest), computed from its title, summary, problem and concept. Stored so that a
-- reindex attaches it instead of computing it again: it is current while the model and the hash
-- of that text match. The vector is 512 little-endian 32-bit floats (2,048 bytes). Removed with
-- the method.
CREATE TABLE method_embedding (
    method_id    BIGINT                   NOT NULL,
    model        VARCHAR(100)             NOT NULL,
    text_hash    VARCHAR(64)              NOT NULL,
    vector       BYTEA                    NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_method_embedding PRIMARY KEY (method_id),
    CONSTRAINT fk_method_embedding_method FOREIGN KEY (method_id) REFERENCES method (id) ON DELETE CASCADE
);
