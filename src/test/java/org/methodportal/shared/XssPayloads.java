package org.methodportal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stored-XSS payloads of {@code src/test/resources/security/xss-payloads.txt}, in file order. */
public final class XssPayloads {

    private static final String RESOURCE = "/security/xss-payloads.txt";

    private XssPayloads() {
    }

    /** Every payload line as written (no trimming: leading and trailing invisible characters are part of some). */
    public static List<String> all() {
        try (InputStream in = XssPayloads.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
