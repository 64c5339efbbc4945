package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, lets the identity columns that bulk imports fill hand out 1,000 values between writes of
 * their sequence instead of 32: each such write commits the whole store, which cost a bulk import
 * about a third of its time. PostgreSQL is left as it is: its sequences cost nothing comparable, and
 * a cache there would be per connection, so ids would no longer follow the order of inserts.
 */
public class V87__Cache_identity_values_on_h2 extends BaseJavaMigration {

    private static final List<String> TABLES = List.of("method", "method_revision", "audit_event", "search_outbox",
            "department", "branch");

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE 1000");
            }
        }
    }
}
