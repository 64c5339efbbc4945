@NullMarked
package org.methodportal.glossary.api;

import org.jspecify.annotations.NullMarked;
