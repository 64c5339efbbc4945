package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void versionIsTheQuotedETag() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchAcceptsStrongAndWeakTags() {
        assertThat(ETags.expectedVersion("\"3\"", null)).isEqualTo(3);
        assertThat(ETags.expectedVersion(" W/\"3\" ", null)).isEqualTo(3);
    }

    @Test
    void bodyVersionIsUsedWithoutIfMatch() {
        assertThat(ETags.expectedVersion(null, 5)).isEqualTo(5);
        assertThat(ETags.expectedVersion("", 5)).isEqualTo(5);
    }

    @Test
    void agreeingIfMatchAndBodyVersionAreAccepted() {
        assertThat(ETags.expectedVersion("\"5\"", 5)).isEqualTo(5);
    }

    @Test
    void missingVersionIsRefused() {
        assertThatThrownBy(() -> ETags.expectedVersion(null, null))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("api.version-required");
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.INVALID);
                });
    }

    @Test
    void wildcardListsUnquotedAndDisagreeingTagsAreRefused() {
        for (String ifMatch : new String[] {"*", "\"1\", \"2\"", "3", "\"abc\"", "\"99999999999\""}) {
            assertThatThrownBy(() -> ETags.expectedVersion(ifMatch, null)).as(ifMatch)
                    .isInstanceOfSatisfying(PortalException.class,
                            e -> assertThat(e.code()).isEqualTo("api.if-match-invalid"));
        }
        assertThatThrownBy(() -> ETags.expectedVersion("\"4\"", 5))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("api.if-match-invalid"));
    }
}
