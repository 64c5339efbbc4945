/**
 * Search (搜索): one port ({@code engine.SearchIndex}) with an embedded Lucene adapter, fed through a
 * transactional outbox; Chinese segmentation, pinyin, glossary synonyms, highlights, facets,
 * suggestions and similar methods, with the visibility rules of the method module inside the query.
 */
@ApplicationModule(displayName = "搜索")
@NullMarked
package org.methodportal.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
