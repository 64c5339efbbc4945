/**
 * 推广运用 ("落实到每个机关支部"): reviewers and administrators mark published methods as 典型工作法
 * and promote them to the branches of some departments or all; each targeted branch's secretary
 * decides (采用 / 暂不采用), and the promotion's coverage is counted per department.
 */
@ApplicationModule(displayName = "推广运用")
@NullMarked
package org.methodportal.promotion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
