package org.methodportal.importexport;

/** Told after each line of an import, e.g. to move a progress bar. Called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (lines, bytesRead) -> { };

    void lineDone(long lines, long bytesRead);
}
