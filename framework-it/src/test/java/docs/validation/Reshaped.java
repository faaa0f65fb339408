package docs.validation;

import dev.brisk.*;
import java.util.*;

public class Reshaped {
    public static App app() {
        return App.builder()
                .include(new Signup())
                .exceptionHandler(RequestValidationException.class, (e, request) ->
                        Response.json(400, Map.of("errors", e.errors().stream()
                                .map(err -> String.join(".", err.loc().stream().map(String::valueOf).toList()) + ": " + err.msg())
                                .toList())))
                .build();
    }
}
