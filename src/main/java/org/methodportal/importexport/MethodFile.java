package org.methodportal.importexport;

/** A generated or uploaded file: its name for the reader's disk, its media type and bytes. */
public record MethodFile(String fileName, String contentType, byte[] content) {
}
