package org.methodportal.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.methodportal.importexport.GeneratedCorpus;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportProgress;
import org.methodportal.importexport.ImportReport;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What writing each commit to the file before acknowledging it (WRITE_DELAY=0, the embedded
 * default) costs against H2's own default of 500 ms: import throughput through
 * {@link ImportExportService}, one transaction per method as in production, on an H2 file database
 * with the shipped URL. Both settings in one run and one database, switched with SET WRITE_DELAY
 * between rounds that alternate which goes first. Not a test: it prints a table and asserts nothing.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=true"})
@ActiveProfiles("test")
class ImportDurabilityBenchmark {

    private static final String DATA_DIR = "./target/bench-import/" + UUID.randomUUID();
    private static final int ROUNDS = Integer.getInteger("portal.bench.rounds", 4);
    private static final int PER_ROUND = Integer.getInteger("portal.bench.methods", 250);

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> DATA_DIR);
        // application.yaml's embedded URL (the test profile would use an in-memory database)
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA_DIR
                + "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Autowired
    ImportExportService imports;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private int next;

    @Test
    void importThroughputWithAndWithoutWriteDelay() throws SQLException {
        TestUsers.signInAs(users, securityContexts, "admin");
        importWith(0, 50);
        importWith(500, 50);
        double[] immediate = new double[ROUNDS];
        double[] delayed = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                immediate[round] = importWith(0, PER_ROUND);
                delayed[round] = importWith(500, PER_ROUND);
            } else {
                delayed[round] = importWith(500, PER_ROUND);
                immediate[round] = importWith(0, PER_ROUND);
            }
            System.out.printf("round %d: WRITE_DELAY=0 %.1f methods/s, WRITE_DELAY=500 %.1f methods/s%n",
                    round + 1, immediate[round], delayed[round]);
        }
        double medianImmediate = Timings.median(immediate);
        double medianDelayed = Timings.median(delayed);
        System.out.printf("""

                %d rounds of %d methods each (median methods/s; one transaction per method):

                | H2 setting | median methods/s | slowest round | ratio to WRITE_DELAY=500 |
                |---|---:|---:|---:|
                | WRITE_DELAY=500 (H2 default, before) | %.1f | %.1f | 1.00 |
                | WRITE_DELAY=0 (embedded default now) | %.1f | %.1f | %.2f |
                %n""", ROUNDS, PER_ROUND, medianDelayed, min(delayed), medianImmediate, min(immediate),
                medianImmediate / medianDelayed);
        securityContexts.clearContext();
    }

    /** Imports {@code count} new published methods with this write delay; methods per second. */
    private double importWith(int writeDelay, int count) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY " + writeDelay);
        }
        List<String> lines = GeneratedCorpus.lines("bench-", next, count, "导入基准");
        next += count;
        byte[] file = (String.join("\n", lines) + "\n").getBytes(UTF_8);
        long started = System.nanoTime();
        ImportReport report = imports.importLines(new ByteArrayInputStream(file), MethodStatus.PUBLISHED, "bench",
                ImportProgress.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report.created() != count) {
            throw new IllegalStateException("import created " + report.created() + " of " + count);
        }
        return count / seconds;
    }

    private static double min(double[] values) {
        double min = Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
