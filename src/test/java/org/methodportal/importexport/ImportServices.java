package org.methodportal.importexport;

import org.methodportal.method.MethodExportService;
import org.methodportal.method.MethodImportService;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;

/** An import service of the context's beans with other limits, for tests and benchmarks outside this package. */
public final class ImportServices {

    private ImportServices() {
    }

    public static ImportExportService withBatchSize(ApplicationContext context, int batchSize) {
        return new ImportExportService(context.getBean(MethodImportService.class),
                context.getBean(MethodExportService.class), new ImportProperties(DataSize.ofGigabytes(1), batchSize),
                context.getBean(CurrentUser.class), context.getBean(SystemAuthentication.class),
                context.getBean(MessageSource.class), context, context.getBean(BulkWrites.class));
    }
}
