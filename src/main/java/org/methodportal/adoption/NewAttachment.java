package org.methodportal.adoption;

import org.jspecify.annotations.Nullable;

/** A file given with a report: the name the uploader's system gave it and its bytes, both still unchecked. */
public record NewAttachment(@Nullable String fileName, byte[] content) {
}
