package org.methodportal.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A mapper test: only DataSource, Flyway and MyBatis (with the mappers and application.yaml's
 * MyBatis settings) on the {@link TestDatabase}; each test runs in a transaction that is rolled
 * back. Every class carrying this shares one cached context, so one database per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mapper")
@ExtendWith(TestDatabase.Availability.class)
@MybatisTest
// Keep our database: the default would swap in a plain H2 without the PostgreSQL mode.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
// The mappers' SQL may depend on the engine (_databaseId), as in the application.
@Import(MyBatisConfig.class)
public @interface MapperSlice {
}
