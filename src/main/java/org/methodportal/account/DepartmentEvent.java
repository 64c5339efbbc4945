package org.methodportal.account;

/** Something an administrator did to a department; the detail names it as it was and is. */
public sealed interface DepartmentEvent extends OrganisationEvent {

    long departmentId();

    @Override
    default String objectType() {
        return "department";
    }

    @Override
    default String objectId() {
        return String.valueOf(departmentId());
    }

    record DepartmentCreated(long departmentId, String name) implements DepartmentEvent {
        @Override
        public String detail() {
            return name;
        }
    }

    record DepartmentUpdated(long departmentId, String previousName, String name) implements DepartmentEvent {
        @Override
        public String detail() {
            return previousName + " → " + name;
        }
    }

    record DepartmentEnabled(long departmentId, String name) implements DepartmentEvent {
        @Override
        public String detail() {
            return name;
        }
    }

    record DepartmentDisabled(long departmentId, String name) implements DepartmentEvent {
        @Override
        public String detail() {
            return name;
        }
    }
}
