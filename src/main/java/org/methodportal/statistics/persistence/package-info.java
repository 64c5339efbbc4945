/** The MyBatis mapper of 统计: read-only counting queries, plus the review submission log. */
@NullMarked
package org.methodportal.statistics.persistence;

import org.jspecify.annotations.NullMarked;
