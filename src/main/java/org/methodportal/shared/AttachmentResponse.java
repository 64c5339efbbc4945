package org.methodportal.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file for the REST client to save, never to show inline: its name in UTF-8 (RFC 5987), the type
 * as given and not sniffed, and not cached anywhere (what it holds depends on who asks).
 */
public final class AttachmentResponse {

    private AttachmentResponse() {
    }

    public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }
}
