/** Integrations with other systems: Open311 GeoReport v2, the 12345 hotline bridge, the cascade to the upper-level platform. */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations")
package org.onegrid.integration;
