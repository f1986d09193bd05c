package org.onegrid.registry.imports;

/**
 * One column of an import template.
 *
 * @param key how the code names it
 * @param header the Chinese header in the file
 * @param required whether every row must fill it
 * @param help what to write, for the explanation sheet
 * @param example the value of the example row
 */
public record Column(String key, String header, boolean required, String help, String example) {}
