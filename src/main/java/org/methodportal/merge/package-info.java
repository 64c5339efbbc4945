/**
 * Merges (总结提炼): several methods composed into one standard entry, their provenance, and the
 * admin's unmerge.
 */
@ApplicationModule(displayName = "总结提炼")
@NullMarked
package org.methodportal.merge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
