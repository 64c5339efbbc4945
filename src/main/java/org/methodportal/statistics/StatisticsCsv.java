package org.methodportal.statistics;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;

/**
 * A figure's table as CSV (RFC 4180 quoting) with a byte-order mark, so spreadsheet programs read the
 * Chinese text correctly; the header uses the JSON field names, categories their Chinese names (as
 * the API and the corpus carry them). Text that a spreadsheet would run as a formula is defused.
 */
public final class StatisticsCsv {

    private StatisticsCsv() {
    }

    public static String write(Figure.Table table) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", table.columns().stream().map(Figure.Column::name).toList())).append("\r\n");
        for (List<@Nullable Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(table.columns().get(i), row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Figure.Column column, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = column.kind() == Figure.Kind.CATEGORY
                ? Category.fromName(value.toString()).map(Category::chineseName).orElse(value.toString())
                : value.toString();
        return quote(text);
    }

    /** Quoted text; a leading =, +, -, @, tab or carriage return would make spreadsheet programs run it as a formula. */
    static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
