/** Deadlines and lights 亮灯 in working or natural time, for every kind of case. */
@org.springframework.modulith.NamedInterface("time")
package org.onegrid.casework.time;
