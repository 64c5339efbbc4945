package org.methodportal.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.review.*}: the approvals a proposal needs before it is published, unless an
 * administrator set another number (globally or per department) in the portal.
 */
@ConfigurationProperties("portal.review")
public record ReviewProperties(@DefaultValue("1") int approvalsRequired) {
}
