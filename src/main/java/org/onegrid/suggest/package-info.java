/**
 * Smart dispatch 智能分拨: the catalog item (and so the department) a complaint's text most likely means, learnt from the
 * catalog, the shipped corpus of resident-worded complaints and the city's own confirmed and corrected incidents.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Smart dispatch",
        allowedDependencies = {"catalog", "staff", "shared"})
package org.onegrid.suggest;
