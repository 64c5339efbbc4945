/** MyBatis mapper of merge sources (merge_source). */
@NullMarked
package org.methodportal.merge.persistence;

import org.jspecify.annotations.NullMarked;
