package org.methodportal.adoption;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.adoption.attachment-max-size}: the largest file a report may carry (10 MB by default).
 * It is held in memory while it is checked and stored, and the REST API's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}) must not be below it.
 */
@ConfigurationProperties("portal.adoption")
public record AdoptionProperties(@DefaultValue("10MB") DataSize attachmentMaxSize) {

    public AdoptionProperties {
        if (attachmentMaxSize.toBytes() < 1 || attachmentMaxSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("portal.adoption.attachment-max-size must be between 1 byte and 2 GB, was "
                    + attachmentMaxSize);
        }
    }
}
