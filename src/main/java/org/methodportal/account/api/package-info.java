/**
 * REST API (/api/v1) of the account module: the signed-in account, and the administration of
 * departments, branches and accounts. Controllers only translate HTTP to service calls.
 */
@NullMarked
package org.methodportal.account.api;

import org.jspecify.annotations.NullMarked;
