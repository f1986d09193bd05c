package org.onegrid.incident.domain;

import java.util.List;
import java.util.Objects;

/** Where a centre sends an accepted incident (派遣): to departments in one of three modes, or down to a lower centre. */
public sealed interface Dispatch permits Dispatch.Single, Dispatch.Dual, Dispatch.Joint, Dispatch.Down {

    DispatchMode mode();

    /** 单派: one department handles it. */
    record Single(Department department) implements Dispatch {
        public Single {
            Objects.requireNonNull(department, "department");
        }

        @Override
        public DispatchMode mode() {
            return DispatchMode.SINGLE;
        }
    }

    /** 双派单: the department handles it, the grid worker {@code supervisorUserId} supervises and verifies on site. */
    record Dual(Department department, long supervisorUserId) implements Dispatch {
        public Dual {
            Objects.requireNonNull(department, "department");
        }

        @Override
        public DispatchMode mode() {
            return DispatchMode.DUAL;
        }
    }

    /** 吹哨报到: the lead department (主办) handles it with the assisting departments (协办). */
    record Joint(Department lead, List<Department> assisting) implements Dispatch {
        public Joint {
            Objects.requireNonNull(lead, "lead");
            assisting = List.copyOf(assisting);
        }

        @Override
        public DispatchMode mode() {
            return DispatchMode.JOINT;
        }
    }

    /** 下派: to a lower centre in the incident's region, which then owns the incident. */
    record Down(Centre centre) implements Dispatch {
        public Down {
            Objects.requireNonNull(centre, "centre");
        }

        @Override
        public DispatchMode mode() {
            return DispatchMode.DOWN;
        }
    }
}
