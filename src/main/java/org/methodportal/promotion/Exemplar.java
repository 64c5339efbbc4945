package org.methodportal.promotion;

import java.time.Instant;

/** A method designated 典型工作法: why, by whom, when. */
public record Exemplar(long methodId, String methodTitle, String reason, String designatedByName, Instant designatedAt) {
}
