package org.methodportal.search.elasticsearch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets up Elasticsearch's logging once per test JVM, before any test. The in-process test node's
 * jar registers vector formats with Lucene's codec lookup, and those fail to load without it: the
 * embedded index, indexing embeddings in the same JVM, would then fail in tests only.
 */
public final class ElasticsearchLogging implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LogConfigurator.configureESLogging();
    }
}
