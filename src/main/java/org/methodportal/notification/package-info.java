/**
 * In-app notifications (通知): the inbox of each account with its unread count in the header.
 */
@ApplicationModule(displayName = "通知")
@NullMarked
package org.methodportal.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
