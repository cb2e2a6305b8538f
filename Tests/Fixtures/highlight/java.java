package com.example.inventory;

import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A tiny in-memory inventory service, the kind you sketch before
 * reaching for a database.
 */
public class InventoryService {

    private static final int MAX_ITEMS = 10_000;
    private static final double TAX_RATE = 0.19;
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private volatile long lastUpdate = 0L;

    public enum Category { BOOKS, GAMES, TOOLS }

    public record Item(String sku, String name, Category category, int quantity, double price) {
        public Item {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must be >= 0, was " + quantity);
            }
        }
    }

    @FunctionalInterface
    interface PriceRule {
        double apply(Item item);
    }

    public void add(Item item) {
        Objects.requireNonNull(item, "item");
        if (items.size() >= MAX_ITEMS) {
            throw new IllegalStateException("inventory is full");
        }
        items.merge(item.sku(), item, (old, fresh) ->
                new Item(old.sku(), old.name(), old.category(), old.quantity() + fresh.quantity(), fresh.price()));
        lastUpdate = Instant.now().toEpochMilli();
    }

    public Optional<Item> find(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    public List<Item> lowStock(int threshold) {
        return items.values().stream()
                .filter(i -> i.quantity() <= threshold)
                .sorted(Comparator.comparingInt(Item::quantity))
                .collect(Collectors.toList());
    }

    public Map<Category, Double> valueByCategory(PriceRule rule) {
        Map<Category, Double> totals = new EnumMap<>(Category.class);
        for (Item item : items.values()) {
            double value = rule.apply(item) * item.quantity();
            totals.merge(item.category(), value, Double::sum);
        }
        return totals;
    }

    static String describe(Item item) {
        switch (item.category()) {
            case BOOKS:
                return "\uD83D\uDCDA " + item.name();
            case GAMES:
                return "[game] " + item.name();
            default:
                return item.name() + '\t' + item.sku();
        }
    }

    @Override
    public String toString() {
        return String.format("InventoryService{items=%d, lastUpdate=%d}", items.size(), lastUpdate);
    }

    public static void main(String[] args) throws Exception {
        var service = new InventoryService();
        service.add(new Item("B-001", "The Pragmatic Programmer", Category.BOOKS, 3, 42.50));
        service.add(new Item("T-042", "Torque wrench", Category.TOOLS, 1, 89.9));
        char sep = ',';
        int mask = 0xFF & 0b1010 | 017;
        boolean verbose = args.length > 0 && args[0].equals("-v");

        // 19% tax on everything but books
        PriceRule withTax = item -> item.category() == Category.BOOKS
                ? item.price()
                : item.price() * (1 + TAX_RATE);

        service.valueByCategory(withTax).forEach((category, total) ->
                System.out.printf("%-6s %10.2f%n", category, total));
        if (verbose) {
            System.out.println(service + " mask=" + mask + sep);
        }
        try {
            service.add(new Item("X", "broken", Category.GAMES, -1, 1.0f));
        } catch (IllegalArgumentException e) {
            System.err.println("rejected: " + e.getMessage());
        } finally {
            System.out.println(describe(service.find("B-001").orElseThrow()));
        }
    }
}
