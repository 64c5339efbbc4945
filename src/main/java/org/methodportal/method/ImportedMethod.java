package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One method as an import file describes it (the corpus format of {@code ../corpus/methods.jsonl}):
 * its source id, content, origin by name, original grassroots text (原生态) and creation time.
 * Nothing is checked yet; {@link MethodImportService} validates it as the editor would.
 */
public record ImportedMethod(@Nullable String externalId, MethodContent content, @Nullable String departmentName,
                             @Nullable String branchName, @Nullable String rawPractice, @Nullable Instant createdAt) {
}
