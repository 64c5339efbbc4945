/** Views for reading, browsing and comparing methods. */
@NullMarked
package org.methodportal.method.ui;

import org.jspecify.annotations.NullMarked;
