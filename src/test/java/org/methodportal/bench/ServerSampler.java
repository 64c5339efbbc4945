package org.methodportal.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Where a saturated run waits: once a second in the measured window, the CPU used by this process
 * and by the whole machine, and the database pool's connections in use and requests waiting for
 * one. Latencies that are alike for cheap and dear actions point to a queue; these tell which.
 */
final class ServerSampler implements Runnable {

    private final @Nullable HikariPoolMXBean pool;
    private final int poolSize;
    private final long start;
    private final long end;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private int samples;
    private double processCpu;
    private double machineCpu;
    private long active;
    private int activeMax;
    private long waiting;
    private int waitingMax;

    ServerSampler(DataSource dataSource, long start, long end) {
        HikariDataSource hikari = unwrap(dataSource);
        this.pool = hikari == null ? null : hikari.getHikariPoolMXBean();
        this.poolSize = hikari == null ? 0 : hikari.getMaximumPoolSize();
        this.start = start;
        this.end = end;
    }

    @Override
    public void run() {
        try {
            TimeUnit.NANOSECONDS.sleep(start - System.nanoTime());
            while (System.nanoTime() < end) {
                TimeUnit.SECONDS.sleep(1);
                sample();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void sample() {
        samples++;
        processCpu += Math.max(0, os.getProcessCpuLoad());
        machineCpu += Math.max(0, os.getCpuLoad());
        if (pool != null) {
            int a = pool.getActiveConnections();
            int w = pool.getThreadsAwaitingConnection();
            active += a;
            waiting += w;
            activeMax = Math.max(activeMax, a);
            waitingMax = Math.max(waitingMax, w);
        }
    }

    /** Rows for the machine table: averages over the samples, and maxima. */
    synchronized String rows() {
        if (samples == 0) {
            return "";
        }
        String cpu = "| CPU busy in the measured window, this process / whole machine (mean of %d samples) | %.0f %% / %.0f %% |%n"
                .formatted(samples, 100 * processCpu / samples, 100 * machineCpu / samples);
        if (pool == null) {
            return cpu;
        }
        return cpu + """
                | database pool: connections in use, mean / max of %d | %.1f / %d |
                | database pool: requests waiting for a connection, mean / max | %.1f / %d |
                """.formatted(poolSize, active / (double) samples, activeMax, waiting / (double) samples, waitingMax);
    }

    private static @Nullable HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }
}
