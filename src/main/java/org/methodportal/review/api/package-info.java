@NullMarked
package org.methodportal.review.api;

import org.jspecify.annotations.NullMarked;
