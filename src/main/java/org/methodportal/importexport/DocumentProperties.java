package org.methodportal.importexport;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Method documents (PDF and Word). {@code font} is a TrueType font (.ttf or .ttc) with Chinese
 * glyphs, embedded into every PDF; unset, the usual places of such fonts on Linux, macOS and Windows
 * are tried (the test script installs Debian's fonts-wqy-zenhei). {@code wordMaxSize} bounds an
 * uploaded Word file.
 */
@ConfigurationProperties("portal.documents")
public record DocumentProperties(@Nullable Path font, @DefaultValue("5MB") DataSize wordMaxSize) {
}
