package org.onegrid.registry;

/**
 * The demo city's synthetic registry 合成数据 of a town is in: its addresses, households, persons and organisations
 * were imported (every file accepted). Whatever builds on the demo's households — their past year of visits — starts
 * from here.
 *
 * @param regionPath the town's region path (its subtree holds every household imported)
 */
public record DemoRegistryImported(String regionPath) {}
