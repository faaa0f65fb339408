package dev.brisk.examples.shop;

import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;

import java.util.Map;

/** The shop's dependencies. */
public final class Sessions {
    private Sessions() {
    }

    /** One session per request; closed after the response is sent. */
    @Provides
    public static DbSession session(ItemStore store) {
        return new DbSession(store);
    }

    /** Checks the {@code X-Token} header of every admin request. */
    @Provides
    public static AdminToken adminToken(@Header String xToken) {
        if (!"secret-token".equals(xToken)) {
            throw new HttpException(403, "Invalid X-Token header", Map.of());
        }
        return new AdminToken(xToken);
    }

    /**
     * Proof that a request carried a valid admin token.
     *
     * @param value the token
     */
    public record AdminToken(String value) {
    }
}
