/**
 * The glossary (术语表): standard terms (标准术语) with their definitions and local variants
 * (地方话), the matcher that finds variants in a text for the normalisation assistant, import and
 * export in the corpus's JSON lines format, and the terms search expands queries with.
 */
@ApplicationModule(displayName = "术语表")
@NullMarked
package org.methodportal.glossary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
