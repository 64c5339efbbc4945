package org.methodportal.review;

import java.util.Map;

/** Approvals required: the global number (configured or set by an admin) and per-department overrides. */
public record QuorumSettings(int global, boolean globalFromConfiguration, Map<Long, Integer> departments) {
}
