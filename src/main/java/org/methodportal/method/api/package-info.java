/**
 * REST API (/api/v1) of the method module: methods, revisions and proposals (drafts). Controllers
 * only translate HTTP to service calls; the service enforces visibility and roles.
 */
@NullMarked
package org.methodportal.method.api;

import org.jspecify.annotations.NullMarked;
