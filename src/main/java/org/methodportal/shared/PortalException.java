package org.methodportal.shared;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A domain failure with a stable code; the message shown to users comes from the i18n bundles
 * under {@code error.<code>} so that the UI and the REST API say the same thing.
 */
public class PortalException extends RuntimeException {

    /** How a failure maps onto HTTP and UI behaviour. */
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, STALE, INVALID, UNAVAILABLE }

    private final String code;
    private final Kind kind;
    private final transient Object[] args;

    public PortalException(Kind kind, String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.kind = kind;
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The bundle key of the user-facing message. */
    public String messageKey() {
        return "error." + code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** What a client needs beyond the message to act on the failure; problem details carry it as extensions. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** When a client may usefully try again (REST: {@code Retry-After}); null when there is no estimate. */
    public @Nullable Duration retryAfter() {
        return null;
    }

    public static PortalException notFound(String code, Object... args) {
        return new PortalException(Kind.NOT_FOUND, code, args);
    }

    public static PortalException forbidden(String code, Object... args) {
        return new PortalException(Kind.FORBIDDEN, code, args);
    }

    public static PortalException conflict(String code, Object... args) {
        return new PortalException(Kind.CONFLICT, code, args);
    }

    public static PortalException stale(String code, Object... args) {
        return new PortalException(Kind.STALE, code, args);
    }

    public static PortalException invalid(String code, Object... args) {
        return new PortalException(Kind.INVALID, code, args);
    }
}
