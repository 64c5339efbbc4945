/** The search results page. */
@NullMarked
package org.methodportal.search.ui;

import org.jspecify.annotations.NullMarked;
