/**
 * Work methods (工作法) as wiki pages: methods, immutable revisions, proposals, diff and history.
 */
@ApplicationModule(displayName = "工作法")
@NullMarked
package org.methodportal.method;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
