/** REST endpoints of search under /api/v1. */
@NullMarked
package org.methodportal.search.api;

import org.jspecify.annotations.NullMarked;
