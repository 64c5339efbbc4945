package org.methodportal.adoption;

/**
 * The file of a report as stored: its sanitised name, the content type its bytes were recognised as
 * (one of {@link AttachmentFiles#CONTENT_TYPES}), its size and the bytes.
 */
public record AdoptionAttachment(long reportId, String fileName, String contentType, long size, byte[] content) {
}
