package org.methodportal.method.ui;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodContent;
import org.springframework.modulith.NamedInterface;

/**
 * What the editor autosaves as its working copy (JSON, opaque to the service): the content as
 * typed, even when incomplete, with the chosen origin branch and the change note.
 */
@NamedInterface("editor-draft")
public record EditorDraft(MethodContent content, @Nullable Long branchId, @Nullable String changeNote) {
}
