package org.methodportal.shared;

import java.util.Properties;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the database to the mappers ({@code _databaseId}: {@code h2} or {@code postgresql}), for
 * the few places where one engine's planner needs to be told what the other works out itself.
 */
@Configuration(proxyBeanMethods = false)
class MyBatisConfig {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        var names = new Properties();
        names.setProperty("H2", "h2");
        names.setProperty("PostgreSQL", "postgresql");
        var provider = new VendorDatabaseIdProvider();
        provider.setProperties(names);
        return provider;
    }
}
