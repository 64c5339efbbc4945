@NullMarked
package org.methodportal.glossary.ui;

import org.jspecify.annotations.NullMarked;
