@NullMarked
package org.methodportal.comment.api;

import org.jspecify.annotations.NullMarked;
