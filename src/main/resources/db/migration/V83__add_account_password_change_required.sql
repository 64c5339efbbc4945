-- Set when someone other than the account's owner chose its password (an administrator creating
-- the account or resetting the password, or the installation creating the first administrator):
-- the owner must choose a new one at the next sign-in, before anything else.
ALTER TABLE account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
