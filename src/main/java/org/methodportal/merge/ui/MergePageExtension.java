package org.methodportal.merge.ui;

import org.methodportal.merge.MergeService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageExtension;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;

/** Adds the merge parts ({@link MethodPageMerge}) to the method page. */
@SpringComponent
@Order(10)
class MergePageExtension implements MethodPageExtension {

    private final MergeService merges;

    MergePageExtension(MergeService merges) {
        this.merges = merges;
    }

    @Override
    public Parts create(MethodDetail method, Component page) {
        return new MethodPageMerge(merges, page, method);
    }
}
