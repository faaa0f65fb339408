package docs.parameters;

import dev.brisk.*;
import jakarta.validation.constraints.Pattern;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

public class Preferences {
    @Post("/prefs")
    public String save(@Pattern(regexp = "light|dark") String theme, String note, Response response) {
        response.cookie(SetCookie.of("theme", theme).withMaxAge(Duration.ofDays(365)))   // validated: a safe value
                .cookie(SetCookie.encoded("note", note));                              // any text: percent-encoded
        return "saved";
    }

    @Get("/prefs/note")
    public String note(@Cookie Optional<String> note) {
        return note.map(n -> URLDecoder.decode(n, StandardCharsets.UTF_8)).orElse("");
    }

    @Post("/prefs/clear")
    public String clear(Response response) {
        response.deleteCookie("theme").deleteCookie("note");
        return "cleared";
    }

    @Post("/prefs/unsafe")
    public String unsafe(String theme, Response response) {
        response.cookie("theme", theme);   // "dark; Domain=evil.com" -> IllegalArgumentException here: a 500
        return "saved";
    }
}
