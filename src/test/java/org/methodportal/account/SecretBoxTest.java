package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.shared.PortalProperties;

class SecretBoxTest {

    private static final String TOTP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path dataDir;

    @Test
    void sealedSecretsOpenWithTheSameKeyOnlyAndDifferEachTime() {
        SecretBox box = box(null);

        String first = box.seal(TOTP_KEY);
        String second = box.seal(TOTP_KEY);

        assertThat(first).startsWith(SecretBox.PREFIX).doesNotContain(TOTP_KEY).isNotEqualTo(second);
        assertThat(box.open(first)).isEqualTo(TOTP_KEY);
        assertThat(box.open(second)).isEqualTo(TOTP_KEY);
        assertThat(first.length()).isLessThanOrEqualTo(200);
        SecretBox otherKey = box(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> otherKey.open(first)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.security.secret-key");
    }

    @Test
    void anAlteredValueIsRefusedAndAPlainOneFromBeforeIsReadAsItIs() {
        SecretBox box = box(null);
        byte[] sealed = Base64.getDecoder().decode(box.seal(TOTP_KEY).substring(SecretBox.PREFIX.length()));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> box.open(SecretBox.PREFIX + Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(box.open(TOTP_KEY)).isEqualTo(TOTP_KEY);
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedBesideTheDatabaseForTheOwnerOnlyAndKept() throws Exception {
        String sealed = box(null).seal(TOTP_KEY);
        Path file = dataDir.resolve(SecretBox.KEY_FILE);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(box(null).open(sealed)).as("the next start reads the same key").isEqualTo(TOTP_KEY);
    }

    @Test
    void aConfiguredKeyMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> box("not base64!")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> box(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThat(dataDir.resolve(SecretBox.KEY_FILE)).as("no file when a key is configured").doesNotExist();
    }

    private SecretBox box(String configured) {
        return new SecretBox(new SecurityProperties(configured), new PortalProperties(dataDir, null));
    }
}
