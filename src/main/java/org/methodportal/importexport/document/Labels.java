package org.methodportal.importexport.document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The reader's words for a document: bundle texts in one language, and dates as they read them. */
public interface Labels {

    String get(String key, Object... args);

    Locale locale();

    /** A day and minute in the server's time zone, as the portal's pages show times. */
    default String time(Instant instant) {
        return TIME.format(instant);
    }

    default String day(Instant instant) {
        return DAY.format(instant);
    }

    DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
}
