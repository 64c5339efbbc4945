@NullMarked
package org.methodportal.review.persistence;

import org.jspecify.annotations.NullMarked;
