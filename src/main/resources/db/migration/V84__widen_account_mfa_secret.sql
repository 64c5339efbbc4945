-- The TOTP secret is now stored encrypted (AES-GCM: prefix, IV, ciphertext and tag in Base64),
-- longer than the 32-character Base32 secret itself. Rows stored before are encrypted at start.
ALTER TABLE account_mfa ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
