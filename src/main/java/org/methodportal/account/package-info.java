/**
 * Organisation (departments, branches), accounts, roles and the security configuration.
 */
@ApplicationModule(displayName = "账号与组织")
@NullMarked
package org.methodportal.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
