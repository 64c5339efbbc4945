/** Views for starting and composing a merge, and the merge parts of the method page. */
@NullMarked
package org.methodportal.merge.ui;

import org.jspecify.annotations.NullMarked;
