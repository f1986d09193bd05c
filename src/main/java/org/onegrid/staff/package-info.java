/** Staff: centres 综治中心, departments 职能部门, users, roles, grid duties, login and every user's data scope. */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package org.onegrid.staff;
