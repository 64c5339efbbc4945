/**
 * Import and export of methods as JSON lines in the corpus format: the admin page, the REST
 * endpoints and the reading and writing of the file format.
 */
@ApplicationModule(displayName = "导入导出")
@NullMarked
package org.methodportal.importexport;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
