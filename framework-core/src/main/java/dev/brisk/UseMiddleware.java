package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs middleware for the requests of one router (on the class) or one route (on the method), inside
 * the app's middleware: the router's outside the route's, each list in the order given. Each class is
 * created once at startup, with a public constructor whose parameters are provided values (like
 * route classes); a {@code Middleware} registered with {@link App.Builder#provide} is used as it is.
 *
 * <pre>{@code
 * @Router(prefix = "/admin")
 * @UseMiddleware(AuditLog.class)
 * public class Admin { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseMiddleware {
    /** The middleware classes, outermost first. */
    Class<? extends Middleware>[] value();
}
