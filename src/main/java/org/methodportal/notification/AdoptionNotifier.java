package org.methodportal.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.methodportal.account.AccountService;
import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionEvent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 一抓到底 feeds the next revision: the author of a method and its watchers hear of every report a
 * branch makes on adopting it, and the notice opens the method's adoption block. A branch that owes
 * a report is reminded: its secretaries get one notice per due period.
 */
@Component
class AdoptionNotifier {

    static final String REPORTED = "adoption.reported";
    static final String REPORT_DUE = "adoption.report-due";

    private final NotificationService notifications;
    private final WatchService watches;
    private final MethodService methods;
    private final AccountService accounts;
    private final SystemAuthentication system;

    AdoptionNotifier(NotificationService notifications, WatchService watches, MethodService methods,
                     AccountService accounts, SystemAuthentication system) {
        this.notifications = notifications;
        this.watches = watches;
        this.methods = methods;
        this.accounts = accounts;
        this.system = system;
    }

    @ApplicationModuleListener
    void on(AdoptionEvent.Reported event) {
        system.runAsSystem(() -> {
            Set<Long> told = new LinkedHashSet<>(List.of(methods.get(event.methodId()).ownerId()));
            told.addAll(watches.watchersWhoMaySee(event.methodId(), event.methodId()));
            notifications.deliver(told, REPORTED, event.methodId(), event.methodTitle(), event.reporterId(),
                    Adoption.ELEMENT_ID);
        });
    }

    @ApplicationModuleListener
    void on(AdoptionEvent.ReportDue event) {
        system.runAsSystem(() -> notifications.deliver(accounts.secretaryIdsOf(event.branchId()), REPORT_DUE,
                event.methodId(), event.methodTitle(), null, Adoption.ELEMENT_ID));
    }
}
