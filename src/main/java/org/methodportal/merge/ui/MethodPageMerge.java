package org.methodportal.merge.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.methodportal.merge.MergeOverview;
import org.methodportal.merge.MergePermissions;
import org.methodportal.merge.MergeService;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Provenance;
import org.methodportal.method.ui.MethodLabels;
import org.methodportal.method.ui.MethodPageExtension;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.method.ui.RevisionContent;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;

/**
 * What the method page shows of merging (总结提炼): the "已合并至" banner of a merged-away source,
 * the sources (来源) of a standard entry with links (their history, comments and adoptions stay on
 * their own pages), and the buttons to merge, to continue composing and, for admins, to unmerge.
 */
final class MethodPageMerge implements MethodPageExtension.Parts {

    private final MergeService merges;
    private final Component page;
    private final MethodDetail method;
    private final Provenance provenance;
    private final MergePermissions may;

    MethodPageMerge(MergeService merges, Component page, MethodDetail method) {
        this.merges = merges;
        this.page = page;
        this.method = method;
        MergeOverview overview = merges.overview(method.id());
        this.provenance = overview.provenance();
        this.may = overview.may();
    }

    /** The buttons of the action row: merge, continue composing an open merge, unmerge. */
    @Override
    public List<Component> actions() {
        List<Component> buttons = new ArrayList<>();
        if (may.mayMerge()) {
            Button merge = new Button(t("merge.page.merge"), VaadinIcon.COMPRESS_SQUARE.create(),
                    e -> UI.getCurrent().navigate(MergeStartView.class, MergeStartView.query(List.of(method.id()))));
            merge.setId("method-merge");
            merge.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(merge);
        }
        // Only the reviewer who started a merge composes it (MergeService checks again).
        if (may.mayCompose()) {
            Button compose = new Button(t("merge.page.compose"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate(MergeComposeView.class, MethodPageView.parameters(method.id())));
            compose.setId("method-merge-compose");
            compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(compose);
        }
        if (may.mayUnmerge()) {
            Button unmerge = new Button(t("merge.page.unmerge"), VaadinIcon.SPLIT.create(), e -> confirmUnmerge());
            unmerge.setId("method-unmerge");
            unmerge.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(unmerge);
        }
        return buttons;
    }

    /** "已合并至《…》" with a link, on a merged-away source. */
    @Override
    public Optional<Component> banner() {
        if (method.status() != MethodStatus.MERGED_INTO) {
            return Optional.empty();
        }
        Div banner = new Div();
        banner.setId("method-merged-banner");
        banner.addClassName("method-banner");
        if (provenance.mergedInto() == null) {
            banner.add(new Span(t("merge.page.merged-unknown")));
        } else {
            RouterLink link = new RouterLink("《" + provenance.mergedInto().title() + "》", MethodPageView.class,
                    MethodPageView.parameters(provenance.mergedInto().id()));
            link.setId("method-merged-link");
            // One sentence: the banner lays out its children with gaps, so the link goes inside one span.
            banner.add(new Span(new Span(t("merge.page.merged-into")), link,
                    new Span(t("merge.page.merged-read-only"))));
        }
        return Optional.of(banner);
    }

    /** 来源: the sources merged into this entry, or those of a merge still being composed or reviewed. */
    @Override
    public Optional<Component> section() {
        if (provenance.sources().isEmpty()) {
            return Optional.empty();
        }
        UnorderedList list = new UnorderedList();
        list.setId("method-sources");
        for (MergeSource source : provenance.sources()) {
            RouterLink link = new RouterLink(source.title(), MethodPageView.class,
                    MethodPageView.parameters(source.id()));
            link.addClassName("method-source-link");
            ListItem item = new ListItem(link, new Span(" · #" + source.id() + " · "),
                    MethodLabels.statusBadge(page, source.status()));
            if (source.mergedAt() != null) {
                item.add(new Span(" · " + t("merge.page.merged-at", MethodLabels.time(source.mergedAt()))));
            }
            list.add(item);
        }
        boolean applied = provenance.sources().stream().anyMatch(s -> s.mergedAt() != null);
        Paragraph note = new Paragraph(t(applied ? "merge.page.sources-note" : "merge.page.sources-open"));
        note.addClassName("method-raw-note");
        return Optional.of(RevisionContent.section("sources", "merge.page.sources", note, list));
    }

    /** A "合并" button beside a similar method, starting a merge of this method with it. */
    @Override
    public Optional<Component> besideSimilar(String route) {
        String digits = route.substring(route.lastIndexOf('/') + 1);
        if (!may.mayMerge() || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            return Optional.empty();
        }
        long other = Long.parseLong(digits);
        Button button = new Button(t("merge.page.merge-with"), VaadinIcon.COMPRESS_SQUARE.create(),
                e -> UI.getCurrent().navigate(MergeStartView.class, MergeStartView.query(List.of(method.id(), other))));
        button.setId("method-similar-merge-" + other);
        button.addClassName("method-similar-merge");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return Optional.of(button);
    }

    private void confirmUnmerge() {
        Dialog dialog = new Dialog();
        dialog.setId("method-unmerge-dialog");
        dialog.setHeaderTitle(t("merge.page.unmerge"));
        TextArea reason = new TextArea(t("merge.page.unmerge-reason"));
        reason.setId("method-unmerge-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setRequiredIndicatorVisible(true);
        Paragraph text = new Paragraph(t("merge.page.unmerge-text"));
        dialog.add(text, reason);
        Button cancel = new Button(t("admin.cancel"), e -> dialog.close());
        Button confirm = new Button(t("merge.page.unmerge"), e -> {
            try {
                merges.unmerge(method.id(), reason.getValue());
                dialog.close();
                Notifications.success(t("merge.page.unmerged"));
                UI.getCurrent().getPage().reload();
            } catch (PortalException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(page.getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("method-unmerge-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private String t(String key, Object... args) {
        return page.getTranslation(key, args);
    }
}
