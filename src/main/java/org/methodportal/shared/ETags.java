package org.methodportal.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Optimistic-concurrency versions as HTTP entity tags: version 3 is the ETag {@code "3"}. A REST
 * write names the version it read, in {@code If-Match} or a {@code version} body field, so that a
 * stale write is refused instead of silently overwriting (design §5).
 */
public final class ETags {

    /** One strong or weak tag; a weak one is accepted because proxies may weaken what we sent. */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"");

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write expects. At least one source is required; when both are given they must
     * agree, since a client that disagrees with itself cannot mean either.
     */
    public static int expectedVersion(@Nullable String ifMatch, @Nullable Integer bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (bodyVersion == null) {
                throw PortalException.invalid("api.version-required");
            }
            return bodyVersion;
        }
        Matcher m = TAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw PortalException.invalid("api.if-match-invalid");
        }
        int version = Integer.parseInt(m.group(1));
        if (bodyVersion != null && bodyVersion != version) {
            throw PortalException.invalid("api.if-match-invalid");
        }
        return version;
    }
}
