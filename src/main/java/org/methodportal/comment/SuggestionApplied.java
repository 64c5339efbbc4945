package org.methodportal.comment;

/** A suggested edit was saved into the method as the given revision. */
public record SuggestionApplied(long commentId, long methodId, int revisionNumber) implements CommentEvent {

    @Override
    public String detail() {
        return "method " + methodId + " revision " + revisionNumber;
    }
}
