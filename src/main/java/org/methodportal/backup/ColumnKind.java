package org.methodportal.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * How a column's values are written into a backup (as JSON) and read back, the same on H2 and
 * PostgreSQL, so that a backup of either restores into either.
 */
enum ColumnKind {
    LONG, INT, BOOLEAN, TEXT, DECIMAL, TIMESTAMP_TZ, TIMESTAMP, DATE, BYTES, UUID;

    static ColumnKind of(ResultSetMetaData meta, int column) throws SQLException {
        String typeName = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        if (typeName.equals("uuid")) {
            return UUID;
        }
        if (typeName.equals("timestamptz") || typeName.startsWith("timestamp with time zone")) {
            return TIMESTAMP_TZ;
        }
        return switch (meta.getColumnType(column)) {
            case Types.BIGINT -> LONG;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> DECIMAL;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.DATE -> DATE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> TEXT;
            default -> throw new IllegalStateException("column " + meta.getColumnName(column) + " has type "
                    + typeName + ", which backups do not know yet");
        };
    }

    /** The value as JSON writes it: numbers and booleans as such, everything else as text. */
    @Nullable Object read(ResultSet rows, int column) throws SQLException {
        Object value = switch (this) {
            case LONG -> rows.getLong(column);
            case INT -> rows.getInt(column);
            case BOOLEAN -> rows.getBoolean(column);
            case TEXT -> rows.getString(column);
            case DECIMAL -> {
                BigDecimal d = rows.getBigDecimal(column);
                yield d == null ? null : d.toPlainString();
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case TIMESTAMP -> {
                LocalDateTime t = rows.getObject(column, LocalDateTime.class);
                yield t == null ? null : t.toString();
            }
            case DATE -> {
                LocalDate d = rows.getObject(column, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case BYTES -> {
                byte[] b = rows.getBytes(column);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case UUID -> {
                Object u = rows.getObject(column);
                yield u == null ? null : u.toString();
            }
        };
        return rows.wasNull() ? null : value;
    }

    void bind(PreparedStatement statement, int parameter, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(parameter, sqlType());
            return;
        }
        switch (this) {
            case LONG -> statement.setLong(parameter, value.asLong());
            case INT -> statement.setInt(parameter, value.asInt());
            case BOOLEAN -> statement.setBoolean(parameter, value.asBoolean());
            case TEXT -> statement.setString(parameter, value.asString());
            case DECIMAL -> statement.setBigDecimal(parameter, new BigDecimal(value.asString()));
            case TIMESTAMP_TZ -> statement.setObject(parameter,
                    OffsetDateTime.ofInstant(java.time.Instant.parse(value.asString()), java.time.ZoneOffset.UTC));
            case TIMESTAMP -> statement.setObject(parameter, LocalDateTime.parse(value.asString()));
            case DATE -> statement.setObject(parameter, LocalDate.parse(value.asString()));
            case BYTES -> statement.setBytes(parameter, Base64.getDecoder().decode(value.asString()));
            case UUID -> statement.setObject(parameter, java.util.UUID.fromString(value.asString()));
        }
    }

    private int sqlType() {
        return switch (this) {
            case LONG -> Types.BIGINT;
            case INT -> Types.INTEGER;
            case BOOLEAN -> Types.BOOLEAN;
            case TEXT -> Types.VARCHAR;
            case DECIMAL -> Types.NUMERIC;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case BYTES -> Types.BINARY;
            case UUID -> Types.OTHER;
        };
    }
}
