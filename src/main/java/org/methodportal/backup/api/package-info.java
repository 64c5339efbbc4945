/** REST API (/api/v1/admin/backup) of backups: a consistent snapshot of the whole database, as a download. */
@NullMarked
package org.methodportal.backup.api;

import org.jspecify.annotations.NullMarked;
