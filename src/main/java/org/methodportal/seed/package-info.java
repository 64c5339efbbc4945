/**
 * Demo data from {@code seeds/}, loaded into an empty database on first start, and the start-up
 * announcement of the URL and demo logins.
 */
@ApplicationModule(displayName = "演示数据")
@NullMarked
package org.methodportal.seed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
