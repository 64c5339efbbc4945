package org.methodportal.adoption.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionAttachment;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.adoption.AttachmentFiles;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.adoption.NewAdoptionReport;
import org.methodportal.adoption.NewAttachment;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.DatePickers;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PrefilledText;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * 推广采用 on a published method's page: how many branches use it (by department) with the average
 * rating and the newest reports (with their file, if any, as a download); for a secretary, "本支部采用"
 * or, once adopted, the branch's adoption with "报告采用情况" (with an optional file). A report of the
 * reader's own branch, and a report just saved, offer to become a comment or a change request: the
 * comment form or the editor opens with its text filled in ({@link PrefilledText}), nothing is saved
 * until the user submits there. Refusals of the service (not published, adopted already, not the
 * branch's, a file refused) are shown as its messages.
 */
class AdoptionPanel extends Section {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final int EXCERPT = 80;
    /** The element id of the discussion's comment form (comment module), where "发表评论" leads. */
    static final String COMMENT_FORM = "comment-form";

    private final transient AdoptionService adoptions;
    private final MethodDetail method;
    private final boolean secretary;
    private final @Nullable Long ownBranchId;
    private final boolean mayProposeChange;
    final Div body = new Div();
    /** The file received for the report being written, until it is submitted with it or removed. */
    @Nullable NewAttachment pendingAttachment;

    AdoptionPanel(AdoptionService adoptions, MethodDetail method, boolean secretary, @Nullable Long ownBranchId,
                  boolean mayProposeChange) {
        this.adoptions = adoptions;
        this.method = method;
        this.secretary = secretary;
        this.ownBranchId = ownBranchId;
        this.mayProposeChange = mayProposeChange;
        setId(Adoption.ELEMENT_ID);
        addClassNames("method-section", "adoption-panel");
        add(new H3(getTranslation("adoption.title")), body);
        refresh();
    }

    private void refresh() {
        refresh(null);
    }

    /** Shows the block anew; {@code saved}, a report just saved, is offered as a comment or a change. */
    private void refresh(@Nullable AdoptionReport saved) {
        body.removeAll();
        if (saved != null) {
            Div next = new Div(new Span(getTranslation("adoption.reported-next")));
            next.setId("adoption-next");
            next.addClassName("adoption-next");
            follow(next, saved, "adoption-next");
            body.add(next);
        }
        AdoptionSummary summary = adoptions.summary(method.id());
        Paragraph counts = new Paragraph(summary.adoptingBranches() == 0
                ? getTranslation("adoption.none")
                : summary.averageRating() == null
                        ? getTranslation("adoption.count", summary.adoptingBranches())
                        : getTranslation("adoption.count-rated", summary.adoptingBranches(),
                                String.format("%.1f", summary.averageRating())));
        counts.setId("adoption-count");
        body.add(counts);
        if (!summary.byDepartment().isEmpty()) {
            Div departments = new Div();
            departments.setId("adoption-departments");
            departments.addClassName("adoption-departments");
            summary.byDepartment().forEach(d -> {
                Span chip = new Span(getTranslation("adoption.department", d.department(), d.branches()));
                chip.addClassNames("portal-badge", "glossary-category");
                departments.add(chip);
            });
            body.add(departments);
        }
        ownBranch(summary);
        if (summary.adoptionsEver() > 0) {
            Anchor all = new Anchor("methods/" + method.id() + "/adoptions",
                    getTranslation("adoption.list.all", summary.adoptionsEver()));
            all.setId("adoption-all");
            all.addClassName("adoption-all");
            body.add(new Div(all));
        }
        if (!summary.latestReports().isEmpty()) {
            Div reports = new Div();
            reports.setId("adoption-reports");
            reports.addClassName("adoption-reports");
            summary.latestReports().forEach(r -> reports.add(report(r)));
            body.add(reports);
        }
    }

    private void ownBranch(AdoptionSummary summary) {
        Adoption own = summary.ownBranch();
        if (own != null) {
            Div line = new Div(new Span(getTranslation("adoption.own", own.startedOn().toString(), own.reportCount())));
            line.setId("adoption-own");
            line.addClassName("adoption-own");
            if (adoptions.reportDue(own)) {
                Span due = new Span(getTranslation("adoption.own-due", adoptions.reportAfterDays()));
                due.setId("adoption-own-due");
                due.addClassNames("portal-badge", "portal-badge-outdated", "home-due");
                line.add(due);
            }
            if (secretary) {
                Button report = new Button(getTranslation("adoption.report"), VaadinIcon.EDIT.create(),
                        e -> openReport(own));
                report.setId("adoption-report");
                report.addThemeVariants(ButtonVariant.LUMO_SMALL);
                line.add(report);
            }
            body.add(line);
        } else if (secretary && method.status() == MethodStatus.PUBLISHED) {
            Button adopt = new Button(getTranslation("adoption.adopt"), VaadinIcon.CHECK.create(), e -> openAdopt());
            adopt.setId("adoption-adopt");
            adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            body.add(adopt);
        }
    }

    private Div report(AdoptionReport r) {
        String outcome = r.outcome().length() > EXCERPT ? r.outcome().substring(0, EXCERPT) + "…" : r.outcome();
        Span head = new Span(getTranslation("adoption.report-line", r.branchName(), r.reportedByName(),
                TIME.format(r.reportedAt()), getTranslation("adoption.status." + r.status().name()), r.rating()));
        head.addClassName("adoption-report-head");
        Div item = new Div(head, new Div(new Span(outcome)));
        item.setId("adoption-report-" + r.id());
        item.addClassName("adoption-report-item");
        if (r.attachmentName() != null) {
            item.add(new Div(attachmentLink(r)));
        }
        if (ownBranchId != null && ownBranchId == r.branchId()) {
            Div actions = new Div();
            actions.addClassName("adoption-report-actions");
            follow(actions, r, "adoption-report-" + r.id());
            item.add(actions);
        }
        return item;
    }

    /**
     * The report's file as a download named as stored; the service is asked again when it is
     * downloaded, so a reader who may no longer see the method gets nothing.
     */
    private Anchor attachmentLink(AdoptionReport r) {
        long size = r.attachmentSize() == null ? 0 : r.attachmentSize();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                AdoptionAttachment file = adoptions.attachment(r.adoptionId(), r.id());
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.size());
            } catch (PortalException e) {
                return DownloadResponse.error(404);
            }
        }), AttachmentType.DOWNLOAD, getTranslation("adoption.attachment-link", r.attachmentName(),
                AttachmentFiles.sizeLabel(size)));
        link.setId("adoption-attachment-" + r.id());
        link.addClassName("adoption-attachment");
        return link;
    }

    /** "发表评论" and, where the reader may propose changes, "提出修改", both starting with the report's text. */
    private void follow(Div target, AdoptionReport r, String idPrefix) {
        String text = getTranslation("adoption.prefill", getTranslation("adoption.status." + r.status().name()),
                r.rating(), r.outcome());
        Button comment = new Button(getTranslation("adoption.comment"), VaadinIcon.COMMENT_O.create(),
                e -> UI.getCurrent().navigate("methods/" + method.id(), PrefilledText.query(COMMENT_FORM, text)));
        comment.setId(idPrefix + "-comment");
        comment.addClassName("adoption-comment");
        comment.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        target.add(comment);
        if (mayProposeChange) {
            Button propose = new Button(getTranslation("adoption.propose"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate("methods/" + method.id() + "/propose",
                            PrefilledText.query(null, text)));
            propose.setId(idPrefix + "-propose");
            propose.addClassName("adoption-propose");
            propose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            target.add(propose);
        }
    }

    private void openAdopt() {
        Dialog dialog = new Dialog();
        dialog.setId("adoption-adopt-dialog");
        dialog.setHeaderTitle(getTranslation("adoption.adopt-title", method.revision().content().title()));
        dialog.setWidth("min(36rem, 95vw)");
        DatePicker start = DatePickers.create("adoption.started-on");
        start.setId("adoption-started-on");
        start.setValue(LocalDate.now());
        TextArea plan = new TextArea(getTranslation("adoption.plan"));
        plan.setId("adoption-plan");
        plan.setMaxLength(AdoptionService.PLAN_MAX);
        plan.setWidthFull();
        plan.setPlaceholder(getTranslation("adoption.plan-placeholder"));
        dialog.add(new Div(start, plan));
        Button confirm = new Button(getTranslation("adoption.adopt-confirm"), e -> {
            try {
                adoptions.adopt(method.id(), new NewAdoption(start.getValue(), plan.getValue()));
                dialog.close();
                Notifications.success(getTranslation("adoption.adopted"));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("adoption-adopt-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("adoption.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void openReport(Adoption own) {
        Dialog dialog = new Dialog();
        dialog.setId("adoption-report-dialog");
        dialog.setHeaderTitle(getTranslation("adoption.report-title"));
        dialog.setWidth("min(36rem, 95vw)");
        RadioButtonGroup<AdoptionStatus> status = new RadioButtonGroup<>(getTranslation("adoption.status"));
        status.setId("adoption-status");
        status.setItems(AdoptionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("adoption.status." + s.name()));
        status.setValue(AdoptionStatus.TRIAL);
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation("adoption.rating"));
        rating.setId("adoption-rating");
        rating.setItems(1, 2, 3, 4, 5);
        TextArea outcome = new TextArea(getTranslation("adoption.outcome"));
        outcome.setId("adoption-outcome");
        outcome.setMaxLength(AdoptionService.OUTCOME_MAX);
        outcome.setWidthFull();
        outcome.setPlaceholder(getTranslation("adoption.outcome-placeholder"));
        IntegerField participants = new IntegerField(getTranslation("adoption.participants"));
        participants.setId("adoption-participants");
        participants.setMin(0);
        participants.setMax(AdoptionService.PARTICIPANTS_MAX);
        pendingAttachment = null;
        dialog.add(new Div(status, rating, outcome, participants, attachmentField()));
        Button confirm = new Button(getTranslation("adoption.report-confirm"), e -> {
            try {
                AdoptionReport saved = adoptions.report(own.id(), new NewAdoptionReport(status.getValue(),
                        outcome.getValue(), rating.getValue(), participants.getValue()), pendingAttachment);
                pendingAttachment = null;
                dialog.close();
                Notifications.success(getTranslation("adoption.reported"));
                refresh(saved);
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("adoption-report-confirm");
        dialog.addDialogCloseActionListener(e -> {
            pendingAttachment = null;
            dialog.close();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("adoption.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /**
     * One file for the report, held until the report is submitted (the service checks it then, so a
     * refused file keeps the rest of the dialog's input). The browser's checks of size and type only
     * save a pointless upload.
     */
    private Div attachmentField() {
        long max = adoptions.attachmentMaxSize();
        String maxLabel = AttachmentFiles.sizeLabel(max);
        Upload upload = new Upload();
        upload.setId("adoption-attachment");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setAcceptedFileTypes(Arrays.stream(AttachmentFiles.Kind.values())
                .flatMap(k -> k.extensions().stream()).map(x -> "." + x).toArray(String[]::new));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("adoption.attachment-add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("adoption.attachment-drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("adoption.attachment-too-many"))
                .setFileIsTooBig(getTranslation("adoption.attachment-too-big", maxLabel))
                .setIncorrectFileType(getTranslation("adoption.attachment-wrong-type")));
        upload.setI18n(i18n);
        UI ui = UI.getCurrent();
        Span received = new Span();
        received.setId("adoption-attachment-received");
        received.addClassName("adoption-attachment-received");
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            pendingAttachment = new NewAttachment(metadata.fileName(), bytes);
            received.setText(getTranslation("adoption.attachment-received", metadata.fileName(),
                    AttachmentFiles.sizeLabel(bytes.length)));
        })));
        upload.addFileRemovedListener(e -> {
            pendingAttachment = null;
            received.setText("");
        });
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        Paragraph hint = new Paragraph(getTranslation("adoption.attachment-hint", maxLabel));
        hint.setId("adoption-attachment-hint");
        hint.addClassName("adoption-attachment-hint");
        Div field = new Div(new Span(getTranslation("adoption.attachment")), hint, upload, received);
        field.addClassName("adoption-attachment-field");
        return field;
    }
}
