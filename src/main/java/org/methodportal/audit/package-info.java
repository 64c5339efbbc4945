/**
 * The append-only audit trail: who did what to which object, when and from where.
 */
@ApplicationModule(displayName = "审计")
@NullMarked
package org.methodportal.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
