/** REST API (/api/v1) of import and export: JSON lines in, a report out; JSON lines out. */
@NullMarked
package org.methodportal.importexport.api;

import org.jspecify.annotations.NullMarked;
