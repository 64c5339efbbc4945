package org.methodportal.review.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.comment.CommentAnchor;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.VisibleComment;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.method.diff.DiffHtml;
import org.methodportal.method.MethodContent;
import org.methodportal.method.diff.MethodDiff;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.RevisionContent;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.PublishedComparison;
import org.methodportal.review.Decision;
import org.methodportal.review.Quality;
import org.methodportal.review.ReviewEntry;
import org.methodportal.review.ReviewOutcome;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PageFocus;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The review form of a proposal: what changed (against the published revision for a
 * change request, against the previously submitted revision on a resubmission), the full text,
 * the six qualities scored 1–5 with their meaning, the decision and a comment. The review is bound
 * to the revision shown here; if the proposal moved on meanwhile, it is refused and nothing applies.
 */
@Route("reviews/:id(\\d+)")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Map<Quality, RadioButtonGroup<Integer>> scores = new EnumMap<>(Quality.class);
    final RadioButtonGroup<Decision> decision = new RadioButtonGroup<>();
    final TextArea comment = new TextArea();
    final Button submit = new Button();
    private final transient ReviewService reviews;
    private final transient MethodService methods;
    private final transient GlossaryService glossary;
    private final transient CommentService comments;
    private final transient ProposalService proposals;
    private @Nullable MethodDetail proposal;
    private String pageTitle = "";

    ReviewView(ReviewService reviews, MethodService methods, GlossaryService glossary, CommentService comments,
               ProposalService proposals) {
        this.reviews = reviews;
        this.proposals = proposals;
        this.methods = methods;
        this.glossary = glossary;
        this.comments = comments;
        setId("review-view");
        addClassNames("portal-page", "review-page");
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        proposal = null;
        pageTitle = getTranslation("review.form.title");
        long id = event.getRouteParameters().getLong("id").orElseThrow();
        try {
            proposal = methods.get(id);
        } catch (PortalException e) {
            add(new H1(getTranslation("review.form.title")), new Paragraph(getTranslation(e.messageKey(), e.args())));
            return;
        }
        show(proposal);
    }

    private void show(MethodDetail p) {
        MethodContent content = p.revision().content();
        pageTitle = getTranslation("review.form.title") + " · " + content.title();
        H1 title = new H1(content.title());
        title.setId("review-title");
        Paragraph meta = new Paragraph(getTranslation(p.isChangeRequest() ? "review.form.meta-change"
                : "review.form.meta-new", p.ownerName(), p.departmentName(), p.reviewRound(),
                Objects.requireNonNullElse(p.submittedRevision(), p.latestRevision())));
        meta.setId("review-meta");
        Anchor page = new Anchor("methods/" + p.id(), getTranslation("review.form.open-page"));
        add(title, meta, page);
        if (p.status() != MethodStatus.IN_REVIEW) {
            Paragraph closed = new Paragraph(getTranslation("review.form.not-in-review",
                    getTranslation("method.status." + p.status().name())));
            closed.setId("review-not-in-review");
            add(closed);
            return;
        }
        if (p.baseOutdated()) {
            // Refused up front: an approval could not be applied, and scoring first would be wasted work.
            Paragraph outdated = new Paragraph(getTranslation("review.form.outdated",
                    Objects.requireNonNullElse(p.basePublishedRevision(), 0),
                    Objects.requireNonNullElse(p.targetPublishedRevision(), 0)));
            outdated.setId("review-outdated");
            outdated.addClassName("method-banner");
            add(outdated);
            return;
        }
        comparison(p).ifPresent(this::add);
        Details full = new Details(getTranslation("review.form.full-text"), new RevisionContent(content));
        full.setId("review-full-text");
        full.setOpened(!p.isChangeRequest() && p.reviewRound() <= 1);
        add(full, new NormalisationStatus(glossary, p.id()), unresolvedComments(p), reviewForm());
    }

    /** The proposal's open section comments, so the reviewer sees what is still pending. */
    private Details unresolvedComments(MethodDetail p) {
        List<VisibleComment> open = comments.unresolved(p.id());
        Div list = new Div();
        list.addClassName("review-unresolved-list");
        if (open.isEmpty()) {
            list.add(new Paragraph(getTranslation("review.form.unresolved-none")));
        }
        for (VisibleComment c : open) {
            CommentAnchor anchor = Objects.requireNonNull(c.anchor());
            String place = getTranslation(anchor.field().key()) + (anchor.itemIndex() == null ? ""
                    : " " + (anchor.itemIndex() + 1));
            Anchor link = new Anchor("methods/" + p.id() + "/revisions/" + anchor.revisionNumber() + "?"
                    + PageFocus.PARAMETER + "=" + VisibleComment.elementId(c.id()), place);
            String text = Objects.requireNonNullElse(c.text(), "");
            Paragraph line = new Paragraph(link, new Span(" · " + c.authorName() + " · "
                    + (text.length() > 80 ? text.substring(0, 80) + "…" : text)));
            line.addClassName("review-unresolved-item");
            list.add(line);
        }
        Details details = new Details(getTranslation("review.form.unresolved-title", open.size()), list);
        details.setId("review-unresolved-comments");
        details.setOpened(!open.isEmpty());
        return details;
    }

    /** The diff a reviewer needs, if there is something to compare with. */
    private Optional<Div> comparison(MethodDetail p) {
        MethodContent base;
        String captionKey;
        int baseNumber;
        if (p.isChangeRequest()) {
            // Always against the text published now, with the published changes the request would undo.
            PublishedComparison published = proposals.compareWithPublished(p.id());
            return Optional.of(diffHolder(getTranslation("review.form.diff-published", published.publishedRevision()),
                    DiffHtml.render(published.diff(), this::getTranslation, published.undoes(),
                            published.undoesItems())));
        } else {
            Optional<Integer> previous = reviews.record(p.id()).stream()
                    .filter(r -> r.methodId() == p.id() && r.round() == p.reviewRound() - 1)
                    .map(ReviewEntry::revision).findFirst();
            if (previous.isEmpty() || previous.get() == p.revision().number()) {
                return Optional.empty();
            }
            baseNumber = previous.get();
            base = methods.revision(p.id(), baseNumber).content();
            captionKey = "review.form.diff-previous";
        }
        return Optional.of(diffHolder(getTranslation(captionKey, baseNumber),
                DiffHtml.render(MethodDiff.between(base, p.revision().content()), this::getTranslation)));
    }

    private Div diffHolder(String caption, String html) {
        Div holder = new Div(new H3(caption), new Html(html));
        holder.setId("review-diff");
        holder.addClassName("method-diff-holder");
        return holder;
    }

    /**
     * The scores and the decision side by side, the comment across both beneath: the whole form
     * fits one screen at 1366 × 900, so a reviewer sees every score when deciding.
     */
    private Div reviewForm() {
        Div rubric = new Div(new H3(getTranslation("review.form.rubric")), rubric());
        rubric.addClassName("review-form-rubric");
        decision.setId("review-decision");
        decision.setAriaLabel(getTranslation("review.form.decision"));
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("review.decision." + d.name()));
        decision.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        decision.setRequiredIndicatorVisible(true);
        Div decide = new Div(new H3(getTranslation("review.form.decision")), decision);
        decide.addClassName("review-form-decision");
        comment.setId("review-comment");
        comment.setLabel(getTranslation("review.form.comment"));
        comment.setMaxLength(ReviewService.COMMENT_MAX);
        comment.setValueChangeMode(ValueChangeMode.EAGER);
        comment.setHelperText(getTranslation("review.form.comment-help", 0, ReviewService.COMMENT_MAX));
        comment.addValueChangeListener(e -> comment.setHelperText(getTranslation("review.form.comment-help",
                e.getValue().length(), ReviewService.COMMENT_MAX)));
        comment.addClassName("review-form-comment");
        submit.setText(getTranslation("review.form.submit"));
        submit.setId("review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        Div form = new Div(rubric, decide, comment, submit);
        form.setId("review-decision-form");
        form.addClassName("review-form");
        return form;
    }

    /**
     * The six qualities as a matrix: one row each with its name, the scores 1–5 across and its
     * meaning beside (also the tooltip of the scores, shown on hover and on keyboard focus).
     */
    private Div rubric() {
        Div rubric = new Div();
        rubric.setId("review-rubric");
        rubric.addClassName("review-rubric");
        for (Quality quality : Quality.values()) {
            String name = getTranslation(quality.nameKey());
            String meaning = getTranslation(quality.meaningKey());
            RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
            group.setId("review-score-" + quality.jsonName());
            group.setAriaLabel(name + "：" + meaning);
            group.setTooltipText(meaning);
            group.setItems(1, 2, 3, 4, 5);
            group.addClassName("review-rubric-scores");
            scores.put(quality, group);
            Span label = new Span(name);
            label.addClassName("review-rubric-name");
            Span explained = new Span(meaning);
            explained.addClassName("review-rubric-meaning");
            rubric.add(label, group, explained);
        }
        return rubric;
    }

    void submit() {
        MethodDetail p = Objects.requireNonNull(proposal);
        Map<Quality, Integer> values = new EnumMap<>(Quality.class);
        boolean missing = false;
        for (var entry : scores.entrySet()) {
            Integer value = entry.getValue().getValue();
            entry.getValue().setInvalid(value == null);
            entry.getValue().setErrorMessage(value == null ? getTranslation("review.form.score-missing") : null);
            missing |= value == null;
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        decision.setInvalid(decision.getValue() == null);
        decision.setErrorMessage(decision.getValue() == null ? getTranslation("error.review.decision-required") : null);
        if (missing || decision.getValue() == null) {
            return;
        }
        if (decision.getValue().needsComment() && comment.getValue().isBlank()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("error.review.comment-required"));
            comment.focus();
            return;
        }
        comment.setInvalid(false);
        int revision = Objects.requireNonNullElse(p.submittedRevision(), p.latestRevision());
        try {
            ReviewOutcome outcome = reviews.review(p.id(),
                    new ReviewRequest(revision, decision.getValue(), Scores.of(values), comment.getValue()));
            Notifications.success(outcome.status() == MethodStatus.IN_REVIEW
                    ? getTranslation("review.form.recorded-partly", outcome.approvals(), outcome.required())
                    : getTranslation("review.form.recorded", getTranslation("method.status." + outcome.status().name())));
            UI.getCurrent().navigate("reviews");
        } catch (PortalException ex) {
            // The input stays as it is: the reviewer can reload and review the new revision.
            // One message, in the form, replacing an earlier one.
            getChildren().filter(c -> c.getId().filter("review-error"::equals).isPresent()).toList()
                    .forEach(this::remove);
            Span message = new Span(getTranslation(ex.messageKey(), ex.args()));
            message.setId("review-error");
            message.addClassName("review-error");
            add(message);
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
