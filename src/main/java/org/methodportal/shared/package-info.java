/**
 * The few types every module may use: the base exception, the signed-in user, paging, audit events.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.methodportal.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
