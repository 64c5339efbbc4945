/** REST endpoints of 推广运用. */
@NullMarked
package org.methodportal.promotion.api;

import org.jspecify.annotations.NullMarked;
