/**
 * 统计: dashboards of the portal's figures. Every signed-in user sees the summary (published methods
 * per category, the most adopted); reviewers see the full figures of the departments they review,
 * administrators of all. Counted in SQL, drawn as server-side SVG charts, downloadable as CSV.
 */
@ApplicationModule(displayName = "统计")
@NullMarked
package org.methodportal.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
