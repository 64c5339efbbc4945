package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The optional file of an adoption report (a photo, a PDF, an Office document or plain text), at most
 * one per report, in its own table so that listing reports never reads the bytes. The bytes are a
 * {@code BINARY LARGE OBJECT} on H2, which keeps large values out of the row pages and streams them,
 * and a {@code BYTEA} on PostgreSQL, whose TOAST does the same; everything else is the same on both.
 * Reports are never deleted, so the attachment needs no cascade.
 */
public class V91__Create_adoption_report_attachment extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = "H2".equals(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    CREATE TABLE adoption_report_attachment (
                        report_id     BIGINT        NOT NULL,
                        file_name     VARCHAR(200)  NOT NULL,
                        content_type  VARCHAR(100)  NOT NULL,
                        size_bytes    BIGINT        NOT NULL,
                        content       %s NOT NULL,
                        CONSTRAINT pk_adoption_report_attachment PRIMARY KEY (report_id),
                        CONSTRAINT fk_adoption_report_attachment_report FOREIGN KEY (report_id)
                            REFERENCES adoption_report (id)
                    )""".formatted(h2 ? "BINARY LARGE OBJECT" : "BYTEA"));
        }
    }
}
