/**
 * Discussion (讨论): threaded comments on methods, comments anchored to one field of one revision
 * (review comments, resolved or open), suggested edits the author applies with one click, and
 * moderation.
 */
@ApplicationModule(displayName = "讨论")
@NullMarked
package org.methodportal.comment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
