package org.methodportal.importexport.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload field's texts in the reader's language; only the wrong-type message differs per page. */
final class UploadTexts {

    private UploadTexts() {
    }

    static UploadI18N of(Component c, String wrongTypeKey) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(c.getTranslation("importexport.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(c.getTranslation("importexport.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(c.getTranslation("importexport.upload.too-many"))
                .setFileIsTooBig(c.getTranslation("importexport.upload.too-big"))
                .setIncorrectFileType(c.getTranslation(wrongTypeKey)));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(c.getTranslation("importexport.upload.connecting"))
                        .setStalled(c.getTranslation("importexport.upload.stalled"))
                        .setProcessing(c.getTranslation("importexport.upload.processing"))
                        .setHeld(c.getTranslation("importexport.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("importexport.upload.remaining"))
                        .setUnknown(c.getTranslation("importexport.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("importexport.upload.server-unavailable"))
                        .setUnexpectedServerError(c.getTranslation("importexport.upload.server-error"))
                        .setForbidden(c.getTranslation("importexport.upload.forbidden"))
                        .setFileTooLarge(c.getTranslation("importexport.upload.too-big"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(c.getTranslation("importexport.upload.retry"))
                .setStart(c.getTranslation("importexport.upload.start"))
                .setRemove(c.getTranslation("importexport.upload.remove")));
        return i18n;
    }
}
