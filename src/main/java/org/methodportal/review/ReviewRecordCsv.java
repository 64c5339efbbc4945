package org.methodportal.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A review record as CSV (RFC 4180 quoting) with a byte-order mark, so spreadsheet programs read the
 * Chinese text correctly. The header uses the JSON field names of the API.
 */
public final class ReviewRecordCsv {

    private ReviewRecordCsv() {
    }

    public static String write(List<ReviewEntry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("id,proposalId,revision,round,reviewer,decision");
        for (Quality quality : Quality.values()) {
            csv.append(',').append(quality.jsonName());
        }
        csv.append(",comment,createdAt\r\n");
        for (ReviewEntry e : entries) {
            csv.append(e.id()).append(',').append(e.methodId()).append(',').append(e.revision()).append(',')
                    .append(e.round()).append(',').append(quote(e.reviewerName())).append(',').append(e.decision());
            for (Quality quality : Quality.values()) {
                csv.append(',').append(e.scores().get(quality));
            }
            csv.append(',').append(quote(e.comment())).append(',').append(e.createdAt()).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
