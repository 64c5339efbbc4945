/**
 * The application shell: main layout, navigation, language, error handling and shared UI pieces.
 * Feature modules register their views with {@code @Route} and {@code @Menu}; the shell depends on
 * none of them.
 */
@ApplicationModule(displayName = "界面外壳")
@NullMarked
package org.methodportal.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
