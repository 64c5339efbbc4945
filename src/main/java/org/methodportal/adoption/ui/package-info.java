/** The adoption block of the method page: where the method is used, adopting it and reporting on it. */
@NullMarked
package org.methodportal.adoption.ui;

import org.jspecify.annotations.NullMarked;
