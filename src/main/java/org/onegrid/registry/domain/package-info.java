/** The registry's rules, free of Spring: ID numbers, credit codes, phones, households and their heads. */
package org.onegrid.registry.domain;
