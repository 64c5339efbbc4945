/** REST endpoints of review-by dates (内容复核). */
@NullMarked
package org.methodportal.recheck.api;

import org.jspecify.annotations.NullMarked;
