package docs.parameters;

import dev.brisk.*;

public class Raw {
    @Get("/raw")
    public String raw(Request request, Response response) {
        response.header("X-Seen-Path", request.path()).cookie("visited", "yes");
        return request.method() + " " + request.uri() + " " + request.header("user-agent").orElse("?");
    }
}
