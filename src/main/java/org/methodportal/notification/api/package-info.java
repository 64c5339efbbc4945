@NullMarked
package org.methodportal.notification.api;

import org.jspecify.annotations.NullMarked;
