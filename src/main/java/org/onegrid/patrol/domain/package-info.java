/** The visits' rules, free of Spring: the visit at the door, its flags and refusals, schedules, change requests. */
@org.springframework.modulith.NamedInterface("domain")
package org.onegrid.patrol.domain;
