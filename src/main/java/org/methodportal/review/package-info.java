/**
 * Review (审核): reviewers score proposals on the six-quality rubric and decide; the queue, the
 * approvals required and the review record of each method.
 */
@ApplicationModule(displayName = "审核")
@NullMarked
package org.methodportal.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
