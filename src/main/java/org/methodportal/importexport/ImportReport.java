package org.methodportal.importexport;

import java.util.List;

/** The outcome of one import: how many entries were created, updated, unchanged or failed, and why. */
public record ImportReport(int created, int updated, int unchanged, int failed, List<ImportError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public int total() {
        return created + updated + unchanged + failed;
    }

    /**
     * A line that was skipped: its number (1 for the first line of the file), a stable code and the
     * arguments of its message, which is the bundle key {@code error.<code>}.
     */
    public record ImportError(long line, String code, List<Object> args) {

        public ImportError {
            args = List.copyOf(args);
        }

        public String messageKey() {
            return "error." + code;
        }
    }
}
