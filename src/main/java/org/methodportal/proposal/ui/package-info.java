/** The method editor, the workflow buttons of the method page, rebasing and the author's own proposals. */
@NullMarked
package org.methodportal.proposal.ui;

import org.jspecify.annotations.NullMarked;
