/** The Elasticsearch adapter of the search port, used when {@code portal.search.elasticsearch.uris} is set. */
@NullMarked
package org.methodportal.search.elasticsearch;

import org.jspecify.annotations.NullMarked;
