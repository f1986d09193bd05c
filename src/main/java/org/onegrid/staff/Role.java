package org.onegrid.staff;

/** What a user may do. A user has one or more roles; the Spring Security authority is {@code ROLE_<name>}. */
public enum Role {
    ADMIN("管理员"),
    LEADER("领导"),
    /** 综治中心坐席: accepts, dispatches and supervises at a centre of any level. */
    CENTRE_DISPATCHER("综治中心坐席"),
    /** 部门处置人员: signs for and handles dispatched work in a department. */
    DEPARTMENT_HANDLER("部门处置人员"),
    GRID_WORKER("网格员"),
    MEDIATOR("调解员"),
    RESIDENT("群众");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
