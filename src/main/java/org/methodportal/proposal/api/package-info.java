/**
 * REST API (/api/v1) of proposals: submit, withdraw, change requests, rebase, archive. Controllers
 * only translate HTTP to {@code ProposalService} calls; the service enforces visibility and roles.
 */
@NullMarked
package org.methodportal.proposal.api;

import org.jspecify.annotations.NullMarked;
