package docs.caching;

import dev.brisk.*;
import dev.brisk.cache.Cache;
import dev.brisk.cache.Cached;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Router(prefix = "/catalog")
public class Catalog {
    public record Product(String sku, String name, double price) {}

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final Cache cache;

    public Catalog(Cache cache) {                        // the app's cache, given by App.Builder.provide
        this.cache = cache;
    }

    @Get("/{sku}")
    @Cached(ttl = "60s", namespace = "products")        // one entry per sku, for 60 seconds
    public Product read(String sku) {
        var p = products.get(sku);
        if (p == null) throw new HttpException(404, "Product not found");
        return p;
    }

    @Put("/{sku}")
    public Product write(String sku, Product product) {
        products.put(sku, product);
        cache.evictNamespace("products").join();        // the next GET computes afresh
        return product;
    }
}
