/** The review-by banner of the method page, the list of methods due for review and its home block. */
@NullMarked
package org.methodportal.recheck.ui;

import org.jspecify.annotations.NullMarked;
