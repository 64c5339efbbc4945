/** The administrators' backup page. */
@NullMarked
package org.methodportal.backup.ui;

import org.jspecify.annotations.NullMarked;
