package org.methodportal.importexport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.import.max-size}: the largest import file accepted (upload and REST body; both are
 * read as a stream, so the size costs no memory). The 60-entry corpus is about 100 KB, 100,000
 * generated entries about 220 MB. {@code portal.import.batch-size}: entries per transaction.
 */
@ConfigurationProperties("portal.import")
public record ImportProperties(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("500") int batchSize) {

    public ImportProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("portal.import.batch-size must be at least 1, was " + batchSize);
        }
    }
}
