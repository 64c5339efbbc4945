-- A sign-in keeps the account's security stamp in its session. A change of rights, disabling or a
-- new password gives the account a new stamp, so every session still holding the old one ends at
-- its next request, on whichever instance it lives: the stamp is read from the shared database,
-- by primary key. The reason of the last change tells the ended session why (rights or password).
ALTER TABLE account ADD COLUMN security_stamp BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN security_stamp_reason VARCHAR(20);
