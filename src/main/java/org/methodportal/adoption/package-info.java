/**
 * 一抓到底: branches take up published methods (本支部采用) and report over time how they worked,
 * which the method page shows and the next revision can draw on.
 */
@ApplicationModule(displayName = "推广采用")
@NullMarked
package org.methodportal.adoption;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
