@NullMarked
package org.methodportal.glossary.persistence;

import org.jspecify.annotations.NullMarked;
