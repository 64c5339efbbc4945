/** The 统计 view. */
@NullMarked
package org.methodportal.statistics.ui;

import org.jspecify.annotations.NullMarked;
