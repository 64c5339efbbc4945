/**
 * 内容复核: every published method has a review-by date (a year after publication by default,
 * configurable per category); methods past it are listed for their department's reviewers and
 * marked on the page, a reviewer confirms one (a new date) or proposes a change, and can set all
 * methods of a category or tag due at once after a policy change.
 */
@ApplicationModule(displayName = "内容复核")
@NullMarked
package org.methodportal.recheck;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
