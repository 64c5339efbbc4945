/** REST endpoints of 统计. */
@NullMarked
package org.methodportal.statistics.api;

import org.jspecify.annotations.NullMarked;
