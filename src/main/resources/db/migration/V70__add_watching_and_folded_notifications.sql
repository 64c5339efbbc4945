-- Watching (关注): one row per account and method once either of them acted. A row with
-- watching = FALSE records that the account turned watching off, so that commenting or proposing
-- again does not add them back. Watchers are looked up by method, hence the second index.
CREATE TABLE method_watch (
    account_id  BIGINT                   NOT NULL,
    method_id   BIGINT                   NOT NULL,
    watching    BOOLEAN                  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_method_watch PRIMARY KEY (account_id, method_id),
    CONSTRAINT fk_method_watch_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_method_watch_method FOREIGN KEY (method_id) REFERENCES method (id) ON DELETE CASCADE
);
CREATE INDEX ix_method_watch_method ON method_watch (method_id, watching);

-- Whether an account starts watching the methods it drafts, proposes changes to or comments on
-- ("自动关注我参与的工作法"); on by default.
ALTER TABLE account ADD COLUMN auto_watch BOOLEAN DEFAULT TRUE NOT NULL;

-- A burst of comments on one method folds into one unread item per recipient: the item counts the
-- events and the distinct actors (listed in notification_actor); actor_id is the latest actor.
ALTER TABLE notification ADD COLUMN event_count INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE notification ADD COLUMN actor_count INTEGER DEFAULT 1 NOT NULL;

CREATE TABLE notification_actor (
    notification_id  BIGINT NOT NULL,
    actor_id         BIGINT NOT NULL,
    CONSTRAINT pk_notification_actor PRIMARY KEY (notification_id, actor_id),
    CONSTRAINT fk_notification_actor_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_notification_actor_actor FOREIGN KEY (actor_id) REFERENCES account (id) ON DELETE CASCADE
);

-- The fold looks for the recipient's unread item of a kind on a method.
CREATE INDEX ix_notification_fold ON notification (recipient_id, method_id, kind, read_at);
