/**
 * The registry's vocabulary and rules, free of Spring: ID numbers, credit codes, phones, households and their heads,
 * life events. Part of the module's API (a named interface), because its commands and views speak in these terms
 * ({@link org.onegrid.registry.domain.Sex}, {@link org.onegrid.registry.domain.Member},
 * {@link org.onegrid.registry.domain.Violation} …) and the modules built on the registry will too.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.onegrid.registry.domain;
