package org.methodportal.method;

/** The origin of an imported method as the file names it: department and branch. */
public record OriginName(String department, String branch) {
}
