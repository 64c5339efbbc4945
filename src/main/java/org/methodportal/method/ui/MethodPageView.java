package org.methodportal.method.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PageFocus;
import org.methodportal.ui.SimilarMethods;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/**
 * The method page: the revision the reader may see (published, or the latest for those allowed
 * to see unpublished work) with its fields as sections in domain order, or, under
 * {@code /revisions/n}, one older revision read-only. Layout and CSS are made to print well.
 */
@Route("methods/:id(\\d+)")
@RouteAlias("methods/:id(\\d+)/revisions/:n(\\d+)")
@PermitAll
@NamedInterface("method-page")
public class MethodPageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int SIMILAR = 5;

    private final transient MethodService methods;
    private final transient ObjectProvider<MethodPageSection> sections;
    private final transient ObjectProvider<MethodPageAction> pageActions;
    private final transient List<SimilarMethods> similar;
    private final transient ObjectProvider<MethodPageExtension> extensions;
    private String pageTitle = "";

    MethodPageView(MethodService methods, ObjectProvider<MethodPageSection> sections,
                   ObjectProvider<SimilarMethods> similar, ObjectProvider<MethodPageExtension> extensions,
                   ObjectProvider<MethodPageAction> pageActions) {
        this.methods = methods;
        this.extensions = extensions;
        this.sections = sections;
        this.pageActions = pageActions;
        this.similar = similar.orderedStream().toList();
        setId("method-page");
        addClassNames("portal-page", "method-page");
    }

    public static RouteParameters parameters(long methodId) {
        return new RouteParameters("id", String.valueOf(methodId));
    }

    public static RouteParameters parameters(long methodId, int revision) {
        return new RouteParameters(Map.of("id", String.valueOf(methodId), "n", String.valueOf(revision)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        removeClassName("portal-error-page");
        pageTitle = getTranslation("method.page.not-found");
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        Optional<Integer> number = event.getRouteParameters().getInteger("n");
        try {
            MethodDetail method = methods.get(id);
            Revision revision = number.isPresent() ? methods.revision(id, number.get()) : method.revision();
            show(method, revision);
            PageFocus.apply(this, event.getLocation());
        } catch (PortalException e) {
            if (e.kind() == PortalException.Kind.NOT_FOUND) {
                MethodLabels.showNotFound(this, e);
            } else {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void show(MethodDetail method, Revision revision) {
        MethodContent c = revision.content();
        pageTitle = c.title();
        H1 title = new H1(c.title());
        title.setId("method-title");
        title.addClassName("method-title");

        Span version = new Span(getTranslation("method.page.version", revision.number()));
        version.setId("method-version");
        Div meta = new Div(MethodLabels.statusBadge(this, method.status()),
                metaItem("method.field.category", MethodLabels.category(this, c.category())),
                metaItem("method.page.origin", getTranslation("method.page.origin-value", method.departmentName(),
                        method.branchName())),
                metaItem("method.page.owner", method.ownerName()),
                version,
                metaItem("method.page.created", MethodLabels.time(method.createdAt())),
                metaItem("method.page.updated", MethodLabels.time(revision.createdAt())));
        meta.addClassName("method-meta");
        meta.setId("method-meta");

        RouterLink history = new RouterLink(getTranslation("method.page.history"), MethodHistoryView.class,
                parameters(method.id()));
        history.setId("method-history-link");
        Button print = new Button(getTranslation("method.page.print"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("method-print");
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        List<MethodPageExtension.Parts> parts = extensions.orderedStream().map(e -> e.create(method, this)).toList();
        HorizontalLayout actions = new HorizontalLayout(history, print);
        parts.forEach(part -> part.actions().forEach(actions::add));
        pageActions.orderedStream().forEach(action -> action.create(method).ifPresent(actions::add));
        actions.addClassName("method-actions");
        actions.setAlignItems(Alignment.CENTER);

        add(title, meta, actions);
        boolean current = revision.number() == method.revision().number();
        if (current) {
            parts.forEach(part -> part.belowActions().ifPresent(this::add));
        }
        if (!current) {
            Div note = new Div(new Span(getTranslation("method.page.old-revision", revision.number(),
                    method.revision().number())), new RouterLink(getTranslation("method.page.current"),
                    MethodPageView.class, parameters(method.id())));
            note.setId("method-old-revision");
            note.addClassName("method-old-revision");
            add(note);
        }
        Div banners = banners(method, parts);
        parts.forEach(part -> part.banner().ifPresent(banners::addComponentAsFirst));
        add(banners);
        List<MethodPageSection.FieldAnnotations> annotations = sections.orderedStream()
                .flatMap(section -> section.annotations(method, revision).stream()).toList();
        add(new RevisionContent(c, (field, item, target) -> annotations.forEach(a -> a.annotate(field, item, target))));
        if (method.rawPractice() != null && !method.rawPractice().isBlank()) {
            Paragraph note = new Paragraph(getTranslation("method.page.raw-practice-note"));
            note.addClassName("method-raw-note");
            Paragraph raw = new Paragraph(method.rawPractice());
            raw.addClassName("method-text");
            Section block = RevisionContent.section("raw-practice", "method.page.raw-practice", note, raw);
            block.addClassName("method-raw-practice");
            add(block);
        }
        parts.forEach(part -> part.section().ifPresent(this::add));
        sections.orderedStream().forEach(section -> section.create(method, revision).ifPresent(this::add));
        addSimilar(method.id(), parts);
    }

    /** What a reader must know before the text: archived, a change request and its target, merged. */
    private Div banners(MethodDetail method, List<MethodPageExtension.Parts> parts) {
        Div banners = new Div();
        banners.addClassName("method-banners");
        if (method.status() == MethodStatus.ARCHIVED) {
            banners.add(banner("method-archived-banner", getTranslation("method.page.archived")));
        }
        if (method.isChangeRequest()) {
            long target = Objects.requireNonNull(method.changeOfMethodId());
            Div banner = banner("method-change-banner", getTranslation(method.status() == MethodStatus.MERGED
                    ? "method.page.change-merged" : "method.page.change-of",
                    Objects.requireNonNullElse(method.changeOfTitle(), ""),
                    Objects.requireNonNullElse(method.basePublishedRevision(), 0)));
            banner.add(new RouterLink(getTranslation("method.page.change-target"), MethodPageView.class,
                    parameters(target)));
            banners.add(banner);
        }
        if (method.baseOutdated()) {
            banners.add(outdatedBanner(method, parts));
        }
        if (method.status() == MethodStatus.IN_REVIEW && method.submittedRevision() != null) {
            banners.add(banner("method-review-banner", getTranslation("method.page.in-review", method.reviewRound(),
                    method.submittedRevision())));
        }
        return banners;
    }

    /** A change request written against an older published version; its author gets the update at hand. */
    private Div outdatedBanner(MethodDetail method, List<MethodPageExtension.Parts> parts) {
        Div banner = banner("method-outdated-banner", getTranslation("method.page.outdated",
                Objects.requireNonNullElse(method.basePublishedRevision(), 0),
                Objects.requireNonNullElse(method.targetPublishedRevision(), 0)));
        parts.forEach(part -> part.bannerAction(banner.getId().orElseThrow()).ifPresent(banner::add));
        return banner;
    }

    private Div banner(String id, String text) {
        Div banner = new Div(new Span(text));
        banner.setId(id);
        banner.addClassName("method-banner");
        return banner;
    }

    /** Links to similar published methods, when the search module offers them, each with the branches using it. */
    private void addSimilar(long methodId, List<MethodPageExtension.Parts> parts) {
        List<SimilarMethods.Link> links = similar.stream().flatMap(s -> s.similarTo(methodId, SIMILAR).stream()).toList();
        if (links.isEmpty()) {
            return;
        }
        Map<Long, Integer> adopting = methods.adoptingBranches(links.stream().map(SimilarMethods.Link::id).toList());
        UnorderedList list = new UnorderedList();
        for (SimilarMethods.Link link : links) {
            ListItem item = new ListItem(new Anchor(link.route(), link.title()));
            int branches = adopting.getOrDefault(link.id(), 0);
            if (branches > 0) {
                Span count = new Span(getTranslation("method.page.similar-adopted", branches));
                count.addClassName("similar-adoptions");
                item.add(count);
            }
            parts.forEach(part -> part.besideSimilar(link.route()).ifPresent(item::add));
            list.add(item);
        }
        Section block = RevisionContent.section("similar", "method.page.similar", list);
        block.addClassName("method-similar");
        add(block);
    }

    private Span metaItem(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("method-meta-label");
        return new Span(label, new Span(value));
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
