package org.methodportal.notification.api;

import java.util.Map;

import org.methodportal.notification.InboxItem;
import org.methodportal.notification.NotificationService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "通知; each account sees only its own")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first; unread=true for unread ones only")
    PageResult<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        return notifications.inbox(unread, PageRequest.ofPage(page, size, "createdAt", false));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    Map<String, Long> markRead(@PathVariable long id) {
        if (!notifications.markRead(id)) {
            throw PortalException.notFound("notification.not-found", id);
        }
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's notifications read")
    Map<String, Long> markAllRead() {
        notifications.markAllRead();
        return Map.of("unread", notifications.unreadCount());
    }
}
