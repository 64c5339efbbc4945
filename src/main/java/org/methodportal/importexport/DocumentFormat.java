package org.methodportal.importexport;

/** The file types a method or a list of methods is exported as. */
public enum DocumentFormat {
    PDF(".pdf", MethodFileService.PDF),
    WORD(".docx", MethodFileService.DOCX);

    private final String extension;
    private final String contentType;

    DocumentFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
