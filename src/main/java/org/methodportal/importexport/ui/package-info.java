/** The administrators' import and export page. */
@NullMarked
package org.methodportal.importexport.ui;

import org.jspecify.annotations.NullMarked;
