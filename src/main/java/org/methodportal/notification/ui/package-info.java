@NullMarked
package org.methodportal.notification.ui;

import org.jspecify.annotations.NullMarked;
