/** Comment rows and their MyBatis mapper; internal to the comment module. */
@NullMarked
package org.methodportal.comment.persistence;

import org.jspecify.annotations.NullMarked;
