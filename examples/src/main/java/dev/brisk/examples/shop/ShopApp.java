package dev.brisk.examples.shop;

import dev.brisk.App;

/** An items shop: CRUD with validation, paging, 404s, a token-checked admin router, a per-request session. */
public final class ShopApp {
    private ShopApp() {
    }

    /** The app with a fresh, empty store. */
    public static App app() {
        return App.builder()
                .title("Shop").version("1.0.0")
                .description("Items CRUD: the Brisk request model in one small app.")
                .scan("dev.brisk.examples.shop")
                .provide(ItemStore.class, new ItemStore())
                .build();
    }
}
