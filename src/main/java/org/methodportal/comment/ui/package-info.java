/** The discussion on the method page and the section comments beside its fields. */
@NullMarked
package org.methodportal.comment.ui;

import org.jspecify.annotations.NullMarked;
