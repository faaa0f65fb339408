package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a status a route answers besides its success, like FastAPI's {@code responses={404: {...}}}:
 * typically the {@link HttpException}s it throws. On a route method, or on a router class for every
 * route of the class (the method's own declaration of a status wins). It changes only the OpenAPI
 * document, never what the route sends.
 *
 * <pre>{@code
 * @Get("/{id}")
 * @Responds(status = 404, description = "Item not found")
 * public Item read(int id) { ... }
 * }</pre>
 *
 * A status outside 100..599, one declared twice on the same method or class, or the route's own success
 * status (documented from its return type) fails startup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Responds.List.class)
public @interface Responds {
    /** The HTTP status. */
    int status();

    /** What the status means here; defaults to its reason phrase ("Not Found"). */
    String description() default "";

    /**
     * The type of the JSON body sent with it. By default a 4xx or 5xx has the {@code {"detail": ...}}
     * body that {@link HttpException} sends, and any other status has none.
     */
    Class<?> model() default void.class;

    /** Holds repeated {@link Responds} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        /** The declared responses. */
        Responds[] value();
    }
}
