package org.methodportal.merge.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.methodportal.merge.MergeService;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodLabels;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.SimilarMethods;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * Starting a merge (总结提炼): the sources chosen in search results, on a method page or here by id
 * or title ({@code /merge?sources=1,2}), or among the methods most like the chosen ones (the same
 * list as the method page's similar methods), and whether they become a new standard draft or are
 * merged into an existing published entry as a change request. The service checks every rule again.
 */
@Route("merge")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class MergeStartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "merge";
    /** Suggested sources shown at most. */
    static final int SUGGESTED = 5;

    private final transient MergeService merges;
    private final transient MethodService methods;
    private final transient List<SimilarMethods> similar;
    private final List<MethodSummary> sources = new ArrayList<>();
    final OrderedList sourceList = new OrderedList();
    final ComboBox<MethodSummary> picker = new ComboBox<>();
    final RadioButtonGroup<Boolean> mode = new RadioButtonGroup<>();
    final ComboBox<MethodSummary> target = new ComboBox<>();
    final Button start = new Button();
    final UnorderedList suggestions = new UnorderedList();
    private final Div suggested;

    MergeStartView(MergeService merges, MethodService methods, ObjectProvider<SimilarMethods> similar) {
        this.merges = merges;
        this.methods = methods;
        this.similar = similar.orderedStream().toList();
        setId("merge-start");
        addClassNames("portal-page", "merge-start");
        setMaxWidth("900px");
        H1 title = new H1(getTranslation("merge.start.title"));
        Paragraph help = new Paragraph(getTranslation("merge.start.help"));
        help.addClassName("merge-help");
        sourceList.setId("merge-sources");

        picker.setId("merge-add-source");
        picker.setLabel(getTranslation("merge.start.add"));
        picker.setPlaceholder(getTranslation("merge.start.add-placeholder"));
        picker.setWidthFull();
        picker.setItems(query -> find(methods, query.getFilter().orElse(""), null, query.getOffset(),
                query.getLimit()));
        picker.setItemLabelGenerator(m -> label(this, m));
        picker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                add(e.getValue());
                picker.clear();
            }
        });

        mode.setId("merge-mode");
        mode.setLabel(getTranslation("merge.start.mode"));
        mode.setItems(Boolean.FALSE, Boolean.TRUE);
        mode.setItemLabelGenerator(existing -> getTranslation(existing ? "merge.start.mode-existing"
                : "merge.start.mode-new"));
        mode.setValue(Boolean.FALSE);
        target.setId("merge-target");
        target.setLabel(getTranslation("merge.start.target"));
        target.setPlaceholder(getTranslation("merge.start.add-placeholder"));
        target.setWidthFull();
        target.setItems(query -> find(methods, query.getFilter().orElse(""), MethodStatus.PUBLISHED,
                query.getOffset(), query.getLimit()));
        target.setItemLabelGenerator(m -> label(this, m));
        target.setVisible(false);
        mode.addValueChangeListener(e -> target.setVisible(Boolean.TRUE.equals(e.getValue())));

        start.setId("merge-begin");
        start.setText(getTranslation("merge.start.begin"));
        start.setIcon(VaadinIcon.COMPRESS_SQUARE.create());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> begin());
        suggestions.setId("merge-suggestions");
        suggested = new Div(new Span(getTranslation("merge.start.suggested")), suggestions);
        suggested.addClassName("merge-suggested");
        suggested.setVisible(false);
        add(title, help, new Span(getTranslation("merge.start.sources")), sourceList, picker, suggested, mode, target,
                start);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sources.clear();
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault("sources", List.of());
        ids.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 19)
                .map(Long::parseLong).distinct().forEach(this::addById);
        render();
    }

    private void addById(long id) {
        try {
            sources.add(summary(methods.get(id)));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    private static MethodSummary summary(MethodDetail m) {
        var c = m.revision().content();
        return new MethodSummary(m.id(), m.externalId(), c.title(), c.summary(), c.category(), m.status(),
                m.originDepartmentId(), m.departmentName(), m.originBranchId(), m.branchName(), m.ownerId(),
                m.ownerName(), m.latestRevision(), m.publishedRevision(), m.createdAt(), m.updatedAt(),
                m.changeOfMethodId(), m.baseOutdated(), m.adoptingBranches());
    }

    private void add(MethodSummary method) {
        if (sources.stream().noneMatch(s -> s.id() == method.id())) {
            sources.add(method);
            render();
        }
    }

    private void render() {
        sourceList.removeAll();
        if (sources.isEmpty()) {
            sourceList.add(new ListItem(getTranslation("merge.start.none")));
        }
        for (MethodSummary source : sources) {
            RouterLink link = new RouterLink(source.title(), MethodPageView.class, MethodPageView.parameters(source.id()));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                sources.remove(source);
                render();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("merge.start.remove"));
            remove.setTooltipText(getTranslation("merge.start.remove"));
            ListItem item = new ListItem(link, new Span(" · #" + source.id() + " · " + source.departmentName() + " · "),
                    MethodLabels.statusBadge(this, source.status()), remove);
            item.addClassName("merge-source-item");
            sourceList.add(item);
        }
        renderSuggestions();
    }

    /** The methods most like the chosen sources, in turn from each source's list, without those chosen. */
    private void renderSuggestions() {
        suggestions.removeAll();
        Set<Long> chosen = sources.stream().map(MethodSummary::id).collect(Collectors.toSet());
        List<List<SimilarMethods.Link>> lists = sources.stream()
                .map(s -> similar.stream().flatMap(m -> m.similarTo(s.id(), SUGGESTED).stream()).toList()).toList();
        Map<Long, SimilarMethods.Link> offered = new LinkedHashMap<>();
        for (int rank = 0; rank < SUGGESTED && offered.size() < SUGGESTED; rank++) {
            for (List<SimilarMethods.Link> list : lists) {
                if (rank < list.size() && offered.size() < SUGGESTED) {
                    SimilarMethods.Link link = list.get(rank);
                    idOf(link).filter(id -> !chosen.contains(id)).ifPresent(id -> offered.putIfAbsent(id, link));
                }
            }
        }
        offered.forEach((id, link) -> {
            Button add = new Button(getTranslation("merge.start.add-suggested"), VaadinIcon.PLUS.create(), e -> {
                addById(id);
                render();
            });
            add.setId("merge-suggestion-add-" + id);
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            ListItem item = new ListItem(new Anchor(link.route(), link.title()), add);
            item.addClassName("merge-suggestion");
            suggestions.add(item);
        });
        suggested.setVisible(!offered.isEmpty());
    }

    /** The method id a link's route ("methods/12") ends with. */
    private static Optional<Long> idOf(SimilarMethods.Link link) {
        String digits = link.route().substring(link.route().lastIndexOf('/') + 1);
        return !digits.isEmpty() && digits.length() < 19 && digits.chars().allMatch(Character::isDigit)
                ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private void begin() {
        List<Long> ids = sources.stream().map(MethodSummary::id).toList();
        @Nullable Long targetId = Boolean.TRUE.equals(mode.getValue()) && target.getValue() != null
                ? Long.valueOf(target.getValue().id()) : null;
        if (Boolean.TRUE.equals(mode.getValue()) && targetId == null) {
            target.setInvalid(true);
            target.setErrorMessage(getTranslation("merge.start.target-required"));
            return;
        }
        try {
            MethodDetail merge = merges.start(ids, targetId);
            UI.getCurrent().navigate(MergeComposeView.class, MethodPageView.parameters(merge.id()));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** Methods whose title contains {@code text}, or the one method whose id it is. */
    static Stream<MethodSummary> find(MethodService methods, String text, @Nullable MethodStatus status, int offset,
                                      int limit) {
        String filter = text.strip();
        if (!filter.isEmpty() && filter.chars().allMatch(Character::isDigit) && filter.length() < 19) {
            try {
                MethodDetail method = methods.get(Long.parseLong(filter));
                return offset > 0 || status != null && method.status() != status ? Stream.empty()
                        : Stream.of(summary(method));
            } catch (PortalException e) {
                return Stream.empty();
            }
        }
        return methods.find(new MethodFilter(null, null, status, null, null, false, filter.isEmpty() ? null : filter),
                new PageRequest(offset, Math.clamp(limit, 1, PageRequest.MAX_LIMIT), "updatedAt", false)).stream();
    }

    static String label(Component c, MethodSummary method) {
        return method.title() + " · #" + method.id() + " · " + method.departmentName() + " · "
                + MethodLabels.status(c, method.status());
    }

    static QueryParameters query(List<Long> ids) {
        return QueryParameters.simple(Map.of("sources",
                ids.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("merge.start.title") + " | " + getTranslation("app.name");
    }
}
