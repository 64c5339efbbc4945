package org.methodportal.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.OwnerOnlyFiles;
import org.methodportal.shared.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few secrets the portal must be able to read back (the second factor's TOTP keys)
 * with AES-256-GCM from the JDK, so that a copy of the database or a backup alone does not let
 * anyone generate sign-in codes. The key comes from {@code portal.security.secret-key} (32 bytes,
 * Base64; several instances sharing a database must all have the same) or, without it, from
 * {@code <portal.data-dir>/secret.key}, created on first use and readable by the portal's user only.
 * Stored form: {@code v1:} + Base64 of a fresh 12-byte IV followed by the ciphertext and its tag;
 * a value without the prefix is one stored before encryption and is read as it is.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    static final String PREFIX = "v1:";
    static final String KEY_FILE = "secret.key";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    SecretBox(SecurityProperties properties, PortalProperties portal) {
        this.key = new SecretKeySpec(keyBytes(properties.secretKey(), portal.dataDir().resolve(KEY_FILE)), "AES");
    }

    String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain text; throws {@link IllegalStateException} when the value was sealed with another key or altered. */
    String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with this portal's secret key "
                    + "(portal.security.secret-key differs from the one it was stored with?)", e);
        }
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    private byte[] keyBytes(@Nullable String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured.strip(), "portal.security.secret-key");
        }
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(fresh) + System.lineSeparator());
            log.info("created the secret key {} (instances sharing a database need the same: "
                    + "portal.security.secret-key)", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must hold " + KEY_BYTES + " bytes (Base64 of `openssl rand 32`)");
        }
        return bytes;
    }
}
