package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a record component of a JSON body takes when the request leaves it out, like
 * FastAPI's {@code done: bool = False}: {@code record Todo(String title, @Default("false") boolean done)}.
 * The component is then not required; an explicit JSON {@code null} is still rejected with the
 * type's error. For a simple type (number, boolean, string, enum, UUID, {@code java.time}) the text
 * is read as a query value is ({@code "10"}, {@code "false"}, {@code "hello"}); for any other type
 * (lists, maps, records) it is JSON ({@code "[\"new\"]"}). A default that does not convert, or that
 * breaks the component's constraints, fails startup. OpenAPI shows it as the property's {@code default}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    /** The default, as text (simple types) or JSON (everything else). */
    String value();
}
