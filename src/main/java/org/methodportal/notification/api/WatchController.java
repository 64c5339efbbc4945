package org.methodportal.notification.api;

import org.methodportal.notification.WatchService;
import org.methodportal.notification.WatchState;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Watching a method (关注). A change request is watched through its target, whose id the state
 * names; a method the caller may not see is 404.
 */
@RestController
@RequestMapping("/api/v1/methods/{id}/watch")
@Tag(name = "watching", description = "关注: watchers hear of new comments, proposals and published versions")
class WatchController {

    private final WatchService watches;

    WatchController(WatchService watches) {
        this.watches = watches;
    }

    @GetMapping
    @Operation(summary = "Whether the caller watches the method")
    WatchState state(@PathVariable long id) {
        return watches.state(id);
    }

    @PostMapping
    @Operation(summary = "Watch the method (idempotent)")
    WatchState watch(@PathVariable long id) {
        return watches.watch(id);
    }

    @DeleteMapping
    @Operation(summary = "Stop watching; automatic watching will not add the caller back")
    WatchState unwatch(@PathVariable long id) {
        return watches.unwatch(id);
    }
}
