/** The MyBatis mapper of 推广运用. */
@NullMarked
package org.methodportal.promotion.persistence;

import org.jspecify.annotations.NullMarked;
