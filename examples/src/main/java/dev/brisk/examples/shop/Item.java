package dev.brisk.examples.shop;

import java.util.List;

/**
 * A stored item.
 *
 * @param id the item's id
 * @param name display name
 * @param price unit price
 * @param description optional text
 * @param tags free-form labels
 */
public record Item(int id, String name, double price, String description, List<String> tags) {
}
