/** MyBatis mapper of review-by dates. */
@NullMarked
package org.methodportal.recheck.persistence;

import org.jspecify.annotations.NullMarked;
