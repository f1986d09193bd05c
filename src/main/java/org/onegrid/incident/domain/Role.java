package org.onegrid.incident.domain;

/** The role an {@link Actor} acts in (角色). Mirrors the staff roles, plus {@link #SYSTEM} for automatic actions. */
public enum Role {
    ADMIN("管理员"),
    LEADER("领导"),
    /** 综治中心坐席. */
    CENTRE_DISPATCHER("综治中心坐席"),
    /** 部门处置人员. */
    DEPARTMENT_HANDLER("部门处置人员"),
    GRID_WORKER("网格员"),
    MEDIATOR("调解员"),
    RESIDENT("群众"),
    /** 系统: the platform itself, e.g. the overdue scan or a sensor bridge; no user has this role. */
    SYSTEM("系统");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
