@NullMarked
package org.methodportal.notification.persistence;

import org.jspecify.annotations.NullMarked;
