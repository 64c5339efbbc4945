@NullMarked
package org.methodportal.review.ui;

import org.jspecify.annotations.NullMarked;
