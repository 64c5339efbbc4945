/**
 * Backup and restore of the whole database: a consistent snapshot of every table, taken while the
 * portal runs (admin page, REST) or from the command line, and restored into an empty database of
 * the same schema version, after which the search index is rebuilt.
 */
@ApplicationModule(displayName = "备份与恢复")
@NullMarked
package org.methodportal.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
