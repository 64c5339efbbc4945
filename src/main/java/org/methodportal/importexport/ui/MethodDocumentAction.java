package org.methodportal.importexport.ui;

import java.util.Optional;

import org.methodportal.importexport.MethodFileService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageAction;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/** The method page's "PDF" and "Word" downloads: the method as the reader sees it, with its record. */
@org.springframework.stereotype.Component
@Order(40)
class MethodDocumentAction implements MethodPageAction {

    private final MethodFileService files;

    MethodDocumentAction(MethodFileService files) {
        this.files = files;
    }

    @Override
    public Optional<Component> create(MethodDetail method) {
        var locale = UI.getCurrent().getLocale();
        return Optional.of(new DocumentLinks("method-document", files.pdfAvailable(),
                format -> files.method(method.id(), format, locale)));
    }
}
