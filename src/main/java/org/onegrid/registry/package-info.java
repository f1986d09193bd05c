/**
 * Base data 人、地、物、事、情、组织 (GB/T 31000 "9+X"): standard addresses, buildings, households, persons,
 * organisations and life events, with personal data encrypted, blind-indexed, masked by default and read unmasked
 * only with a purpose that is logged. The public API is {@link org.onegrid.registry.Registry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.onegrid.registry;
