/** REST API (/api/v1) of merges: controllers only translate HTTP to {@code MergeService} calls. */
@NullMarked
package org.methodportal.merge.api;

import org.jspecify.annotations.NullMarked;
