/** Small open kernel every module may use: database bootstrap, problem details, geometry helpers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.onegrid.shared;
