/**
 * The comparison of two revisions, field by field and word by word, and its HTML rendering: plain
 * Java without framework types, used by the method, comment, proposal and review modules.
 */
@NamedInterface("diff")
@NullMarked
package org.methodportal.method.diff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
