/** 推广运用 on the method page, the promotion page with its coverage and the home blocks. */
@NullMarked
package org.methodportal.promotion.ui;

import org.jspecify.annotations.NullMarked;
