/** Administrative regions (市/县区/乡镇街道/村社区), grids 网格 and locating a point in them. */
@org.springframework.modulith.ApplicationModule(displayName = "Regions and grids")
package org.onegrid.region;
