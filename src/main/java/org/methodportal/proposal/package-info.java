/**
 * Proposals (提案): the workflow of a new method or a change request (修改提案) from drafting to a
 * decision, keeping a change request current with its target (rebase), and the editor.
 */
@ApplicationModule(displayName = "提案")
@NullMarked
package org.methodportal.proposal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
